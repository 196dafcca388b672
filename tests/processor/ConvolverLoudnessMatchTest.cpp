// SPDX-License-Identifier: GPL-3.0-or-later
// Loudness matching in the processor: switching IRs with it on, and turning
// it on, crossfade like any IR change (no step beyond the held signal's own).
#include "ProcessorTestHelpers.h"
#include "processor/ConvolverProcessor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace partita
{
namespace
{
constexpr double rate = 48000.0;

/** A dark IR (a two-tap average: a gentle low-pass) and a bright one (a
    difference: a high-pass), as short as can be so that the output's steps
    are the held sine's. */
AudioClip darkIr()
{
    return test::makeClip ({ { 0.5f, 0.5f } }, rate);
}

AudioClip brightIr()
{
    return test::makeClip ({ { 0.5f, -0.5f } }, rate);
}

/** A bass-heavy IR: a one-pole low-pass (about 150 Hz), 400 samples. */
AudioClip bassIr()
{
    std::vector<float> ir (400);
    for (std::size_t n = 0; n < ir.size(); ++n)
        ir[n] = static_cast<float> (0.02 * std::pow (0.98, static_cast<double> (n)));
    return test::makeClip ({ ir }, rate);
}
} // namespace

TEST (ConvolverLoudnessMatch, SwitchingIrsWithLoudnessMatchOnCrossfadesWithoutAStep)
{
    ConvolverProcessor processor (RebuildMode::synchronous);
    auto parameters = test::neutralParameters();
    parameters.loudnessMatch = true;
    processor.setParameters (parameters);
    processor.loadImpulseResponse (darkIr(), "dark.wav");
    processor.prepare (rate, 512, 1, 1);

    const std::size_t swapAt = 24000;
    const auto x = test::sine (48000, 1000.0, rate, 0.5);
    const auto y = test::renderInSegments (processor, { x }, 1, x.size(), 11, { swapAt },
                                           [&] (std::size_t position)
                                           {
                                               if (position == swapAt)
                                                   processor.loadImpulseResponse (brightIr(), "bright.wav");
                                           })[0];
    const auto fade = static_cast<std::size_t> (std::llround (ConvolverProcessor::crossfadeSeconds * rate));
    // The held signal's steps: a 1 kHz sine through each IR, settled.
    const double held = std::max (test::largestStep (y, 1000, swapAt), test::largestStep (y, swapAt + fade, y.size()));
    const double during = test::largestStep (y, swapAt, swapAt + fade);
    RecordProperty ("heldStep", std::to_string (held));
    RecordProperty ("stepDuringSwitch", std::to_string (during));
    EXPECT_LE (during, held * 1.01) << "a click during the switch";
    EXPECT_EQ (processor.impulseResponseInfo()->name, "bright.wav");
}

TEST (ConvolverLoudnessMatch, TurningItOnRaisesABassHeavyIrThroughACrossfade)
{
    ConvolverProcessor processor (RebuildMode::synchronous);
    auto parameters = test::neutralParameters();
    parameters.autoGain = true;
    processor.setParameters (parameters);
    processor.loadImpulseResponse (bassIr(), "bass.wav");
    processor.prepare (rate, 512, 1, 1);

    const std::size_t switchAt = 24000;
    const auto x = test::sine (48000, 100.0, rate, 0.5);
    const auto y = test::renderInSegments (processor, { x }, 1, x.size(), 12, { switchAt },
                                           [&] (std::size_t position)
                                           {
                                               if (position == switchAt)
                                               {
                                                   auto on = parameters;
                                                   on.loudnessMatch = true;
                                                   processor.setParameters (on);
                                               }
                                           })[0];
    const auto fade = static_cast<std::size_t> (std::llround (ConvolverProcessor::crossfadeSeconds * rate));
    const double before = test::rms (y, 1000, switchAt);
    const double after = test::rms (y, switchAt + fade, y.size());
    // The bass-heavy IR is quieter by loudness than by energy (K-weighting
    // discounts its lows): matching raises it.
    RecordProperty ("raisedByDb", std::to_string (20.0 * std::log10 (after / before)));
    EXPECT_GT (after, before * 1.4);
    const double held =
        std::max (test::largestStep (y, 1000, switchAt), test::largestStep (y, switchAt + fade, y.size()));
    EXPECT_LE (test::largestStep (y, switchAt, switchAt + fade), held * 1.01);
}

} // namespace partita
