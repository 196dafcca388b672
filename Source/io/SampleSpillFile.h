// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <span>
#include <vector>

namespace partita
{

/** Samples written out and read back in the same order, as the doubles they
    were, for work that must see a whole output before it can write it
    (scaling a streamed render to a level) without holding it in memory. The
    file is an unnamed one in the system's temporary folder (std::tmpfile):
    nothing is left behind when the object goes, or the process ends however
    it ends. 8 bytes a sample.

    Threading: one thread at a time per object. */
class SampleSpillFile
{
public:
    /** `output` names the file the samples are for, in the messages. Throws
        AudioFileError when no temporary file can be made. */
    SampleSpillFile (std::size_t numChannels, const std::filesystem::path& output);

    /** Appends numFrames frames, channel c from channels[c]. Throws
        AudioFileError when the disk is full. */
    void write (std::span<const double* const> channels, std::size_t numFrames);

    /** Goes back to the first frame, for reading. */
    void rewind();

    /** Reads the next numFrames frames into channels[c]. Throws
        AudioFileError when fewer are left or reading fails. */
    void read (std::span<double* const> channels, std::size_t numFrames);

private:
    struct Closer
    {
        void operator() (std::FILE* file) const noexcept { std::fclose (file); }
    };

    [[noreturn]] void fail (const char* doing) const;

    std::unique_ptr<std::FILE, Closer> file;
    std::size_t numChannels;
    std::filesystem::path output;
    std::vector<double> interleaved;
};

} // namespace partita
