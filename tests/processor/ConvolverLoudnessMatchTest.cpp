// SPDX-License-Identifier: GPL-3.0-or-later
// Loudness matching in the processor: switching IRs with it on, and turning
// it on, crossfade like any IR change (no step beyond the held signal's own).
#include "ProcessorTestHelpers.h"
#include "processor/ConvolverProcessor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
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

/** The output around a change made at the middle of x, once the first
    1000 samples have settled. */
struct Changed
{
    /** The largest step of the output settled on either side of the change
        and during the crossfade that follows it. */
    double heldStep = 0.0;
    double stepDuringChange = 0.0;
    double rmsBefore = 0.0;
    double rmsAfter = 0.0;
};

Changed renderWithChangeAt (ConvolverProcessor& processor, const std::vector<float>& x, std::uint32_t blockSeed,
                            const std::function<void()>& change)
{
    const std::size_t at = x.size() / 2;
    const auto y = test::renderInSegments (processor, { x }, 1, x.size(), blockSeed, { at },
                                           [&] (std::size_t position)
                                           {
                                               if (position == at)
                                                   change();
                                           })[0];
    const auto fade = static_cast<std::size_t> (std::llround (ConvolverProcessor::crossfadeSeconds * rate));
    return { std::max (test::largestStep (y, 1000, at), test::largestStep (y, at + fade, y.size())),
             test::largestStep (y, at, at + fade), test::rms (y, 1000, at), test::rms (y, at + fade, y.size()) };
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

    const auto switched = renderWithChangeAt (processor, test::sine (48000, 1000.0, rate, 0.5), 11,
                                              [&] { processor.loadImpulseResponse (brightIr(), "bright.wav"); });
    RecordProperty ("heldStep", std::to_string (switched.heldStep));
    RecordProperty ("stepDuringSwitch", std::to_string (switched.stepDuringChange));
    EXPECT_LE (switched.stepDuringChange, switched.heldStep * 1.01) << "a click during the switch";
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

    const auto switched = renderWithChangeAt (processor, test::sine (48000, 100.0, rate, 0.5), 12,
                                              [&]
                                              {
                                                  auto on = parameters;
                                                  on.loudnessMatch = true;
                                                  processor.setParameters (on);
                                              });
    // The bass-heavy IR is quieter by loudness than by energy (K-weighting
    // discounts its lows): matching raises it.
    RecordProperty ("raisedByDb", std::to_string (20.0 * std::log10 (switched.rmsAfter / switched.rmsBefore)));
    EXPECT_GT (switched.rmsAfter, switched.rmsBefore * 1.4);
    EXPECT_LE (switched.stepDuringChange, switched.heldStep * 1.01);
}

} // namespace partita
