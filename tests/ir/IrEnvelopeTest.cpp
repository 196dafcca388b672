// SPDX-License-Identifier: GPL-3.0-or-later
// The envelope as a whole: neutral values leave the IR bit for bit (old
// presets sound the same), and the curve the editor draws is the gain the
// IR was given.
#include "ir/IrEnvelope.h"

#include "ReferenceDecay.h"
#include "ir/IrShaping.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>

namespace partita
{
namespace
{
AudioClip stereoRoom()
{
    return { 48000.0,
             { test::decayingRoom (0.6, -70.0, 1.0, 48000.0, 300, 21u),
               test::decayingRoom (0.6, -70.0, 1.0, 48000.0, 300, 22u) } };
}
} // namespace

TEST (IrEnvelope, NeutralValuesLeaveTheIrBitForBitWhateverTheirCompanionControlsSay)
{
    const std::vector<std::function<void (IrEnvelopeShape&)>> neutralSettings {
        [] (IrEnvelopeShape&) {},
        // Each of these only qualifies a control that is off.
        [] (IrEnvelopeShape& s) { s.attackShapePercent = 100.0; },
        [] (IrEnvelopeShape& s) { s.dampingHz = 1000.0; },
        [] (IrEnvelopeShape& s) { s.earlyLateSplitMs = 10.0; },
    };
    for (std::size_t i = 0; i < neutralSettings.size(); ++i)
    {
        auto clip = stereoRoom();
        const auto before = clip.channels;
        IrEnvelopeShape shape;
        neutralSettings[i](shape);
        const auto curve = applyIrEnvelope (clip, shape);
        EXPECT_TRUE (curve.isNeutral()) << i;
        EXPECT_EQ (clip.channels, before) << i;
    }

    auto clip = stereoRoom();
    const auto shaped = shapeImpulseResponse (clip, ImpulseResponseShape {});
    EXPECT_EQ (shaped.clip.channels, clip.channels);
}

TEST (IrEnvelope, TheCurveTheEditorDrawsIsTheGainTheIrWasGiven)
{
    auto clip = stereoRoom();
    const auto before = clip.channels;
    IrEnvelopeShape shape;
    shape.attackMs = 20.0;
    shape.attackShapePercent = 40.0;
    shape.reverbTimePercent = 50.0;
    shape.earlyLevelDb = 3.0;
    shape.lateLevelDb = -9.0;
    shape.earlyLateSplitMs = 60.0;
    const auto curve = applyIrEnvelope (clip, shape);
    ASSERT_TRUE (curve.measuredDecay.valid);
    EXPECT_EQ (curve.directFrame, 300u);
    for (std::size_t c = 0; c < 2; ++c)
        for (std::size_t n = 0; n < before[c].size(); ++n)
            ASSERT_NEAR (clip.channels[c][n], before[c][n] * curve.gainAt (n), 1.0e-12 * std::abs (before[c][n]))
                << "channel " << c << ", frame " << n;
}

TEST (IrEnvelope, TheReverbTimeLeavesEverythingUpToTheDirectSoundAsItIs)
{
    auto clip = stereoRoom();
    const auto before = clip.channels;
    IrEnvelopeShape shape;
    shape.reverbTimePercent = 10.0;
    (void)applyIrEnvelope (clip, shape);
    for (std::size_t n = 0; n <= 300; ++n)
        ASSERT_EQ (clip.channels[0][n], before[0][n]) << n;
    EXPECT_NE (clip.channels[0][301], before[0][301]);
}

} // namespace partita
