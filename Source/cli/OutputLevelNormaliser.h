// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RenderOptions.h"
#include "analysis/LoudnessMeter.h"
#include "io/AudioClip.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>

namespace partita
{

/** What --normalize-output decided for an output. */
struct OutputLevelOutcome
{
    /** The factor to scale every sample by: 1 when the output is left as it is. */
    double gain = 1.0;
    /** The gain in dB; nothing when the output is left as it is. */
    std::optional<double> gainDb;
    /** For a loudness target: the output's integrated loudness after the
        gain, in LUFS, measured again. */
    std::optional<double> loudness;
    /** Why the output could not be normalised, one line for the user
        ("warning: ..."); empty when it was. */
    std::string warning;
};

/** --normalize-output: measures an output fed a block at a time (its sample
    peak, or its integrated loudness per ITU-R BS.1770-4 with
    bs1770ChannelWeights) and, once it has seen all of it, gives the one gain
    that brings the measure to the target. An output with nothing to measure
    (silent, below the -70 LUFS gate, shorter than one 400 ms loudness
    block, or holding non-finite samples) gets a gain of 1 and a warning.

    Threading: one thread at a time per object. */
class OutputLevelNormaliser
{
public:
    /** Throws std::invalid_argument for a loudness target at a rate
        K-weighting cannot be designed at. */
    OutputLevelNormaliser (const OutputNormalisation& normalisation, double sampleRate, std::size_t numChannels);

    /** Feeds the output's next numFrames frames, channel c from channels[c]. */
    void measure (std::span<const double* const> channels, std::size_t numFrames);

    /** The gain for everything measured, the warning naming `output`. */
    [[nodiscard]] OutputLevelOutcome outcome (const std::filesystem::path& output) const;

    /** The integrated loudness measured (a loudness target only). */
    [[nodiscard]] std::optional<double> loudness() const;

private:
    OutputNormalisation normalisation;
    double sampleRate;
    std::optional<LoudnessMeter> meter;
    double peak = 0.0;
    bool allFinite = true;
    std::size_t numFrames = 0;
};

/** Scales a whole clip as --normalize-output asks, in place. */
OutputLevelOutcome normaliseOutputLevel (AudioClip& clip, const OutputNormalisation& normalisation,
                                         const std::filesystem::path& output);

} // namespace partita
