// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessorTestHelpers.h"
#include "ReferenceConvolution.h"
#include "TestSignals.h"
#include "io/Resampler.h"
#include "processor/ConvolverProcessor.h"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <span>
#include <string>

namespace partita
{
namespace
{
constexpr double irRate = 48000.0;

/** The IR channel that feeds input -> output, written out per layout
    (independent of engine/ChannelRouting.cpp); nothing when the layout
    has no such path (stereo to stereo without true stereo is L->L, R->R). */
std::optional<std::size_t> expectedIrChannel (std::size_t numInputs, std::size_t numIrChannels, std::size_t input,
                                              std::size_t output)
{
    if (numIrChannels == 4)
        return input * 2 + output;
    if (numInputs == 2 && input != output)
        return std::nullopt;
    if (numIrChannels == 1)
        return 0;
    return numInputs == 1 ? output : input; // fan-out, or per channel
}

std::vector<float> resampledToFloat (const std::vector<float>& ir, double toRate)
{
    const std::vector<double> asDouble (ir.begin(), ir.end());
    const auto resampled = toRate == irRate ? asDouble : resample (std::span<const double> (asDouble), irRate, toRate);
    // A resampled IR keeps its frequency response: its samples scale by the rates' ratio.
    std::vector<float> scaled;
    for (const auto sample : resampled)
        scaled.push_back (static_cast<float> (sample * (irRate / toRate)));
    return scaled;
}

struct Case
{
    std::size_t numInputs;
    std::size_t numOutputs;
    std::size_t numIrChannels;
    double rate;
    LatencyMode latencyMode;
};

std::string describe (const Case& c)
{
    return std::to_string (c.numInputs) + " in, " + std::to_string (c.numOutputs) + " out, "
           + std::to_string (c.numIrChannels) + "-channel IR at " + std::to_string (c.rate) + " Hz, "
           + (c.latencyMode == LatencyMode::zero ? "zero latency" : "low CPU");
}

/** Worst error (dB re peak) of the processor's output against the
    brute-force reference, after the reported latency. */
double worstErrorDb (const Case& c, std::uint32_t seed)
{
    test::Channels ir;
    for (std::size_t k = 0; k < c.numIrChannels; ++k)
        ir.push_back (test::decayingNoise (1200, seed + static_cast<std::uint32_t> (k)));

    test::Channels inputs;
    const auto inputLength = static_cast<std::size_t> (0.1 * c.rate);
    for (std::size_t i = 0; i < c.numInputs; ++i)
        inputs.push_back (test::whiteNoise (inputLength, seed + 100 + static_cast<std::uint32_t> (i)));

    ConvolverProcessor processor (RebuildMode::synchronous);
    auto parameters = test::neutralParameters();
    parameters.latencyMode = c.latencyMode;
    processor.setParameters (parameters);
    EXPECT_EQ (processor.loadImpulseResponse (test::makeClip (ir, irRate), "noise.wav"), LoadOutcome::built);
    processor.prepare (c.rate, 512, c.numInputs, c.numOutputs);
    EXPECT_EQ (processor.lastError(), "");

    test::Channels resampledIr;
    for (const auto& channel : ir)
        resampledIr.push_back (resampledToFloat (channel, c.rate));

    const auto latency = processor.latencySamples();
    const auto fullLength = inputLength + resampledIr[0].size() - 1;
    const auto output = test::renderThroughProcessor (processor, inputs, c.numOutputs, fullLength + latency, seed);

    double worst = -400.0;
    for (std::size_t o = 0; o < c.numOutputs; ++o)
    {
        std::vector<double> reference (fullLength, 0.0);
        for (std::size_t i = 0; i < c.numInputs; ++i)
        {
            const auto channel = expectedIrChannel (c.numInputs, c.numIrChannels, i, o);
            if (!channel)
                continue;
            const auto& h = resampledIr[*channel];
            const auto path = test::referenceConvolution<float> (inputs[i], h);
            for (std::size_t n = 0; n < fullLength; ++n)
                reference[n] += path[n];
        }
        const std::span<const float> aligned (output[o].data() + latency, fullLength);
        worst = std::max (worst, test::maxErrorDb (aligned, std::span<const double> (reference)));
    }
    return worst;
}
} // namespace

TEST (ConvolverProcessor, FullWetOutputIsTheReferenceConvolutionAtEverySessionRateAndRandomBlockSizes)
{
    for (const double rate : { 44100.0, 48000.0, 96000.0, 192000.0 })
    {
        const Case c { 2, 2, 2, rate, LatencyMode::zero };
        const auto error = worstErrorDb (c, 7);
        EXPECT_LT (error, -110.0) << describe (c);
        RecordProperty ("worstErrorDb_" + std::to_string (static_cast<int> (rate)), std::to_string (error));
    }
}

TEST (ConvolverProcessor, EveryBusLayoutRoutesTheIrChannelsAsDocumented)
{
    for (const Case c : { Case { 1, 1, 1, irRate, LatencyMode::zero }, Case { 1, 2, 1, irRate, LatencyMode::zero },
                          Case { 1, 2, 2, irRate, LatencyMode::zero }, Case { 2, 2, 1, irRate, LatencyMode::zero },
                          Case { 2, 2, 2, irRate, LatencyMode::zero }, Case { 2, 2, 4, irRate, LatencyMode::zero } })
    {
        EXPECT_LT (worstErrorDb (c, 21), -110.0) << describe (c);
    }
}

TEST (ConvolverProcessor, LowCpuModeMatchesTheReferenceAfterItsReportedLatency)
{
    for (const Case c :
         { Case { 2, 2, 4, irRate, LatencyMode::onePartition }, Case { 1, 2, 2, 96000.0, LatencyMode::onePartition } })
    {
        EXPECT_LT (worstErrorDb (c, 33), -110.0) << describe (c);
    }
}

TEST (ConvolverProcessor, LowCpuModeDelaysDryAndWetByExactlyTheReportedLatency)
{
    // IR 0.5 * delta[n - 3] at 50 % mix: y[n] = 0.5 x[n - L] + 0.25 x[n - L - 3].
    ConvolverProcessor processor (RebuildMode::synchronous);
    auto parameters = test::neutralParameters();
    parameters.mixPercent = 50.0f;
    parameters.latencyMode = LatencyMode::onePartition;
    processor.setParameters (parameters);
    processor.loadImpulseResponse (test::makeClip ({ { 0.0f, 0.0f, 0.0f, 0.5f } }, irRate), "tap.wav");
    processor.prepare (irRate, 512, 1, 1);

    const auto latency = processor.latencySamples();
    ASSERT_EQ (latency, ConvolverProcessor::lowCpuPartition);

    const auto x = test::whiteNoise (6000, 3);
    const auto y = test::renderThroughProcessor (processor, { x }, 1, x.size() + latency + 3, 4)[0];
    for (std::size_t n = 0; n < y.size(); ++n)
    {
        const double dry = n >= latency && n - latency < x.size() ? static_cast<double> (x[n - latency]) : 0.0;
        const double wet =
            n >= latency + 3 && n - latency - 3 < x.size() ? static_cast<double> (x[n - latency - 3]) : 0.0;
        ASSERT_NEAR (y[n], 0.5 * dry + 0.25 * wet, 1.0e-6) << "sample " << n;
    }
}

TEST (ConvolverProcessor, MixWetGainAndOutputGainFollowTheirClosedForm)
{
    // IR 0.5 * delta[n - 3]: y[n] = go * ((1 - m) x[n] + m * gw * 0.5 x[n - 3]).
    const float mixPercent = 30.0f, wetDb = 6.0f, outDb = -3.0f;
    ConvolverProcessor processor (RebuildMode::synchronous);
    auto parameters = test::neutralParameters();
    parameters.mixPercent = mixPercent;
    parameters.wetGainDb = wetDb;
    parameters.outputGainDb = outDb;
    processor.setParameters (parameters);
    processor.loadImpulseResponse (test::makeClip ({ { 0.0f, 0.0f, 0.0f, 0.5f } }, irRate), "tap.wav");
    processor.prepare (irRate, 512, 1, 2);

    const double m = static_cast<double> (mixPercent) / 100.0;
    const double gw = std::pow (10.0, static_cast<double> (wetDb) / 20.0);
    const double go = std::pow (10.0, static_cast<double> (outDb) / 20.0);
    const auto x = test::whiteNoise (5000, 5);
    const auto y = test::renderThroughProcessor (processor, { x }, 2, x.size(), 6);
    for (std::size_t o = 0; o < 2; ++o)
        for (std::size_t n = 0; n < x.size(); ++n)
        {
            const double delayed = n >= 3 ? static_cast<double> (x[n - 3]) : 0.0;
            ASSERT_NEAR (y[o][n], go * ((1.0 - m) * static_cast<double> (x[n]) + m * gw * 0.5 * delayed), 2.0e-6)
                << "sample " << n;
        }
}

TEST (ConvolverProcessor, PreDelayDelaysTheWetByExactlyTheRoundedSampleCount)
{
    for (const auto& [rate, ms] : { std::pair { 44100.0, 12.34f }, std::pair { 48000.0, 500.0f },
                                    std::pair { 96000.0, 0.01f }, std::pair { 192000.0, 77.7f } })
    {
        ConvolverProcessor processor (RebuildMode::synchronous);
        auto parameters = test::neutralParameters();
        parameters.preDelayMs = ms;
        processor.setParameters (parameters);
        processor.loadImpulseResponse (test::makeClip ({ { 1.0f } }, rate), "unit.wav");
        processor.prepare (rate, 1024, 1, 1);

        const auto expectedDelay = static_cast<std::size_t> (std::llround (static_cast<double> (ms) * rate / 1000.0));
        const std::size_t at = 100;
        const auto y =
            test::renderThroughProcessor (processor, { test::impulse (at + 1, at) }, 1, at + expectedDelay + 200, 8)[0];
        for (std::size_t n = 0; n < y.size(); ++n)
            ASSERT_EQ (y[n], n == at + expectedDelay ? 1.0f : 0.0f) << rate << " Hz, " << ms << " ms, sample " << n;
    }
}

TEST (ConvolverProcessor, WidthZeroMakesTheWetMonoAndOneHundredLeavesItUnchanged)
{
    const test::Channels ir { test::decayingNoise (500, 1), test::decayingNoise (500, 2) };
    const test::Channels x { test::whiteNoise (3000, 3), test::whiteNoise (3000, 4) };
    const auto length = x[0].size() + ir[0].size() - 1;
    std::array<std::vector<double>, 2> reference;
    for (std::size_t c = 0; c < 2; ++c)
        reference[c] = test::referenceConvolution<float> (x[c], ir[c]);

    auto render = [&] (float widthPercent)
    {
        ConvolverProcessor processor (RebuildMode::synchronous);
        auto parameters = test::neutralParameters();
        parameters.widthPercent = widthPercent;
        processor.setParameters (parameters);
        processor.loadImpulseResponse (test::makeClip (ir, irRate), "stereo.wav");
        processor.prepare (irRate, 512, 2, 2);
        return test::renderThroughProcessor (processor, x, 2, length, 9);
    };

    const auto mono = render (0.0f);
    for (std::size_t n = 0; n < length; ++n)
    {
        ASSERT_EQ (mono[0][n], mono[1][n]) << "sample " << n;
        ASSERT_NEAR (mono[0][n], 0.5 * (reference[0][n] + reference[1][n]), 1.0e-4);
    }

    const auto unchanged = render (100.0f);
    for (std::size_t c = 0; c < 2; ++c)
        EXPECT_LT (test::maxErrorDb (std::span<const float> (unchanged[c]), std::span<const double> (reference[c])),
                   -110.0);

    // 200 %: side doubled, L' = M + 2S = 1.5 L - 0.5 R.
    const auto wide = render (200.0f);
    for (std::size_t n = 0; n < length; ++n)
        ASSERT_NEAR (wide[0][n], 1.5 * reference[0][n] - 0.5 * reference[1][n], 1.0e-4) << "sample " << n;
}

namespace
{
/** Gain (dB) of the wet path for a steady sine, measured after the filter
    has settled. */
double measuredGainDb (float lowCutHz, float highCutHz, double frequency, double rate = irRate)
{
    ConvolverProcessor processor (RebuildMode::synchronous);
    auto parameters = test::neutralParameters();
    parameters.lowCutHz = lowCutHz;
    parameters.highCutHz = highCutHz;
    processor.setParameters (parameters);
    processor.loadImpulseResponse (test::makeClip ({ { 1.0f } }, rate), "unit.wav");
    processor.prepare (rate, 512, 1, 1);

    const auto length = static_cast<std::size_t> (rate); // one second
    const auto x = test::sine (length, frequency, rate, 0.5);
    const auto y = test::renderThroughProcessor (processor, { x }, 1, length, 10)[0];
    const auto settled = length / 2;
    return 20.0 * std::log10 (test::rms (y, settled, length) / test::rms (x, settled, length));
}
} // namespace

TEST (ConvolverProcessor, LowCutAttenuatesTheStopBandAndPassesThePassBand)
{
    // Second-order Butterworth at 500 Hz: 50 Hz is 40 dB down, 8 kHz within 0.1 dB.
    EXPECT_LT (measuredGainDb (500.0f, 20000.0f, 50.0), -39.0);
    EXPECT_NEAR (measuredGainDb (500.0f, 20000.0f, 500.0), -3.01, 0.1);
    EXPECT_NEAR (measuredGainDb (500.0f, 20000.0f, 8000.0), 0.0, 0.1);
}

TEST (ConvolverProcessor, HighCutAttenuatesTheStopBandAndPassesThePassBand)
{
    // Second-order Butterworth at 2 kHz: 20 kHz is more than 40 dB down, 100 Hz within 0.1 dB.
    EXPECT_LT (measuredGainDb (20.0f, 2000.0f, 20000.0), -40.0);
    EXPECT_NEAR (measuredGainDb (20.0f, 2000.0f, 2000.0), -3.01, 0.1);
    EXPECT_NEAR (measuredGainDb (20.0f, 2000.0f, 100.0), 0.0, 0.1);
}

TEST (ConvolverProcessor, FiltersAtTheEndsOfTheirRangesAreBypassedExactly)
{
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (test::neutralParameters());
    processor.loadImpulseResponse (test::makeClip ({ { 1.0f } }, irRate), "unit.wav");
    processor.prepare (irRate, 512, 1, 1);
    const auto x = test::whiteNoise (4000, 12);
    const auto y = test::renderThroughProcessor (processor, { x }, 1, x.size(), 13)[0];
    EXPECT_EQ (y, x);
}

TEST (ConvolverProcessor, ReportsExactLatencyAndTailForEachLatencyMode)
{
    for (const auto mode : { LatencyMode::zero, LatencyMode::onePartition })
    {
        ConvolverProcessor processor (RebuildMode::synchronous);
        auto parameters = test::neutralParameters();
        parameters.latencyMode = mode;
        parameters.trimStartMs = 5.0f; // 240 samples at 48 kHz
        parameters.trimEndMs = 2.0f;   // 96
        parameters.stretchPercent = 150.0f;
        parameters.preDelayMs = 10.0f; // 480
        processor.setParameters (parameters);
        processor.loadImpulseResponse (test::makeClip ({ test::decayingNoise (1000, 1) }, irRate), "room.wav");
        processor.prepare (irRate, 512, 1, 1);

        const std::size_t latency = mode == LatencyMode::zero ? 0 : ConvolverProcessor::lowCpuPartition;
        const std::size_t shapedLength = 996; // round ((1000 - 240 - 96) * 1.5)
        EXPECT_EQ (processor.latencySamples(), latency);
        EXPECT_EQ (processor.tailSamples(), shapedLength - 1 + 480 + latency);
        ASSERT_NE (processor.impulseResponseInfo(), nullptr);
        EXPECT_EQ (processor.impulseResponseInfo()->shapedFrames(), shapedLength);

        const auto before = processor.timingVersion();
        parameters.preDelayMs = 20.0f;
        processor.setParameters (parameters);
        EXPECT_GT (processor.timingVersion(), before);
        EXPECT_EQ (processor.tailSamples(), shapedLength - 1 + 960 + latency);
    }
}

TEST (ConvolverProcessor, ALatencyModeChangeIsReportedWithANewTimingVersion)
{
    ConvolverProcessor processor (RebuildMode::synchronous);
    auto parameters = test::neutralParameters();
    processor.setParameters (parameters);
    processor.prepare (irRate, 512, 2, 2);
    EXPECT_EQ (processor.latencySamples(), 0u);

    const auto before = processor.timingVersion();
    parameters.latencyMode = LatencyMode::onePartition;
    processor.setParameters (parameters);
    EXPECT_GT (processor.timingVersion(), before);
    EXPECT_EQ (processor.latencySamples(), ConvolverProcessor::lowCpuPartition);
}

TEST (ConvolverProcessor, SynchronousRenderingIsBitIdenticalForDifferentBlockSizes)
{
    // Parameter changes, shaping rebuilds and an IR swap at fixed sample
    // positions; the host's block sizes differ between the runs.
    const test::Channels ir { test::decayingNoise (3000, 1), test::decayingNoise (3000, 2) };
    const test::Channels otherIr { test::decayingNoise (2000, 3), test::decayingNoise (2000, 4) };
    const test::Channels x { test::whiteNoise (48000, 5), test::whiteNoise (48000, 6) };
    const std::vector<std::size_t> positions { 5000, 12000, 20000, 30000 };

    auto render = [&] (std::uint32_t blockSeed, std::size_t maxBlock)
    {
        ConvolverProcessor processor (RebuildMode::synchronous);
        ProcessorParameters parameters;
        parameters.mixPercent = 60.0f;
        parameters.lowCutHz = 200.0f;
        processor.setParameters (parameters);
        processor.loadImpulseResponse (test::makeClip (ir, 44100.0), "a.wav");
        processor.prepare (48000.0, maxBlock, 2, 2);
        return test::renderInSegments (
            processor, x, 2, x[0].size(), blockSeed, positions,
            [&] (std::size_t position)
            {
                if (position == 5000)
                {
                    parameters.preDelayMs = 35.0f;
                    parameters.widthPercent = 160.0f;
                    parameters.highCutHz = 3000.0f;
                }
                if (position == 12000)
                {
                    parameters.reverse = true;
                    parameters.stretchPercent = 130.0f;
                }
                if (position == 20000)
                    processor.loadImpulseResponse (test::makeClip (otherIr, 96000.0), "b.wav");
                if (position == 30000)
                {
                    parameters.latencyMode = LatencyMode::onePartition;
                    parameters.wetGainDb = -6.0f;
                }
                processor.setParameters (parameters);
            },
            maxBlock);
    };

    const auto first = render (1, 4096);
    const auto second = render (2, 97);
    for (std::size_t c = 0; c < 2; ++c)
        for (std::size_t n = 0; n < first[c].size(); ++n)
            ASSERT_EQ (first[c][n], second[c][n]) << "channel " << c << " sample " << n;
}

TEST (ConvolverProcessor, RejectsUnsupportedBusLayoutsAndSampleRates)
{
    ConvolverProcessor processor (RebuildMode::synchronous);
    EXPECT_THROW (processor.prepare (48000.0, 512, 2, 1), std::invalid_argument);
    EXPECT_THROW (processor.prepare (48000.0, 512, 4, 4), std::invalid_argument);
    EXPECT_THROW (processor.prepare (48000.0, 512, 0, 2), std::invalid_argument);
    EXPECT_THROW (processor.prepare (1000.0, 512, 2, 2), std::invalid_argument);
    EXPECT_THROW (processor.prepare (std::nan (""), 512, 2, 2), std::invalid_argument);
    EXPECT_THROW (processor.prepare (48000.0, 0, 2, 2), std::invalid_argument);
}

TEST (ConvolverProcessor, WithoutAnIrTheWetPathPassesTheInputThrough)
{
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (test::neutralParameters());
    processor.prepare (irRate, 512, 1, 2);
    EXPECT_EQ (processor.impulseResponseInfo(), nullptr);
    const auto x = test::whiteNoise (3000, 2);
    const auto y = test::renderThroughProcessor (processor, { x }, 2, x.size(), 3);
    EXPECT_EQ (y[0], x);
    EXPECT_EQ (y[1], x);
}

} // namespace partita
