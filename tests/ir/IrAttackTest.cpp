// SPDX-License-Identifier: GPL-3.0-or-later
// The attack's gain curve, sample by sample, against the closed form of its
// header computed here in double.
#include "ir/IrAttack.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace partita
{
namespace
{
double expectedGain (std::size_t n, std::size_t frames, double shape)
{
    if (n >= frames)
        return 1.0;
    const double x = static_cast<double> (n + 1) / static_cast<double> (frames);
    const double linear = x;
    const double exponential = (std::exp (x * std::log (1000.0)) - 1.0) / 999.0;
    return (1.0 - shape) * linear + shape * exponential;
}
} // namespace

TEST (IrAttack, FadesTheIrInSampleBySampleAlongTheDocumentedCurveForEveryShape)
{
    const std::size_t frames = 2400; // 50 ms at 48 kHz
    for (const double shapePercent : { 0.0, 25.0, 50.0, 100.0 })
    {
        AudioClip clip { 48000.0, { std::vector<double> (4000, 0.5), std::vector<double> (4000, -0.25) } };
        applyAttack (clip, frames, shapePercent);
        for (std::size_t n = 0; n < 4000; ++n)
        {
            const double gain = expectedGain (n, frames, shapePercent / 100.0);
            ASSERT_NEAR (clip.channels[0][n], 0.5 * gain, 1.0e-15) << "shape " << shapePercent << ", frame " << n;
            ASSERT_NEAR (clip.channels[1][n], -0.25 * gain, 1.0e-15) << "shape " << shapePercent << ", frame " << n;
        }
    }
}

TEST (IrAttack, LinearReachesHalfWayAtTheMiddleAndExponentialIsThirtyDecibelsDown)
{
    // The fade's zero is one frame before the first: frame 499 is half-way.
    EXPECT_DOUBLE_EQ (attackGain (0, 1000, 0.0), 0.001);
    EXPECT_DOUBLE_EQ (attackGain (499, 1000, 0.0), 0.5);
    EXPECT_DOUBLE_EQ (attackGain (999, 1000, 0.0), 1.0);
    // 1000^0.5 = 31.62: (31.62 - 1) / 999 = 0.03065, -30.3 dB.
    EXPECT_NEAR (attackGain (499, 1000, 100.0), (std::sqrt (1000.0) - 1.0) / 999.0, 1.0e-15);
    EXPECT_DOUBLE_EQ (attackGain (999, 1000, 100.0), 1.0);
    EXPECT_DOUBLE_EQ (attackGain (1000, 1000, 100.0), 1.0);
}

TEST (IrAttack, NoAttackLeavesTheIrBitForBit)
{
    AudioClip clip { 48000.0, { { 0.1, -0.7, 0.3 } } };
    const auto before = clip.channels;
    applyAttack (clip, 0, 100.0);
    EXPECT_EQ (clip.channels, before);
}

TEST (IrAttack, AnAttackLongerThanTheIrFadesWhatThereIsAndSilencesNoSample)
{
    AudioClip clip { 48000.0, { { 1.0, 1.0, 1.0 } } };
    applyAttack (clip, 6, 0.0);
    EXPECT_EQ (clip.channels[0], (std::vector<double> { 1.0 / 6.0, 2.0 / 6.0, 3.0 / 6.0 }));

    // Found by the plugin's soak test: an IR trimmed to one frame and given
    // an attack became silent, and auto-gain refused to build it.
    AudioClip oneFrame { 48000.0, { { 0.5 } } };
    applyAttack (oneFrame, 24000, 100.0);
    EXPECT_GT (oneFrame.channels[0][0], 0.0);
}

} // namespace partita
