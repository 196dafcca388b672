// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessorTestHelpers.h"
#include "TestSignals.h"
#include "processor/ConvolverProcessor.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <thread>

namespace partita
{
namespace
{
constexpr double rate = 48000.0;

/** h[n] = (n + 1) / 1000 for n < 480 (10 ms): every tap tells where it came from. */
std::vector<float> rampIr()
{
    std::vector<float> ramp (480);
    for (std::size_t n = 0; n < ramp.size(); ++n)
        ramp[n] = static_cast<float> (n + 1) / 1000.0f;
    return ramp;
}

/** The processor's response to a unit impulse, `length` samples. */
std::vector<float> impulseResponseOf (ConvolverProcessor& processor, std::size_t length)
{
    return test::renderThroughProcessor (processor, { test::impulse (1, 0) }, 1, length, 3)[0];
}
} // namespace

TEST (ConvolverShaping, TrimAndReverseShapeTheIrThatIsPlayed)
{
    // Trim 1 ms (48 taps) from the start and 2 ms (96) from the end, then reverse:
    // the played IR is h'[n] = (48 + (335 - n) + 1) / 1000 for n < 336.
    ConvolverProcessor processor (RebuildMode::synchronous);
    auto parameters = test::neutralParameters();
    parameters.trimStartMs = 1.0f;
    parameters.trimEndMs = 2.0f;
    parameters.reverse = true;
    processor.setParameters (parameters);
    processor.loadImpulseResponse (test::makeClip ({ rampIr() }, rate), "ramp.wav");
    processor.prepare (rate, 512, 1, 1);

    const auto y = impulseResponseOf (processor, 400);
    for (std::size_t n = 0; n < y.size(); ++n)
    {
        const float expected = n < 336 ? static_cast<float> (48 + (335 - n) + 1) / 1000.0f : 0.0f;
        ASSERT_NEAR (y[n], expected, 1.0e-6) << "sample " << n;
    }
    EXPECT_EQ (processor.impulseResponseInfo()->shapedFrames(), 336u);
}

TEST (ConvolverShaping, StretchScalesTheIrInTime)
{
    // A Gaussian bump centred at 300 (width 40) stretched to 200 % is centred
    // at 600 (width 80), scaled by 1 / sqrt (2) to keep the bump's energy.
    std::vector<float> ir (1000);
    for (std::size_t n = 0; n < ir.size(); ++n)
        ir[n] = static_cast<float> (std::exp (-std::pow ((static_cast<double> (n) - 300.0) / 40.0, 2.0)));

    ConvolverProcessor processor (RebuildMode::synchronous);
    auto parameters = test::neutralParameters();
    parameters.stretchPercent = 200.0f;
    processor.setParameters (parameters);
    processor.loadImpulseResponse (test::makeClip ({ ir }, rate), "bump.wav");
    processor.prepare (rate, 512, 1, 1);

    const auto y = impulseResponseOf (processor, 2100);
    for (std::size_t n = 0; n < y.size(); ++n)
    {
        const double expected
            = n < 2000 ? std::exp (-std::pow ((static_cast<double> (n) - 600.0) / 80.0, 2.0)) / std::sqrt (2.0) : 0.0;
        ASSERT_NEAR (y[n], expected, 1.0e-4) << "sample " << n;
    }
}

TEST (ConvolverShaping, TheIrGainScalesTheIrThatIsPlayed)
{
    // -12 dB on the ramp IR: h'[n] = (n + 1) / 1000 * 10^(-12/20), auto-gain off.
    ConvolverProcessor processor (RebuildMode::synchronous);
    auto parameters = test::neutralParameters();
    parameters.irGainDb = -12.0f;
    processor.setParameters (parameters);
    processor.loadImpulseResponse (test::makeClip ({ rampIr() }, rate), "ramp.wav");
    processor.prepare (rate, 512, 1, 1);

    const double factor = 0.25118864315095796; // 10^(-12/20)
    const auto y = impulseResponseOf (processor, 500);
    for (std::size_t n = 0; n < y.size(); ++n)
    {
        const double expected = n < 480 ? static_cast<double> (n + 1) / 1000.0 * factor : 0.0;
        ASSERT_NEAR (y[n], expected, 1.0e-6) << "sample " << n;
    }
}

TEST (ConvolverShaping, AutoGainBringsLoudAndQuietIrsToTheSameLevel)
{
    // The same IR at two levels 40 dB apart plays at the same level with auto-gain.
    const auto shape = test::decayingNoise (2000, 4);
    auto scaled = [&] (float gain)
    {
        auto copy = shape;
        for (auto& s : copy)
            s *= gain;
        return copy;
    };
    const auto x = test::whiteNoise (8000, 5);

    std::vector<std::vector<float>> outputs;
    std::vector<double> effectiveGains;
    for (const float gain : { 3.0f, 0.03f })
    {
        ConvolverProcessor processor (RebuildMode::synchronous);
        auto parameters = test::neutralParameters();
        parameters.autoGain = true;
        processor.setParameters (parameters);
        processor.loadImpulseResponse (test::makeClip ({ scaled (gain) }, rate), "level.wav");
        processor.prepare (rate, 512, 1, 1);
        outputs.push_back (test::renderThroughProcessor (processor, { x }, 1, x.size(), 6)[0]);
        effectiveGains.push_back (processor.impulseResponseInfo()->autoGainFactor * static_cast<double> (gain));
    }
    EXPECT_NEAR (effectiveGains[0], effectiveGains[1], 1.0e-6 * effectiveGains[0]);
    for (std::size_t n = 0; n < x.size(); ++n)
        ASSERT_NEAR (outputs[0][n], outputs[1][n], 1.0e-5) << "sample " << n;

    // White noise keeps its power through a unit-energy IR (within the estimate's spread).
    const double ratioDb = 20.0 * std::log10 (test::rms (outputs[0], 2000, 8000) / test::rms (x, 2000, 8000));
    EXPECT_NEAR (ratioDb, 0.0, 0.5);
}

TEST (ConvolverShaping, AShapingChangeInTheBackgroundRebuildsTheIr)
{
    ConvolverProcessor processor;
    auto parameters = test::neutralParameters();
    processor.setParameters (parameters);
    processor.loadImpulseResponse (test::makeClip ({ rampIr() }, rate), "ramp.wav");
    processor.prepare (rate, 512, 1, 1);
    ASSERT_EQ (processor.impulseResponseInfo()->shapedFrames(), 480u);

    // Set from the "audio thread" (this one): the loader notices by polling.
    const auto version = processor.impulseResponseVersion();
    parameters.trimEndMs = 5.0f;
    processor.setParameters (parameters);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds (5);
    while (processor.impulseResponseVersion() == version && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for (std::chrono::milliseconds (1));
    EXPECT_EQ (processor.impulseResponseInfo()->shapedFrames(), 240u);
}

TEST (ConvolverShaping, ANewSampleRateInPrepareRebuildsTheIrForIt)
{
    ConvolverProcessor processor;
    processor.setParameters (test::neutralParameters());
    processor.loadImpulseResponse (test::makeClip ({ test::decayingNoise (4410, 1) }, 44100.0), "room.wav");
    processor.prepare (44100.0, 512, 1, 2);
    EXPECT_EQ (processor.impulseResponseInfo()->shapedFrames(), 4410u);
    EXPECT_EQ (processor.tailSamples(), 4409u);

    processor.prepare (88200.0, 512, 1, 2);
    EXPECT_EQ (processor.impulseResponseInfo()->sampleRate, 88200.0);
    EXPECT_EQ (processor.impulseResponseInfo()->shapedFrames(), 8820u);
    EXPECT_EQ (processor.tailSamples(), 8819u);
}

} // namespace partita
