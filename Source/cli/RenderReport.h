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
};

RenderReport measureRender (const std::filesystem::path& output, const AudioClip& clip, SampleFormat format);

/** "<output>: 2 ch, 48000 Hz, 3.250 s, peak -1.2 dBFS, 0 samples beyond full scale" */
std::string formatReportLine (const RenderReport& report);

/** For a fixed-point output whose peak is above 0 dBFS: "warning: <file>
    clips: peak +x.x dBFS in 16-bit PCM; lower --gain by at least x.x dB or
    use --format float". Empty otherwise. */
std::optional<std::string> clippingWarning (const RenderReport& report);

} // namespace partita
