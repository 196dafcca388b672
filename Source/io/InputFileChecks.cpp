// SPDX-License-Identifier: GPL-3.0-or-later
#include "InputFileChecks.h"

#include "ContainerHeader.h"
#include "FileFailure.h"
#include "TruncationCheck.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <fstream>
#include <string>
#include <system_error>

namespace partita::detail
{
namespace
{

[[noreturn]] void fail (const std::string& message)
{
    throw AudioFileError (message);
}

std::string formatRate (double rate)
{
    if (rate == std::floor (rate) && std::abs (rate) < 1.0e15)
        return std::to_string (static_cast<long long> (rate)) + " Hz";
    return std::to_string (rate) + " Hz";
}

std::string supportedRates (const AudioReadLimits& limits)
{
    return formatRate (limits.minSampleRate) + " to " + formatRate (limits.maxSampleRate);
}

/** libsndfile reports a permission problem as a generic system error;
    opening the file ourselves first gets the operating system's reason. */
void checkOpenable (const std::filesystem::path& path)
{
    errno = 0;
    std::ifstream probe (path, std::ios::binary);
    if (!probe)
    {
        const int reason = errno;
        failToRead (path, reason != 0 ? std::generic_category().message (reason) : std::string { "cannot be opened" });
    }
}

/** Everything that can be said without libsndfile: is there a readable,
    regular file? Returns its size in bytes. */
std::uintmax_t checkReadableRegularFile (const std::filesystem::path& path)
{
    std::error_code error;
    const auto status = std::filesystem::status (path, error);

    if (status.type() == std::filesystem::file_type::not_found)
        failToRead (path, std::make_error_code (std::errc::no_such_file_or_directory).message());
    if (error)
        failToRead (path, error.message());
    if (status.type() == std::filesystem::file_type::directory)
        failToRead (path, "it is a folder, not an audio file");
    // A fifo or device would block libsndfile or feed it endless data.
    if (status.type() != std::filesystem::file_type::regular)
        failToRead (path, "not a regular file");

    const auto size = std::filesystem::file_size (path, error);
    if (error)
        failToRead (path, error.message());

    checkOpenable (path);
    return size;
}

void checkChannelsAndRate (const std::filesystem::path& path, std::uint64_t channels, double sampleRate,
                           const AudioReadLimits& limits)
{
    if (channels == 0)
        fail (quoted (path) + " has no audio channels (its header declares 0)");
    if (channels > limits.maxChannels)
        fail (quoted (path) + " has " + std::to_string (channels) + " channels, more than the "
              + std::to_string (limits.maxChannels) + " supported");
    if (!(sampleRate >= limits.minSampleRate && sampleRate <= limits.maxSampleRate))
        fail (quoted (path) + " has a sample rate of " + formatRate (sampleRate) + "; supported rates are "
              + supportedRates (limits));
}

/** libsndfile refused the file: say why in words the user can act on. */
[[noreturn]] void failToOpen (const std::filesystem::path& path, const AudioReadLimits& limits)
{
    const int code = sf_error (nullptr);
    const auto phrase = sndfileErrorPhrase (nullptr);

    if (const auto header = readContainerHeader (path))
    {
        if (header->channels.has_value() && header->sampleRate.has_value())
            checkChannelsAndRate (path, *header->channels, *header->sampleRate, limits);
    }

    if (code == SF_ERR_UNRECOGNISED_FORMAT)
        fail (quoted (path) + " is not a readable audio file (format not recognised)");
    fail (quoted (path) + " is not a readable audio file (" + phrase + ")");
}

} // namespace

OpenedInputFile openCheckedInputFile (const std::filesystem::path& path, const AudioReadLimits& limits)
{
    const auto fileSize = checkReadableRegularFile (path);

    OpenedInputFile opened;
    opened.handle = openSndfile (path, SFM_READ, opened.info);
    if (opened.handle == nullptr)
        failToOpen (path, limits);

    const auto& info = opened.info;
    checkChannelsAndRate (path, static_cast<std::uint64_t> (std::max (info.channels, 0)),
                          static_cast<double> (info.samplerate), limits);

    if (info.frames < 0 || static_cast<std::uint64_t> (info.frames) > limits.maxFrames)
        fail (quoted (path) + " is too long: " + std::to_string (info.frames) + " frames, more than the "
              + std::to_string (limits.maxFrames) + " supported");

    checkNotTruncated (path, info, fileSize);
    return opened;
}

} // namespace partita::detail
