// SPDX-License-Identifier: GPL-3.0-or-later
#include "TruncationCheck.h"

#include "AudioFileError.h"
#include "ContainerHeader.h"
#include "QuotedText.h"

#include <optional>
#include <string>

namespace partita::detail
{
namespace
{

/** Bytes per sample of files that store raw samples; nothing for
    compressed ones (FLAC also reports PCM_16 or PCM_24 as its subtype). */
std::optional<std::uint64_t> bytesPerUncompressedSample (int format) noexcept
{
    switch (format & SF_FORMAT_TYPEMASK)
    {
        case SF_FORMAT_WAV:
        case SF_FORMAT_WAVEX:
        case SF_FORMAT_RF64:
        case SF_FORMAT_W64:
        case SF_FORMAT_AIFF:
        case SF_FORMAT_CAF:
        case SF_FORMAT_AU:
            break;
        default:
            return std::nullopt;
    }

    switch (format & SF_FORMAT_SUBMASK)
    {
        case SF_FORMAT_PCM_S8:
        case SF_FORMAT_PCM_U8:
            return 1;
        case SF_FORMAT_PCM_16:
            return 2;
        case SF_FORMAT_PCM_24:
            return 3;
        case SF_FORMAT_PCM_32:
        case SF_FORMAT_FLOAT:
            return 4;
        case SF_FORMAT_DOUBLE:
            return 8;
        default:
            return std::nullopt;
    }
}

[[noreturn]] void failTruncated (const std::filesystem::path& path, std::uint64_t declaredFrames,
                                 std::uint64_t heldFrames)
{
    throw AudioFileError (quoted (path) + " is truncated: its header declares " + std::to_string (declaredFrames)
                          + " frames but the file holds " + std::to_string (heldFrames));
}

} // namespace

void checkNotTruncated (const std::filesystem::path& path, const SF_INFO& info, std::uintmax_t fileSize)
{
    const auto bytesPerSample = bytesPerUncompressedSample (info.format);
    if (!bytesPerSample.has_value())
        return;

    const auto bytesPerFrame = *bytesPerSample * static_cast<std::uint64_t> (info.channels);
    const auto frames = static_cast<std::uint64_t> (info.frames);
    const auto header = readContainerHeader (path);
    const auto dataOffset = header.has_value() ? header->dataOffset.value_or (0) : 0;
    const auto heldFrames = fileSize > dataOffset ? (fileSize - dataOffset) / bytesPerFrame : 0;

    // The length libsndfile reports (it shortens truncated WAVs, but not
    // every format) ...
    if (frames > heldFrames)
        failTruncated (path, frames, heldFrames);

    // ... and the length the header itself declares.
    if (!header.has_value())
        return;

    std::optional<std::uint64_t> declaredFrames = header->declaredFrames;
    if (!declaredFrames.has_value() && header->declaredDataBytes.has_value())
        declaredFrames = *header->declaredDataBytes / bytesPerFrame;

    if (declaredFrames.has_value() && *declaredFrames > heldFrames)
        failTruncated (path, *declaredFrames, heldFrames);
}

} // namespace partita::detail
