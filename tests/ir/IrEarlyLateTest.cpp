// SPDX-License-Identifier: GPL-3.0-or-later
// The early/late gain curve, sample by sample, crossfade included, against
// the closed form of its header computed here; and where the boundary falls.
#include "ir/IrEarlyLate.h"

#include "ir/IrEnvelope.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

namespace partita
{

TEST (IrEarlyLate, GainIsEarlyThenARaisedCosineOverTheCrossfadeThenLate)
{
    const EarlyLateBalance balance {
        .earlyGain = 2.0, .lateGain = 0.25, .boundaryFrame = 1000, .crossfadeFrames = 480
    };
    AudioClip clip { 48000.0, { std::vector<double> (3000, 1.0) } };
    applyEarlyLateBalance (clip, balance);
    for (std::size_t n = 0; n < 3000; ++n)
    {
        double expected = 2.0;
        if (n >= 1240)
            expected = 0.25;
        else if (n >= 760)
            expected =
                2.0
                + (0.25 - 2.0) * 0.5 * (1.0 - std::cos (std::numbers::pi * (static_cast<double> (n) - 760.0) / 480.0));
        ASSERT_NEAR (clip.channels[0][n], expected, 1.0e-15) << "frame " << n;
    }
}

TEST (IrEarlyLate, TheBoundaryIsTheSplitTimeAfterTheDirectSound)
{
    // Direct sound at 100 ms; split at 80 ms: the crossfade is centred on 180 ms.
    const double rate = 48000.0;
    AudioClip clip { rate, { std::vector<double> (19200, 0.001) } };
    clip.channels[0][4800] = 1.0;
    IrEnvelopeShape shape;
    shape.earlyLevelDb = 6.0;
    shape.lateLevelDb = -12.0;
    const auto curve = applyIrEnvelope (clip, shape);
    EXPECT_EQ (curve.earlyLate.boundaryFrame, 4800u + 3840u);
    EXPECT_EQ (curve.earlyLate.crossfadeFrames, 480u);
    const double early = std::pow (10.0, 6.0 / 20.0), late = std::pow (10.0, -12.0 / 20.0);
    EXPECT_NEAR (clip.channels[0][4800], early, 1.0e-15);
    EXPECT_NEAR (clip.channels[0][8640 - 241], 0.001 * early, 1.0e-15);
    EXPECT_NEAR (clip.channels[0][8640], 0.001 * 0.5 * (early + late), 1.0e-15);
    EXPECT_NEAR (clip.channels[0][8640 + 240], 0.001 * late, 1.0e-15);
}

TEST (IrEarlyLate, EqualLevelsOfZeroDecibelsLeaveTheIrBitForBit)
{
    AudioClip clip { 48000.0, { { 0.1, -0.7, 0.3 } } };
    const auto before = clip.channels;
    applyEarlyLateBalance (clip, { .earlyGain = 1.0, .lateGain = 1.0, .boundaryFrame = 1, .crossfadeFrames = 2 });
    EXPECT_EQ (clip.channels, before);
}

} // namespace partita
