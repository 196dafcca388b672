// SPDX-License-Identifier: GPL-3.0-or-later
#include "SampleSpillFile.h"

#include "AudioFileError.h"
#include "QuotedText.h"

#include <cerrno>
#include <cstring>
#include <string>

namespace partita
{

SampleSpillFile::SampleSpillFile (std::size_t channels, const std::filesystem::path& outputFile)
    : file (std::tmpfile())
    , numChannels (channels)
    , output (outputFile)
{
    if (file == nullptr)
        fail ("create");
}

void SampleSpillFile::write (std::span<const double* const> channels, std::size_t numFrames)
{
    interleaved.resize (numFrames * numChannels);
    for (std::size_t channel = 0; channel < numChannels; ++channel)
        for (std::size_t n = 0; n < numFrames; ++n)
            interleaved[n * numChannels + channel] = channels[channel][n];
    errno = 0;
    if (std::fwrite (interleaved.data(), sizeof (double), interleaved.size(), file.get()) != interleaved.size())
        fail ("write");
}

void SampleSpillFile::rewind()
{
    errno = 0;
    if (std::fflush (file.get()) != 0 || std::fseek (file.get(), 0, SEEK_SET) != 0)
        fail ("read");
}

void SampleSpillFile::read (std::span<double* const> channels, std::size_t numFrames)
{
    interleaved.resize (numFrames * numChannels);
    errno = 0;
    if (std::fread (interleaved.data(), sizeof (double), interleaved.size(), file.get()) != interleaved.size())
        fail ("read");
    for (std::size_t channel = 0; channel < numChannels; ++channel)
        for (std::size_t n = 0; n < numFrames; ++n)
            channels[channel][n] = interleaved[n * numChannels + channel];
}

void SampleSpillFile::fail (const char* doing) const
{
    const int error = errno;
    const std::string reason = error != 0 ? std::strerror (error) : "unexpected end of file";
    throw AudioFileError ("cannot " + std::string (doing) + " the temporary samples of " + quoted (output) + ": "
                          + reason);
}

} // namespace partita
