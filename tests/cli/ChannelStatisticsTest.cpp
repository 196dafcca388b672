// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ChannelStatistics.h"

#include "cli/RenderReport.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace partita
{

TEST (ChannelStatistics, MeasuresPeakRmsAndSamplesBeyondFullScale)
{
    const std::vector<double> samples { 0.5, -2.0, 1.0, 0.0, 1.5 };
    const auto statistics = measureChannel (samples);
    EXPECT_EQ (statistics.peak, 2.0);
    EXPECT_DOUBLE_EQ (statistics.rms, std::sqrt ((0.25 + 4.0 + 1.0 + 2.25) / 5.0));
    EXPECT_EQ (statistics.samplesBeyondFullScale, 2u); // exactly 1.0 is still full scale
}

TEST (ChannelStatistics, PeakOnlyGivesTheSamePeakAndCountWithoutRms)
{
    // Lengths around the four lanes, the peak and the NaN in every position.
    for (std::size_t length = 1; length <= 11; ++length)
    {
        for (std::size_t at = 0; at < length; ++at)
        {
            std::vector<double> samples (length, 0.25);
            samples[at] = -3.0;
            samples[(at + 1) % length] = std::nan ("");
            if (length > 2)
                samples[(at + 2) % length] = 1.5;
            const auto all = measureChannel (samples);
            const auto peakOnly = measureChannel (samples, ChannelMeasures::peakOnly);
            EXPECT_EQ (peakOnly.peak, all.peak) << length << ", " << at;
            EXPECT_EQ (peakOnly.samplesBeyondFullScale, all.samplesBeyondFullScale) << length << ", " << at;
            EXPECT_EQ (peakOnly.rms, 0.0);
        }
    }
}

TEST (ChannelStatistics, DescribesSilenceAsMinusInfinity)
{
    const auto statistics = measureChannel (std::vector<double> (10, 0.0));
    EXPECT_EQ (formatDecibels (gainToDecibels (statistics.peak)), "-inf");
    EXPECT_EQ (formatDecibels (gainToDecibels (measureChannel ({}).rms)), "-inf");
}

TEST (ChannelStatistics, FormatsDecibelsWithOneDecimalAndASignAboveZero)
{
    EXPECT_EQ (formatDecibels (gainToDecibels (0.5)), "-6.0");
    EXPECT_EQ (formatDecibels (gainToDecibels (2.0)), "+6.0");
    EXPECT_EQ (formatDecibels (gainToDecibels (1.0)), "0.0");
    EXPECT_EQ (formatDecibels (0.04), "0.0");
    EXPECT_EQ (formatDecibels (-0.04), "0.0");
}

TEST (RenderReport, PrintsChannelsRateLengthPeakAndClipCount)
{
    AudioClip clip;
    clip.sampleRate = 48000.0;
    clip.channels = { std::vector<double> (24000, 0.25), std::vector<double> (24000, -0.5) };
    const auto report = measureRender ("out.wav", clip, SampleFormat::float32);
    EXPECT_EQ (formatReportLine (report),
               "out.wav: 2 ch, 48000 Hz, 0.500 s, peak -6.0 dBFS, 0 samples beyond full scale");
    EXPECT_FALSE (clippingWarning (report).has_value());
}

TEST (RenderReport, WarnsWhenAFixedPointOutputClips)
{
    AudioClip clip;
    clip.sampleRate = 44100.0;
    clip.channels = { { 0.1, 2.0, -2.0, 0.3 } };
    const auto report = measureRender ("loud.wav", clip, SampleFormat::pcm16);
    EXPECT_EQ (report.samplesBeyondFullScale, 2u);
    const auto warning = clippingWarning (report);
    ASSERT_TRUE (warning.has_value());
    // The peak as the report prints it (+6.02: +6.0), the advice rounded up.
    EXPECT_EQ (*warning, "warning: loud.wav clips: peak +6.0 dBFS in 16-bit PCM (2 samples beyond full scale); lower "
                         "--gain by at least 6.1 dB or use --format float");
    EXPECT_NE (formatReportLine (report).find ("peak +6.0 dBFS"), std::string::npos);
}

// Reported by a new user: float and Ogg outputs hot by +15 dB got no word (an
// Ogg file with 44,620 samples over full scale), and the report and the
// warning gave different peaks (+14.6 and +14.7 dBFS).
TEST (RenderReport, WarnsForFloatAndVorbisOutputsBeyondFullScaleToo)
{
    AudioClip clip;
    clip.sampleRate = 44100.0;
    clip.channels = { { 4.0, 0.5, -5.37 } };
    for (const auto format : { SampleFormat::float32, SampleFormat::float64, SampleFormat::vorbis })
    {
        const auto report = measureRender ("loud.ogg", clip, format);
        EXPECT_EQ (report.samplesBeyondFullScale, 2u);
        const auto warning = clippingWarning (report);
        ASSERT_TRUE (warning.has_value()) << toString (format);
        // 20 log10 (5.37) = 14.599: +14.6 in both, and lower the gain by 14.6 dB.
        EXPECT_NE (warning->find ("2 samples beyond full scale (peak +14.6 dBFS"), std::string::npos) << *warning;
        EXPECT_NE (warning->find ("they clip when the file is played or converted; lower --gain by at least 14.6 dB"),
                   std::string::npos)
            << *warning;
        EXPECT_NE (formatReportLine (report).find ("peak +14.6 dBFS"), std::string::npos);
    }
}

// After --normalize-output the level is the target's: --gain would change nothing.
TEST (RenderReport, ANormalisedOutputReportsItsGainAndLoudnessAndAdvisesTheTarget)
{
    AudioClip clip;
    clip.sampleRate = 48000.0;
    clip.channels = { { 0.1, 2.0, -0.3 } };
    auto report = measureRender ("loud.wav", clip, SampleFormat::pcm24);
    report.normalisationGainDb = 12.345;
    report.loudness = -9.04;
    EXPECT_EQ (formatReportLine (report), "loud.wav: 1 ch, 48000 Hz, 0.000 s, peak +6.0 dBFS, 1 samples beyond full "
                                          "scale, normalised by +12.35 dB, loudness -9.0 LUFS");
    const auto warning = clippingWarning (report);
    ASSERT_TRUE (warning.has_value());
    EXPECT_NE (warning->find ("lower the --normalize-output target by at least 6.1 dB"), std::string::npos) << *warning;
    EXPECT_EQ (clipFailureMessage (report),
               "'loud.wav' not written: peak +6.0 dBFS, 1 samples beyond full scale (--fail-on-clip)");
}

} // namespace partita
