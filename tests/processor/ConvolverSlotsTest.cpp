// SPDX-License-Identifier: GPL-3.0-or-later
// The two IR slots through the whole processor: the one folded kernel
// against each slot convolved on its own by the definition, in double, with
// the slot's level, polarity, delay and pan applied here by their closed
// forms, then summed.
#include "ProcessorTestHelpers.h"
#include "ReferenceConvolution.h"
#include "TestSignals.h"
#include "WorkMeter.h"
#include "processor/ConvolverProcessor.h"
#include "processor/ParameterTable.h"

#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <iostream>
#include <numbers>
#include <span>

namespace partita
{
namespace
{
constexpr double rate = 48000.0;
constexpr double pi = std::numbers::pi;

double decibels (double db)
{
    return std::pow (10.0, db / 20.0);
}

/** x * h by the definition, scaled and delayed by a whole number of samples. */
std::vector<double> placedConvolution (const std::vector<float>& x, const std::vector<float>& h, double gain,
                                       std::size_t delay)
{
    const auto y = test::referenceConvolution<float> (x, h);
    std::vector<double> placed (delay + y.size(), 0.0);
    for (std::size_t n = 0; n < y.size(); ++n)
        placed[delay + n] = gain * y[n];
    return placed;
}

void addInto (std::vector<double>& sum, const std::vector<double>& term)
{
    if (sum.size() < term.size())
        sum.resize (term.size(), 0.0);
    for (std::size_t n = 0; n < term.size(); ++n)
        sum[n] += term[n];
}

double errorDb (const std::vector<float>& result, std::vector<double> reference)
{
    reference.resize (result.size(), 0.0);
    return test::maxErrorDb<float> (result, reference);
}

test::Channels render (ConvolverProcessor& processor, const test::Channels& inputs, std::size_t numOutputs,
                       std::size_t length)
{
    return test::renderThroughProcessor (processor, inputs, numOutputs, length, 11);
}

TEST (ConvolverSlots, TheBlendedKernelIsTheSumOfTheTwoSlotsConvolvedSeparately)
{
    // Slot A mono, slot B stereo, on a stereo bus: A on both channels, B per channel.
    const auto irA = test::decayingNoise (700, 1);
    const auto irBLeft = test::decayingNoise (500, 2);
    const auto irBRight = test::decayingNoise (500, 3);
    const test::Channels input { test::whiteNoise (3000, 4), test::whiteNoise (3000, 5) };

    auto parameters = test::neutralParameters();
    parameters.slotALevelDb = -3.0f;
    parameters.slotADelayMs = 0.5f; // 24 samples
    parameters.slotAPanPercent = -40.0f;
    parameters.slotBLevelDb = 2.0f;
    parameters.slotBInvert = true;
    parameters.slotBDelayMs = 1.0f; // 48 samples
    parameters.slotBPanPercent = 30.0f;
    parameters.slotBlendPercent = 35.0f;

    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (parameters);
    processor.loadImpulseResponse (IrSlot::a, test::makeClip ({ irA }, rate), "a.wav");
    processor.loadImpulseResponse (IrSlot::b, test::makeClip ({ irBLeft, irBRight }, rate), "b.wav");
    processor.prepare (rate, 512, 2, 2);
    ASSERT_EQ (processor.lastError(), "");
    const auto output = render (processor, input, 2, 4300);

    // Blend 35 %: A at min (1, 2 x 0.65) = 1, B at min (1, 2 x 0.35) = 0.7.
    // A mono, panned at constant power; B stereo, balanced.
    const double angle = pi * (1.0 - 0.4) / 4.0;
    const double gainA = decibels (-3.0);
    const double gainB = -0.7 * decibels (2.0);
    const double panA[2] = { std::sqrt (2.0) * std::cos (angle), std::sqrt (2.0) * std::sin (angle) };
    const double panB[2] = { 0.7, 1.0 };
    const std::vector<float>* slotB[2] = { &irBLeft, &irBRight };
    for (std::size_t channel = 0; channel < 2; ++channel)
    {
        std::vector<double> expected;
        addInto (expected, placedConvolution (input[channel], irA, gainA * panA[channel], 24));
        addInto (expected, placedConvolution (input[channel], *slotB[channel], gainB * panB[channel], 48));
        EXPECT_LT (errorDb (output[channel], expected), -110.0) << "channel " << channel;
    }
}

TEST (ConvolverSlots, AMonoAndATrueStereoSlotMeetAsTrueStereo)
{
    const auto irA = test::decayingNoise (300, 6);
    const test::Channels trueStereo { test::decayingNoise (400, 7), test::decayingNoise (400, 8),
                                      test::decayingNoise (400, 9), test::decayingNoise (400, 10) };
    const test::Channels input { test::whiteNoise (2000, 11), test::whiteNoise (2000, 12) };

    auto parameters = test::neutralParameters();
    parameters.slotBLevelDb = -6.0f;
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (parameters);
    processor.loadImpulseResponse (IrSlot::a, test::makeClip ({ irA }, rate), "mono.wav");
    processor.loadImpulseResponse (IrSlot::b, test::makeClip (trueStereo, rate), "true-stereo.wav");
    processor.prepare (rate, 256, 2, 2);
    ASSERT_EQ (processor.lastError(), "");
    const auto output = render (processor, input, 2, 2500);

    // Out j = x_j * a + g (x_L * B[0 * 2 + j] + x_R * B[1 * 2 + j]): LL, LR, RL, RR.
    const double gainB = decibels (-6.0);
    for (std::size_t out = 0; out < 2; ++out)
    {
        std::vector<double> expected;
        addInto (expected, placedConvolution (input[out], irA, 1.0, 0));
        addInto (expected, placedConvolution (input[0], trueStereo[out], gainB, 0));
        addInto (expected, placedConvolution (input[1], trueStereo[2 + out], gainB, 0));
        EXPECT_LT (errorDb (output[out], expected), -110.0) << "output " << out;
    }
}

// A band-limited IR (tones below 0.3 of the rate under a Hann window) in
// slot B, delayed by 0.4848 samples: its reference is the ideal delay,
// exp (-i w D) applied to its DFT, computed here.
TEST (ConvolverSlots, AFractionalDelayDelaysTheSlotByTheFraction)
{
    constexpr std::size_t length = 512;
    constexpr std::size_t offset = 200;
    constexpr std::size_t size = 2048;
    std::vector<float> ir (offset + length + 200, 0.0f);
    for (std::size_t n = 0; n < length; ++n)
    {
        const double t = static_cast<double> (n);
        const double window = 0.5 - 0.5 * std::cos (2.0 * pi * t / static_cast<double> (length));
        ir[offset + n] =
            static_cast<float> (window
                                * (0.5 * std::sin (2.0 * pi * 0.05 * t) + 0.3 * std::sin (2.0 * pi * 0.17 * t + 1.0)
                                   + 0.2 * std::sin (2.0 * pi * 0.29 * t + 2.0)));
    }

    auto parameters = test::neutralParameters();
    parameters.slotBDelayMs = 0.0101f;
    const double delay = static_cast<double> (parameters.slotBDelayMs) * rate / 1000.0;
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (parameters);
    processor.loadImpulseResponse (IrSlot::b, test::makeClip ({ ir }, rate), "tones.wav");
    processor.prepare (rate, 256, 1, 1);
    const auto output = render (processor, { test::impulse (1, 0) }, 1, size)[0];

    std::vector<std::complex<double>> spectrum (size);
    for (std::size_t k = 0; k < size; ++k)
        for (std::size_t n = 0; n < ir.size(); ++n)
            spectrum[k] += static_cast<double> (ir[n]) * std::polar (1.0, -2.0 * pi * double (k * n % size) / size);
    double worst = 0.0;
    for (std::size_t n = 0; n < size; ++n)
    {
        std::complex<double> sum = 0.0;
        for (std::size_t k = 0; k < size; ++k)
        {
            // Frequencies above half the rate are the negative ones.
            const double bin = k <= size / 2 ? double (k) : double (k) - double (size);
            sum += spectrum[k] * std::polar (1.0, 2.0 * pi * (bin * double (n) - bin * delay) / double (size));
        }
        worst = std::max (worst, std::abs (static_cast<double> (output[n]) - sum.real() / double (size)));
    }
    EXPECT_LT (worst, 1e-5);
    std::cout << "[ figures  ] slot B delayed by " << delay << " samples: largest error against the ideal delay "
              << worst << "\n";
}

TEST (ConvolverSlots, OneIrInBothSlotsWithOppositePolaritiesCancelsExactly)
{
    const auto ir = test::decayingNoise (600, 13);
    auto parameters = test::neutralParameters();
    parameters.slotBInvert = true;
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (parameters);
    processor.loadImpulseResponse (IrSlot::a, test::makeClip ({ ir }, rate), "a.wav");
    processor.loadImpulseResponse (IrSlot::b, test::makeClip ({ ir }, rate), "b.wav");
    processor.prepare (rate, 512, 1, 1);
    const auto output = render (processor, { test::whiteNoise (2000, 14) }, 1, 2600)[0];
    for (const auto sample : output)
        ASSERT_EQ (sample, 0.0f);
}

TEST (ConvolverSlots, ASlotAlonePlaysAtItsOwnLevelWhateverTheBlend)
{
    const auto ir = test::decayingNoise (400, 15);
    const auto input = test::whiteNoise (1500, 16);
    auto parameters = test::neutralParameters();
    parameters.slotBlendPercent = 0.0f; // would silence B if A were there
    parameters.slotBLevelDb = -6.0f;
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (parameters);
    processor.loadImpulseResponse (IrSlot::b, test::makeClip ({ ir }, rate), "b.wav");
    processor.prepare (rate, 512, 1, 1);
    const auto output = render (processor, { input }, 1, 2000)[0];
    EXPECT_LT (errorDb (output, placedConvolution (input, ir, decibels (-6.0), 0)), -110.0);
    ASSERT_NE (processor.impulseResponseInfo(), nullptr);
    EXPECT_EQ (processor.impulseResponseInfo()->name, "b.wav");
}

// Before prepare() the bus is unknown: slots loaded then (a CLI render, a
// session restored before the host prepares) are checked for the richest
// bus, stereo, and folded for the real one at prepare(). (A mono and a
// stereo slot were refused when the check assumed a mono bus.)
TEST (ConvolverSlots, SlotsLoadedBeforePrepareAreFoldedForTheBusPreparedLater)
{
    const auto irA = test::decayingNoise (300, 40);
    const auto irB = test::decayingNoise (300, 41);
    const test::Channels input { test::whiteNoise (2000, 42), test::whiteNoise (2000, 43) };
    for (const std::size_t numInputs : { 1u, 2u })
    {
        ConvolverProcessor processor (RebuildMode::synchronous);
        processor.setParameters (test::neutralParameters());
        EXPECT_EQ (processor.loadImpulseResponse (IrSlot::a, test::makeClip ({ irA }, rate), "a.wav"),
                   LoadOutcome::built);
        EXPECT_EQ (processor.loadImpulseResponse (IrSlot::b, test::makeClip ({ irB, irB }, rate), "b.wav"),
                   LoadOutcome::built);
        processor.prepare (rate, 256, numInputs, 2);
        EXPECT_EQ (processor.lastError(), "");
        const auto output = render (processor, numInputs == 1 ? test::Channels { input[0] } : input, 2, 2500);
        for (std::size_t out = 0; out < 2; ++out)
        {
            const auto& x = input[numInputs == 1 ? 0 : out];
            std::vector<double> expected;
            addInto (expected, placedConvolution (x, irA, 1.0, 0));
            addInto (expected, placedConvolution (x, irB, 1.0, 0));
            EXPECT_LT (errorDb (output[out], expected), -110.0) << numInputs << " input(s), output " << out;
        }
    }
}

/** Slot A's output alone, with these parameters. */
std::vector<float> slotAOnly (const ProcessorParameters& parameters, const std::vector<float>& ir,
                              const std::vector<float>& input)
{
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (parameters);
    processor.loadImpulseResponse (test::makeClip ({ ir }, rate), "a.wav");
    processor.prepare (rate, 512, 1, 1);
    return render (processor, { input }, 1, 2000)[0];
}

TEST (ConvolverSlots, EmptyingSlotBOrBlendingToSlotAGivesSlotAsOutputBitForBit)
{
    const auto irA = test::decayingNoise (400, 17);
    const auto irB = test::decayingNoise (300, 18);
    const auto input = test::whiteNoise (1500, 19);
    const auto parameters = test::neutralParameters();
    const auto expected = slotAOnly (parameters, irA, input);

    ConvolverProcessor emptied (RebuildMode::synchronous);
    emptied.setParameters (parameters);
    emptied.loadImpulseResponse (IrSlot::a, test::makeClip ({ irA }, rate), "a.wav");
    emptied.loadImpulseResponse (IrSlot::b, test::makeClip ({ irB }, rate), "b.wav");
    emptied.prepare (rate, 512, 1, 1);
    EXPECT_NE (emptied.requestedImpulseResponse (IrSlot::b), nullptr);
    emptied.unloadImpulseResponse (IrSlot::b);
    EXPECT_EQ (emptied.requestedImpulseResponse (IrSlot::b), nullptr);
    EXPECT_EQ (render (emptied, { input }, 1, 2000)[0], expected);

    auto toA = parameters;
    toA.slotBlendPercent = 0.0f;
    ConvolverProcessor blended (RebuildMode::synchronous);
    blended.setParameters (toA);
    blended.loadImpulseResponse (IrSlot::a, test::makeClip ({ irA }, rate), "a.wav");
    blended.loadImpulseResponse (IrSlot::b, test::makeClip ({ irB }, rate), "b.wav");
    blended.prepare (rate, 512, 1, 1);
    EXPECT_EQ (render (blended, { input }, 1, 2000)[0], expected);
}

TEST (ConvolverSlots, EmptyingSlotALeavesSlotBPlaying)
{
    const auto irA = test::decayingNoise (400, 20);
    const auto irB = test::decayingNoise (300, 21);
    const auto input = test::whiteNoise (1500, 22);
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (test::neutralParameters());
    processor.loadImpulseResponse (IrSlot::a, test::makeClip ({ irA }, rate), "a.wav");
    processor.loadImpulseResponse (IrSlot::b, test::makeClip ({ irB }, rate), "b.wav");
    processor.prepare (rate, 512, 1, 1);
    processor.unloadImpulseResponse (IrSlot::a);
    EXPECT_LT (errorDb (render (processor, { input }, 1, 2000)[0], placedConvolution (input, irB, 1.0, 0)), -110.0);
}

TEST (ConvolverSlots, ASlotBThatCannotBeBlendedLeavesSlotAPlayingAndSaysWhy)
{
    const auto irA = test::decayingNoise (400, 23);
    const test::Channels four { test::decayingNoise (100, 24), test::decayingNoise (100, 25),
                                test::decayingNoise (100, 26), test::decayingNoise (100, 27) };
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (test::neutralParameters());
    processor.loadImpulseResponse (IrSlot::a, test::makeClip ({ irA, irA }, rate), "stereo.wav");
    processor.prepare (rate, 512, 1, 2);
    EXPECT_EQ (processor.loadImpulseResponse (IrSlot::b, test::makeClip (four, rate), "four.wav"), LoadOutcome::failed);
    EXPECT_NE (processor.lastError().find ("four.wav"), std::string::npos) << processor.lastError();
    EXPECT_EQ (processor.requestedImpulseResponse (IrSlot::b), nullptr);
    EXPECT_EQ (processor.impulseResponseInfo()->name, "stereo.wav");
}

/** A 100 Hz stereo sine, faded in over 50 ms, with both slots loaded (A a
    tap at 0, B a tap 1 ms later: another phase), the row at one end of its
    range, jumped to the other at half a second (or held). */
test::Channels renderSlotJump (const ParameterDefinition& row, bool startAtMaximum, bool jump)
{
    constexpr std::size_t length = 48000;
    test::Channels input { test::sine (length, 100.0, rate, 0.5), test::sine (length, 100.0, rate, 0.5, pi / 2) };
    for (auto& channel : input)
        for (std::size_t n = 0; n < 2400; ++n)
            channel[n] *= static_cast<float> (0.5 - 0.5 * std::cos (pi * static_cast<double> (n) / 2400.0));

    std::vector<float> laterTap (49, 0.0f);
    laterTap[48] = 0.25f;
    ConvolverProcessor processor (RebuildMode::synchronous);
    auto parameters = test::neutralParameters();
    row.field.set (parameters, startAtMaximum ? row.range.maximum : row.range.minimum);
    processor.setParameters (parameters);
    processor.loadImpulseResponse (IrSlot::a, test::makeClip ({ { 0.25f } }, rate), "tap.wav");
    processor.loadImpulseResponse (IrSlot::b, test::makeClip ({ laterTap }, rate), "later.wav");
    processor.prepare (rate, 512, 2, 2);
    return test::renderInSegments (processor, input, 2, length, 17, { length / 2 },
                                   [&] (std::size_t)
                                   {
                                       if (!jump)
                                           return;
                                       row.field.set (parameters,
                                                      startAtMaximum ? row.range.minimum : row.range.maximum);
                                       processor.setParameters (parameters);
                                   });
}

double largestStepOf (const test::Channels& signal)
{
    return std::max (test::largestStep (signal[0]), test::largestStep (signal[1]));
}

// As ConvolverAutomation's bound for the live parameters: a jump of a slot
// control from one end of its range to the other rebuilds the kernel and
// crossfades, so no sample-to-sample step exceeds 1.5 x the largest step of
// the output held at either end (plus 1e-4).
TEST (ConvolverSlots, AJumpOfAnySlotControlAcrossItsRangeMakesNoStep)
{
    for (const auto& row : parameterTable)
    {
        if (row.editorSection != EditorSection::slots)
            continue;
        for (const bool startAtMaximum : { false, true })
        {
            const double heldAtStart = largestStepOf (renderSlotJump (row, startAtMaximum, false));
            const double heldAtEnd = largestStepOf (renderSlotJump (row, !startAtMaximum, false));
            const double jumped = largestStepOf (renderSlotJump (row, startAtMaximum, true));
            const double bound = 1.5 * std::max (heldAtStart, heldAtEnd) + 1.0e-4;
            EXPECT_LE (jumped, bound) << row.id << (startAtMaximum ? " down" : " up");
            std::cout << "[ figures  ] " << row.id << (startAtMaximum ? " down" : " up") << ": largest step " << jumped
                      << ", held " << heldAtStart << " and " << heldAtEnd << " (ratio "
                      << jumped / std::max (heldAtStart, heldAtEnd) << ")\n";
        }
    }
}

/** CPU seconds to render 20 s of stereo noise through the processor. */
double renderCpuMilliseconds (ConvolverProcessor& processor)
{
    const test::Channels input { test::whiteNoise (48000 * 20, 30), test::whiteNoise (48000 * 20, 31) };
    const test::WorkMeter meter;
    (void)test::renderThroughProcessor (processor, input, 2, input[0].size(), 5, 512);
    return meter.cpuMilliseconds();
}

// Not a timed test: what makes two slots cost what one costs is that the
// engine gets one kernel of the same shape (paths, length); the CPU times
// are printed for the record (docs/plugin.md quotes them).
TEST (ConvolverSlots, TwoSlotsRunOneKernelOfTheSameShapeAsOneSlot)
{
    const test::Channels irA { test::decayingNoise (96000, 32), test::decayingNoise (96000, 33) };
    const test::Channels irB { test::decayingNoise (96000, 34), test::decayingNoise (96000, 35) };
    auto parameters = test::neutralParameters();
    parameters.slotBDelayMs = 0.3f;

    ConvolverProcessor one (RebuildMode::synchronous);
    one.setParameters (parameters);
    one.loadImpulseResponse (IrSlot::a, test::makeClip (irA, rate), "a.wav");
    one.prepare (rate, 512, 2, 2);
    ConvolverProcessor two (RebuildMode::synchronous);
    two.setParameters (parameters);
    two.loadImpulseResponse (IrSlot::a, test::makeClip (irA, rate), "a.wav");
    two.loadImpulseResponse (IrSlot::b, test::makeClip (irB, rate), "b.wav");
    two.prepare (rate, 512, 2, 2);

    const auto infoOne = one.impulseResponseInfo();
    const auto infoTwo = two.impulseResponseInfo();
    EXPECT_EQ (infoOne->shapedChannels.size(), infoTwo->shapedChannels.size());
    // Slot B's 0.3 ms delay (14.4 samples) adds 14 + 48 samples: the same
    // partitions.
    EXPECT_EQ (infoTwo->shapedFrames(), infoOne->shapedFrames() + 14 + 48);
    EXPECT_EQ (one.latencySamples(), two.latencySamples());

    // Each measured three times, alternately, the least kept: the first
    // renders also pay for warming caches and plans.
    double cpuOne = 1e300;
    double cpuTwo = 1e300;
    for (int round = 0; round < 3; ++round)
    {
        cpuOne = std::min (cpuOne, renderCpuMilliseconds (one));
        cpuTwo = std::min (cpuTwo, renderCpuMilliseconds (two));
    }
    std::cout << "[ figures  ] 20 s of stereo through a 2 s stereo IR: one slot " << cpuOne << " ms CPU, two slots "
              << cpuTwo << " ms CPU\n";
}
} // namespace
} // namespace partita
