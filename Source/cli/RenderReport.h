// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChannelStatistics.h"
#include "io/AudioClip.h"
#include "io/OutputFormat.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace partita
{

/** What a render wrote, measured on the samples before they were quantised. */
struct RenderReport
{
    std::filesystem::path output;
    std::size_t numChannels = 0;
    double sampleRate = 0.0;
    std::size_t numFrames = 0;
    SampleFormat sampleFormat = SampleFormat::float32;
    double peak = 0.0;
    std::size_t samplesBeyondFullScale = 0;
    /** --normalize-output: the gain it applied, in dB. */
    std::optional<double> normalisationGainDb;
    /** --normalize-output loudness: the integrated loudness written, in LUFS. */
    std::optional<double> loudness;
    /** Why --normalize-output left the output unscaled; empty otherwise. */
    std::string normalisationWarning;
};

RenderReport measureRender (const std::filesystem::path& output, const AudioClip& clip, SampleFormat format);

/** "<output>: 2 ch, 48000 Hz, 3.250 s, peak -1.2 dBFS, 0 samples beyond full
    scale", followed after --normalize-output by ", normalised by -12.34 dB"
    and for a loudness target ", loudness -23.0 LUFS". */
std::string formatReportLine (const RenderReport& report);

/** For a fixed-point output whose peak is above 0 dBFS: "warning: <file>
    clips: peak +x.x dBFS in 16-bit PCM; lower --gain by at least x.x dB or
    use --format float". Empty otherwise. */
std::optional<std::string> clippingWarning (const RenderReport& report);

/** The one line of an output that --fail-on-clip refuses: "'out.wav' not
    written: peak +3.2 dBFS, 120 samples beyond full scale (--fail-on-clip)". */
std::string clipFailureMessage (const RenderReport& report);

} // namespace partita
