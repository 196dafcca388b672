// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessorTestHelpers.h"
#include "processor/ConvolverProcessor.h"
#include "processor/ParameterTable.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <numbers>
#include <string>

namespace partita
{
namespace
{
constexpr double rate = 48000.0;
constexpr std::size_t length = 48000;
constexpr std::size_t jumpAt = 24000;

using Setter = std::function<void (ProcessorParameters&, bool toMaximum)>;

struct Automation
{
    std::string name;
    Setter set;
};

/** Renders with the parameter at one end, switched to the other end at
    jumpAt (or held, when `jump` is false). */
test::Channels render (const Setter& set, bool startAtMaximum, bool jump)
{
    ConvolverProcessor processor (RebuildMode::synchronous);
    auto parameters = test::neutralParameters();
    set (parameters, startAtMaximum);
    processor.setParameters (parameters);
    // 0.25 x delta: mix changes the level, and the wet is not the dry.
    processor.loadImpulseResponse (test::makeClip ({ { 0.25f }, { 0.25f } }, rate), "tap.wav");
    processor.prepare (rate, 512, 2, 2);
    return test::renderInSegments (processor, test::smoothStereoSines (length, rate), 2, length, 17, { jumpAt },
                                   [&] (std::size_t)
                                   {
                                       if (jump)
                                       {
                                           set (parameters, !startAtMaximum);
                                           processor.setParameters (parameters);
                                       }
                                   });
}

double largestStepOf (const test::Channels& signal)
{
    return std::max (test::largestStep (signal[0]), test::largestStep (signal[1]));
}

std::vector<Automation> continuousParameters()
{
    using R = ParameterRange;
    auto endOf = [] (const R& range, bool toMaximum) { return toMaximum ? range.maximum : range.minimum; };
    return {
        { "mix", [=] (auto& p, bool m) { p.mixPercent = endOf (parameterRow ("mix").range, m); } },
        { "wet gain", [=] (auto& p, bool m) { p.wetGainDb = endOf (parameterRow ("wetGain").range, m); } },
        { "output gain", [=] (auto& p, bool m) { p.outputGainDb = endOf (parameterRow ("outputGain").range, m); } },
        { "pre-delay", [=] (auto& p, bool m) { p.preDelayMs = endOf (parameterRow ("preDelay").range, m); } },
        { "low cut", [=] (auto& p, bool m) { p.lowCutHz = endOf (parameterRow ("lowCut").range, m); } },
        { "high cut", [=] (auto& p, bool m) { p.highCutHz = endOf (parameterRow ("highCut").range, m); } },
        { "width", [=] (auto& p, bool m) { p.widthPercent = endOf (parameterRow ("width").range, m); } },
        // The equaliser: each gain across its range, each slope with its cut
        // on, each frequency and Q with its band at 12 dB: a boost for the
        // shelves, a cut for the peaks. A boosting peak swept across the
        // tone passes its +12 dB on the way, more than either end, and one
        // whose Q falls from 10 to 0.1 at the tone's own frequency rings out
        // the energy it stored at Q 10 (2.0 x the held step, docs/plugin.md).
        { "low shelf gain",
          [=] (auto& p, bool m) { p.lowShelfGainDb = endOf (parameterRow ("lowShelfGain").range, m); } },
        { "peak 1 gain", [=] (auto& p, bool m) { p.peak1GainDb = endOf (parameterRow ("peak1Gain").range, m); } },
        { "peak 2 gain", [=] (auto& p, bool m) { p.peak2GainDb = endOf (parameterRow ("peak2Gain").range, m); } },
        { "high shelf gain",
          [=] (auto& p, bool m) { p.highShelfGainDb = endOf (parameterRow ("highShelfGain").range, m); } },
        { "low shelf freq",
          [=] (auto& p, bool m)
          {
              p.lowShelfGainDb = 12.0f;
              p.lowShelfHz = endOf (parameterRow ("lowShelfFreq").range, m);
          } },
        { "low shelf Q",
          [=] (auto& p, bool m)
          {
              p.lowShelfGainDb = 12.0f;
              p.lowShelfQ = endOf (parameterRow ("lowShelfQ").range, m);
          } },
        { "peak 1 freq",
          [=] (auto& p, bool m)
          {
              p.peak1GainDb = -12.0f;
              p.peak1Hz = endOf (parameterRow ("peak1Freq").range, m);
          } },
        { "peak 1 Q",
          [=] (auto& p, bool m)
          {
              p.peak1GainDb = -12.0f;
              p.peak1Hz = 100.0f;
              p.peak1Q = endOf (parameterRow ("peak1Q").range, m);
          } },
        { "peak 2 freq",
          [=] (auto& p, bool m)
          {
              p.peak2GainDb = -12.0f;
              p.peak2Hz = endOf (parameterRow ("peak2Freq").range, m);
          } },
        { "peak 2 Q",
          [=] (auto& p, bool m)
          {
              p.peak2GainDb = -12.0f;
              p.peak2Hz = 100.0f;
              p.peak2Q = endOf (parameterRow ("peak2Q").range, m);
          } },
        { "high shelf freq",
          [=] (auto& p, bool m)
          {
              p.highShelfGainDb = 12.0f;
              p.highShelfHz = endOf (parameterRow ("highShelfFreq").range, m);
          } },
        { "high shelf Q",
          [=] (auto& p, bool m)
          {
              p.highShelfGainDb = 12.0f;
              p.highShelfHz = 1000.0f;
              p.highShelfQ = endOf (parameterRow ("highShelfQ").range, m);
          } },
        { "low cut slope",
          [=] (auto& p, bool m)
          {
              p.lowCutHz = 100.0f;
              p.lowCutSlope = m ? CutSlope::fortyEightDecibels : CutSlope::twelveDecibels;
          } },
        { "high cut slope",
          [=] (auto& p, bool m)
          {
              p.highCutHz = 1000.0f;
              p.highCutSlope = m ? CutSlope::fortyEightDecibels : CutSlope::twelveDecibels;
          } },
        { "everything at once",
          [=] (auto& p, bool m)
          {
              p.mixPercent = endOf (parameterRow ("mix").range, m);
              p.wetGainDb = endOf (parameterRow ("wetGain").range, m);
              p.outputGainDb = endOf (parameterRow ("outputGain").range, !m);
              p.preDelayMs = endOf (parameterRow ("preDelay").range, m);
              p.lowCutHz = endOf (parameterRow ("lowCut").range, m);
              p.highCutHz = endOf (parameterRow ("highCut").range, !m);
              p.widthPercent = endOf (parameterRow ("width").range, m);
              p.lowShelfGainDb = endOf (parameterRow ("lowShelfGain").range, m);
              p.peak1Hz = endOf (parameterRow ("peak1Freq").range, !m);
              p.peak1GainDb = endOf (parameterRow ("peak1Gain").range, !m);
              p.highShelfGainDb = endOf (parameterRow ("highShelfGain").range, m);
              p.lowCutSlope = m ? CutSlope::fortyEightDecibels : CutSlope::twelveDecibels;
          } },
    };
}
} // namespace

/*  The bound: a jump from one end of a parameter's range to the other may not
    make any sample-to-sample step larger than 1.5 x the largest step the same
    smooth signal makes with the parameter held at either end (plus 1e-4 for
    settings that make the output nearly silent). An unsmoothed change steps by
    up to the whole difference between the two outputs, here 10 to 1000 times
    more. */
TEST (ConvolverAutomation, AJumpOfAnyContinuousParameterAcrossItsRangeMakesNoStep)
{
    for (const auto& automation : continuousParameters())
    {
        for (const bool startAtMaximum : { false, true })
        {
            const double heldAtStart = largestStepOf (render (automation.set, startAtMaximum, false));
            const double heldAtEnd = largestStepOf (render (automation.set, !startAtMaximum, false));
            const double jumped = largestStepOf (render (automation.set, startAtMaximum, true));
            const double bound = 1.5 * std::max (heldAtStart, heldAtEnd) + 1.0e-4;
            EXPECT_LE (jumped, bound) << automation.name << (startAtMaximum ? " from maximum" : " from minimum")
                                      << ": held steps " << heldAtStart << " and " << heldAtEnd;
            RecordProperty (automation.name + (startAtMaximum ? " down" : " up"),
                            std::to_string (jumped) + " (bound " + std::to_string (bound) + ")");
        }
    }
}

TEST (ConvolverAutomation, ParameterRampsSettleWithinTwentyMilliseconds)
{
    // Output gain 0 dB -> -6.02 dB (x 0.5): exactly half the held output 20 ms after the change.
    const Setter set = [] (ProcessorParameters& p, bool m)
    { p.outputGainDb = m ? 0.0f : static_cast<float> (20.0 * std::log10 (0.5)); };
    const auto held = render (set, true, false);
    const auto jumped = render (set, true, true);
    const auto ramp = static_cast<std::size_t> (ConvolverProcessor::smoothingSeconds * rate);
    for (std::size_t n = jumpAt + ramp; n < length; ++n)
        ASSERT_NEAR (jumped[0][n], 0.5 * static_cast<double> (held[0][n]), 1.0e-6) << "sample " << n;
    // Mid-ramp (at a crest of the 100 Hz sine) the gain is still on its way.
    const auto midRamp = jumpAt + ramp / 2 + 120;
    EXPECT_GT (std::abs (jumped[0][midRamp] - 0.5f * held[0][midRamp]), 1.0e-3f);
}

} // namespace partita
