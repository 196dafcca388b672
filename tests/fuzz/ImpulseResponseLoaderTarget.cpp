// SPDX-License-Identifier: GPL-3.0-or-later
#include "FuzzTargets.h"

#include "io/AudioFileError.h"
#include "io/AudioFileReader.h"
#include "ir/ImpulseResponsePreparation.h"
#include "ir/ImpulseResponseReadLimits.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <string>

namespace partita::fuzz
{
namespace
{
    /** One in-memory file per process, rewritten for every input: no disk,
        and a real path for the reader's checks and libsndfile's open(). */
    class MemoryFile
    {
    public:
        MemoryFile() : descriptor (memfd_create ("partita-fuzz-ir", 0))
        {
            if (descriptor < 0)
                throw std::runtime_error ("memfd_create failed");
        }

        ~MemoryFile() { close (descriptor); }
        MemoryFile (const MemoryFile&) = delete;
        MemoryFile& operator= (const MemoryFile&) = delete;

        std::filesystem::path hold (std::span<const std::uint8_t> bytes)
        {
            if (ftruncate (descriptor, 0) != 0)
                throw std::runtime_error ("ftruncate failed");
            std::size_t written = 0;
            while (written < bytes.size())
            {
                const auto result = pwrite (descriptor, bytes.data() + written, bytes.size() - written,
                                            static_cast<off_t> (written));
                if (result <= 0)
                    throw std::runtime_error ("pwrite failed");
                written += static_cast<std::size_t> (result);
            }
            return "/proc/self/fd/" + std::to_string (descriptor);
        }

    private:
        int descriptor;
    };

    void checkMessage (const std::exception& error)
    {
        const std::string message = error.what();
        if (message.empty() || message.find ('\n') != std::string::npos)
            throw ContractViolation ("an error message is empty or not one line: " + message);
    }

    void checkClip (const AudioClip& clip, const AudioReadLimits& limits, const AudioFileInfo& info)
    {
        if (clip.numChannels() == 0 || clip.numChannels() > limits.maxChannels)
            throw ContractViolation ("accepted a clip with " + std::to_string (clip.numChannels()) + " channels");
        if (! (clip.sampleRate >= limits.minSampleRate && clip.sampleRate <= limits.maxSampleRate))
            throw ContractViolation ("accepted a clip at " + std::to_string (clip.sampleRate) + " Hz");
        if (clip.numFrames() > limits.maxFrames)
            throw ContractViolation ("accepted a clip of " + std::to_string (clip.numFrames()) + " frames");
        if (info.numChannels != clip.numChannels() || info.sampleRate != clip.sampleRate
            || info.numFrames != clip.numFrames())
            throw ContractViolation ("readAudioFileInfo and readAudioFile disagree");
        for (const auto& channel : clip.channels)
        {
            if (channel.size() != clip.numFrames())
                throw ContractViolation ("accepted a clip with channels of different lengths");
            for (const double sample : channel)
                if (! std::isfinite (sample))
                    throw ContractViolation ("accepted a clip holding a non-finite sample");
        }
    }
} // namespace

void checkImpulseResponseLoader (std::span<const std::uint8_t> bytes)
{
    static MemoryFile file;
    const auto path = file.hold (bytes);
    constexpr auto limits = impulseResponseReadLimits (8);

    try
    {
        const auto info = readAudioFileInfo (path, limits);
        const auto clip = readAudioFile (path, limits);
        checkClip (clip, limits, info);

        const auto prepared = prepareImpulseResponse (clip, 48000.0, IrNormalisation::energy, "fuzzed.wav");
        for (const auto& channel : prepared.channels)
            for (const double sample : channel)
                if (! std::isfinite (sample))
                    throw ContractViolation ("the IR chain made a non-finite sample");
    }
    catch (const AudioFileError& error)
    {
        checkMessage (error);
    }
    catch (const ContractViolation&)
    {
        throw;
    }
    catch (const std::exception& error)
    {
        throw ContractViolation (std::string ("unexpected exception: ") + error.what());
    }
}

} // namespace partita::fuzz
