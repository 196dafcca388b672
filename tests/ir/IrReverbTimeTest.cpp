// SPDX-License-Identifier: GPL-3.0-or-later
// The reverb-time control's result, measured by the test's own Schroeder fit
// (ReferenceDecay.h, not the code under test): within 3 % of the asked
// fraction of the IR's reverberation time, on synthetic rooms of known decay
// with a noise floor and on the real measured IRs beside the repository.
#include "ir/IrReverbTime.h"

#include "ReferenceDecay.h"
#include "io/AudioFileReader.h"
#include "ir/IrEnvelope.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>

namespace partita
{
namespace
{
constexpr double tolerance = 0.03;
constexpr double fractions[] = { 0.1, 0.25, 0.5, 0.75, 0.9 };

AudioClip shapedWithReverbTime (AudioClip clip, double fraction)
{
    IrEnvelopeShape shape;
    shape.reverbTimePercent = 100.0 * fraction;
    (void)applyIrEnvelope (clip, shape);
    return clip;
}

struct SyntheticRoom
{
    double reverbSeconds;
    double floorDb;
    std::size_t channels;
};

void PrintTo (const SyntheticRoom& room, std::ostream* stream)
{
    *stream << room.reverbSeconds << " s, floor " << room.floorDb << " dB, " << room.channels << " channels";
}

class SyntheticRoomReverbTime : public ::testing::TestWithParam<SyntheticRoom>
{
};

TEST_P (SyntheticRoomReverbTime, ResultsT30IsTheAskedFractionOfTheKnownDecayWithinThreePercent)
{
    const auto room = GetParam();
    const double rate = 48000.0;
    const std::size_t direct = 480;
    AudioClip clip { rate, {} };
    for (std::size_t c = 0; c < room.channels; ++c)
        clip.channels.push_back (test::decayingRoom (room.reverbSeconds, room.floorDb, 2.0 * room.reverbSeconds, rate,
                                                     direct, 7u + static_cast<std::uint32_t> (c)));
    const auto crossing = test::floorCrossingFrame (room.reverbSeconds, room.floorDb, rate, direct);

    // The reference itself finds the known decay in the original.
    const double original = test::referenceReverbTime (clip.channels, rate, crossing, true);
    ASSERT_NEAR (original, room.reverbSeconds, 0.01 * room.reverbSeconds);
    // So does the chain's own measurement.
    EXPECT_NEAR (measureReverbTime (clip).reverbTimeSeconds, room.reverbSeconds, 0.02 * room.reverbSeconds);

    for (const double fraction : fractions)
    {
        const auto shaped = shapedWithReverbTime (clip, fraction);
        const double asked = fraction * room.reverbSeconds;
        // The envelope fades the noise too: it is no longer stationary, so
        // it is not subtracted; the integral stops where the original's decay
        // met its floor (the envelope scales both alike).
        const double measured = test::referenceReverbTime (shaped.channels, rate, crossing, false);
        std::printf ("  synthetic T %.2f s, floor %.0f dB, %zu ch: asked %5.3f s (%3.0f %%), measured T30 %5.3f s, "
                     "error %+5.2f %%\n",
                     room.reverbSeconds, room.floorDb, room.channels, asked, 100.0 * fraction, measured,
                     100.0 * (measured / asked - 1.0));
        EXPECT_NEAR (measured, asked, tolerance * asked) << "fraction " << fraction;
    }
}

INSTANTIATE_TEST_SUITE_P (IrReverbTime, SyntheticRoomReverbTime,
                          ::testing::Values (SyntheticRoom { 0.4, -70.0, 1 }, SyntheticRoom { 1.2, -60.0, 2 },
                                             SyntheticRoom { 2.5, -80.0, 2 }));

const std::filesystem::path irFolder = std::filesystem::path (PARTITA_SHARED_TESTDATA_DIR) / "ir";

class MeasuredRoomReverbTime : public ::testing::TestWithParam<const char*>
{
};

TEST_P (MeasuredRoomReverbTime, ResultsDecayIsTheAskedFractionOfTheOriginalsWithinThreePercent)
{
    const auto path = irFolder / GetParam();
    if (!std::filesystem::exists (path))
        GTEST_SKIP() << "no measured IRs at " << irFolder << " (they live beside the repository, not in it)";
    const auto clip = readAudioFile (path);
    const auto crossing = test::estimatedFloorCrossing (clip.channels, clip.sampleRate);

    // T30 where the recording has the range, else T20 (ISO 3382-1).
    double fromDb = -5.0, toDb = -35.0;
    double original = 0.0;
    try
    {
        original = test::referenceReverbTime (clip.channels, clip.sampleRate, crossing, true, fromDb, toDb);
    }
    catch (const std::runtime_error&)
    {
        toDb = -25.0;
        original = test::referenceReverbTime (clip.channels, clip.sampleRate, crossing, true, fromDb, toDb);
    }
    for (const double fraction : fractions)
    {
        const auto shaped = shapedWithReverbTime (clip, fraction);
        const double asked = fraction * original;
        const double measured =
            test::referenceReverbTime (shaped.channels, shaped.sampleRate, crossing, false, fromDb, toDb);
        std::printf ("  %s: T%.0f %5.3f s; asked %5.3f s (%3.0f %%), measured %5.3f s, error %+5.2f %%\n", GetParam(),
                     -toDb - 5.0, original, asked, 100.0 * fraction, measured, 100.0 * (measured / asked - 1.0));
        EXPECT_NEAR (measured, asked, tolerance * asked) << "fraction " << fraction;
    }
}

// The rooms among the measured IRs: deconvolved sweeps (OpenAIR) and
// board claps; the cabinet, the HRIR and the sweeps have no room decay. The
// Unterlinden basement clap is left out: its recording is faded out from
// 2.7 s on, about 25 dB below its peak, instead of ending in its noise, so no
// decay-time measurement (neither the chain's nor this test's) finds its
// floor (they say 8.5 s and 7.1 s for a decay that is audibly about 3 s).
INSTANTIATE_TEST_SUITE_P (IrReverbTime, MeasuredRoomReverbTime,
                          ::testing::Values ("room_seminar_clap_mono_44k1.wav", "brir_seminar_clap_kemar_44k1.wav",
                                             "hall_spokane_womans_club_stereo_44k1.wav",
                                             "hall_jack_lyons_bformat_96k.wav",
                                             "church_st_margarets_bformat_44k1.wav"));

TEST (IrReverbTime, AClickWithoutADecayIsLeftAsItIs)
{
    AudioClip clip { 48000.0, { { 0.0, 1.0, 0.0, 0.0, 0.0 } } };
    const auto before = clip.channels;
    EXPECT_FALSE (measureReverbTime (clip).valid);
    EXPECT_EQ (shapedWithReverbTime (clip, 0.1).channels, before);
}

} // namespace
} // namespace partita
