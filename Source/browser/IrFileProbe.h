// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ScannedIrFile.h"
#include "io/AudioClip.h"
#include "io/AudioFileReader.h"

#include <filesystem>
#include <string>

namespace partita
{

/** Reads what the browser shows of one IR file: its header (channels, rate,
    length) and, for a file short enough to decode during a scan, its
    reverberation time. A file the IR loader would refuse is reported
    unreadable with the reader's own one-line reason, so the browser and the
    loader never disagree about a file.

    Threading: a pure function of the file; any thread. */
class IrFileProbe
{
public:
    /** limits: what the loader accepts (the plugin's irReadLimits). */
    explicit IrFileProbe (const AudioReadLimits& limits);

    /** The file's facts; never throws (a failure is the result's reason). */
    [[nodiscard]] ScannedIrFile probe (const std::filesystem::path& file) const;

    /** The facts of a decoded IR: reverberation time of all channels'
        energy summed, as the envelope's Reverb time measures it. */
    [[nodiscard]] static IrFacts factsOf (const AudioClip& clip);

    /** Whether a file name has an extension the loader reads (WAV, AIFF,
        FLAC, Ogg, W64, CAF, RF64), in any case. */
    [[nodiscard]] static bool hasAudioExtension (const std::filesystem::path& file);

    /** Decoding stops being worth it for a scan above this many samples
        (all channels): the header's facts are shown, without a reverb time
        (about 10 s of stereo at 48 kHz; a few milliseconds to decode). */
    static constexpr std::uint64_t maxSamplesToMeasure = std::uint64_t { 1 } << 20;

private:
    AudioReadLimits readLimits;
};

} // namespace partita
