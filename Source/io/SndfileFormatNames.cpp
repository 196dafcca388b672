// SPDX-License-Identifier: GPL-3.0-or-later
#include "SndfileFormatNames.h"

#include <string>

namespace partita::detail
{
namespace
{

/** libsndfile's name for one part (container or encoding) of a format. */
std::string libsndfileName (int formatPart)
{
    SF_FORMAT_INFO formatInfo {};
    formatInfo.format = formatPart;
    if (sf_command (nullptr, SFC_GET_FORMAT_INFO, &formatInfo, sizeof (formatInfo)) == 0 && formatInfo.name != nullptr)
        return formatInfo.name;
    return "unknown";
}

std::string containerName (int format)
{
    switch (format & SF_FORMAT_TYPEMASK)
    {
        case SF_FORMAT_WAV:
        case SF_FORMAT_WAVEX:
            return "WAV";
        case SF_FORMAT_RF64:
            return "RF64";
        case SF_FORMAT_W64:
            return "W64";
        case SF_FORMAT_AIFF:
            return "AIFF";
        case SF_FORMAT_FLAC:
            return "FLAC";
        case SF_FORMAT_OGG:
            return "Ogg";
        case SF_FORMAT_CAF:
            return "CAF";
        default:
            return libsndfileName (format & SF_FORMAT_TYPEMASK);
    }
}

std::string sampleFormatName (int format)
{
    switch (format & SF_FORMAT_SUBMASK)
    {
        case SF_FORMAT_PCM_S8:
        case SF_FORMAT_PCM_U8:
            return "8-bit PCM";
        case SF_FORMAT_PCM_16:
            return "16-bit PCM";
        case SF_FORMAT_PCM_24:
            return "24-bit PCM";
        case SF_FORMAT_PCM_32:
            return "32-bit PCM";
        case SF_FORMAT_FLOAT:
            return "32-bit float";
        case SF_FORMAT_DOUBLE:
            return "64-bit float";
        case SF_FORMAT_VORBIS:
            return "Vorbis";
        case SF_FORMAT_OPUS:
            return "Opus";
        default:
            return libsndfileName (format & SF_FORMAT_SUBMASK);
    }
}

} // namespace

AudioFileInfo describeAudioFile (SNDFILE* handle, const SF_INFO& info)
{
    AudioFileInfo result;
    // Only WAVE_FORMAT_EXTENSIBLE files can say so; libsndfile answers
    // SF_AMBISONIC_NONE (or an error, 0) for every other file.
    result.ambisonicBFormat = sf_command (handle, SFC_WAVEX_GET_AMBISONIC, nullptr, 0) == SF_AMBISONIC_B_FORMAT;
    result.numChannels = static_cast<std::size_t> (info.channels);
    result.sampleRate = static_cast<double> (info.samplerate);
    result.numFrames = static_cast<std::uint64_t> (info.frames);
    result.formatName = containerName (info.format);
    result.sampleFormat = sampleFormatName (info.format);
    if (const char* comment = sf_get_string (handle, SF_STR_COMMENT); comment != nullptr)
        result.comment = comment;
    return result;
}

} // namespace partita::detail
