// SPDX-License-Identifier: GPL-3.0-or-later
#include "ir/ImpulseResponsePreparation.h"

#include "TestSignals.h"
#include "io/AudioFileError.h"
#include "io/Resampler.h"
#include "ir/IrNormalisation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace partita
{
namespace
{
AudioClip clipOf (std::vector<std::vector<double>> channels, double rate = 48000.0)
{
    AudioClip clip;
    clip.sampleRate = rate;
    clip.channels = std::move (channels);
    return clip;
}

std::string errorOf (AudioClip clip, double rate = 48000.0, IrNormalisation normalisation = IrNormalisation::none)
{
    try
    {
        (void)prepareImpulseResponse (std::move (clip), rate, normalisation, "ir.wav");
    }
    catch (const std::exception& error)
    {
        return error.what();
    }
    ADD_FAILURE() << "no exception";
    return {};
}

double energyOf (const std::vector<double>& channel)
{
    double energy = 0.0;
    for (const auto sample : channel)
        energy += sample * sample;
    return energy;
}
} // namespace

TEST (IrNormalisation, ParsesAndNamesEachChoice)
{
    for (const auto choice : { IrNormalisation::none, IrNormalisation::energy, IrNormalisation::peak })
        EXPECT_EQ (parseIrNormalisation (toString (choice)), choice);
    EXPECT_FALSE (parseIrNormalisation ("loudness").has_value());
    EXPECT_FALSE (parseIrNormalisation ("").has_value());
}

TEST (IrNormalisation, EnergyGivesTheLoudestChannelASumOfSquaresOfOne)
{
    // Channel energies 9 + 16 = 25 and 1: the scale is 1/5 for both.
    auto clip = clipOf ({ { 3.0, 4.0 }, { 1.0, 0.0 } });
    normaliseImpulseResponse (clip, IrNormalisation::energy);
    EXPECT_DOUBLE_EQ (clip.channels[0][0], 0.6);
    EXPECT_DOUBLE_EQ (clip.channels[0][1], 0.8);
    EXPECT_DOUBLE_EQ (clip.channels[1][0], 0.2);
    EXPECT_NEAR (energyOf (clip.channels[0]), 1.0, 1e-15);
}

TEST (IrNormalisation, PeakScalesTheLargestSampleOfAnyChannelToOne)
{
    auto clip = clipOf ({ { 0.25, -0.5 }, { 2.0, -4.0 } });
    normaliseImpulseResponse (clip, IrNormalisation::peak);
    EXPECT_DOUBLE_EQ (clip.channels[1][1], -1.0);
    EXPECT_DOUBLE_EQ (clip.channels[1][0], 0.5);
    EXPECT_DOUBLE_EQ (clip.channels[0][0], 0.0625);
    EXPECT_DOUBLE_EQ (clip.channels[0][1], -0.125);
}

TEST (IrNormalisation, NoneLeavesTheIrAsRecorded)
{
    auto clip = clipOf ({ { 3.0, -7.0 } });
    normaliseImpulseResponse (clip, IrNormalisation::none);
    EXPECT_EQ (clip.channels[0], (std::vector<double> { 3.0, -7.0 }));
}

TEST (IrNormalisation, RefusesToNormaliseSilence)
{
    auto clip = clipOf ({ { 0.0, 0.0 } });
    EXPECT_THROW (normaliseImpulseResponse (clip, IrNormalisation::energy), std::invalid_argument);
    EXPECT_THROW (normaliseImpulseResponse (clip, IrNormalisation::peak), std::invalid_argument);
    EXPECT_NO_THROW (normaliseImpulseResponse (clip, IrNormalisation::none));
}

TEST (ImpulseResponsePreparation, PassesAnIrAtTheTargetRateThroughUntouched)
{
    const auto ir =
        clipOf ({ test::toDouble (test::decayingNoise (500, 3)), test::toDouble (test::decayingNoise (500, 4)) });
    const auto prepared = prepareImpulseResponse (ir, 48000.0, IrNormalisation::none, "ir.wav");
    EXPECT_EQ (prepared.sampleRate, 48000.0);
    EXPECT_EQ (prepared.channels, ir.channels);
}

TEST (ImpulseResponsePreparation, RejectsAnIrWithoutSamples)
{
    const auto message = errorOf (clipOf ({ {} }));
    EXPECT_EQ (message, "'ir.wav' holds no samples");
}

TEST (ImpulseResponsePreparation, RejectsAnIrWithoutChannels)
{
    EXPECT_NE (errorOf (clipOf ({})).find ("'ir.wav' holds no channels"), std::string::npos);
}

TEST (ImpulseResponsePreparation, ReportsAnEmptyIrAsAFileError)
{
    EXPECT_THROW ((void)prepareImpulseResponse (clipOf ({ {} }), 48000.0, IrNormalisation::none, "ir.wav"),
                  AudioFileError);
}

TEST (ImpulseResponsePreparation, RejectsChannelsOfDifferentLengths)
{
    EXPECT_NE (errorOf (clipOf ({ { 1.0, 0.5 }, { 1.0 } })).find ("different lengths"), std::string::npos);
}

TEST (ImpulseResponsePreparation, RejectsNaNAndInfiniteSamples)
{
    const auto nan = std::numeric_limits<double>::quiet_NaN();
    const auto infinity = std::numeric_limits<double>::infinity();
    EXPECT_NE (errorOf (clipOf ({ { 1.0, nan } })).find ("contains NaN or infinite samples"), std::string::npos);
    EXPECT_NE (
        errorOf (clipOf ({ { 1.0 }, { -infinity } })).find ("contains NaN or infinite samples (channel 2, frame 0)"),
        std::string::npos);
}

TEST (ImpulseResponsePreparation, RejectsATargetRateThatIsNotPositive)
{
    EXPECT_THROW ((void)prepareImpulseResponse (clipOf ({ { 1.0 } }), 0.0, IrNormalisation::none),
                  std::invalid_argument);
    EXPECT_THROW ((void)prepareImpulseResponse (clipOf ({ { 1.0 } }), std::numeric_limits<double>::quiet_NaN(),
                                                IrNormalisation::none),
                  std::invalid_argument);
}

TEST (ImpulseResponsePreparation, ResamplesToTheTargetRateWithTheDocumentedLength)
{
    const auto ir = clipOf ({ test::toDouble (test::decayingNoise (4410, 5)) }, 44100.0);
    const auto prepared = prepareImpulseResponse (ir, 48000.0, IrNormalisation::none, "ir.wav");
    EXPECT_EQ (prepared.sampleRate, 48000.0);
    ASSERT_EQ (prepared.numChannels(), 1u);
    EXPECT_EQ (prepared.numFrames(), 4800u); // round (4410 * 48000 / 44100)
}

TEST (ImpulseResponsePreparation, ResamplesLikeTheResamplerThenNormalises)
{
    // The chain's order matters: normalising after resampling is what gives
    // the IR the requested level at the rate it is used at.
    const auto ir = clipOf (
        { test::toDouble (test::decayingNoise (2000, 6)), test::toDouble (test::decayingNoise (2000, 7)) }, 44100.0);
    const auto prepared = prepareImpulseResponse (ir, 96000.0, IrNormalisation::energy, "ir.wav");

    const auto resampled = resample (ir, 96000.0);
    ASSERT_EQ (prepared.numFrames(), resampled.numFrames());
    const double loudest = std::max (energyOf (resampled.channels[0]), energyOf (resampled.channels[1]));
    const double scale = 1.0 / std::sqrt (loudest);
    for (std::size_t channel = 0; channel < 2; ++channel)
        for (std::size_t n = 0; n < prepared.numFrames(); ++n)
            ASSERT_NEAR (prepared.channels[channel][n], resampled.channels[channel][n] * scale, 1e-12);

    EXPECT_NEAR (std::max (energyOf (prepared.channels[0]), energyOf (prepared.channels[1])), 1.0, 1e-12);
}

TEST (ImpulseResponsePreparation, KeepsTheBalanceBetweenChannelsWhenNormalisingByPeak)
{
    const auto ir = clipOf ({ { 0.5, 0.25 }, { -0.125, 0.0625 } });
    const auto prepared = prepareImpulseResponse (ir, 48000.0, IrNormalisation::peak, "ir.wav");
    EXPECT_DOUBLE_EQ (prepared.channels[0][0], 1.0);
    EXPECT_DOUBLE_EQ (prepared.channels[1][0], -0.25);
}

TEST (ImpulseResponsePreparation, NamesTheFileWhenASilentIrCannotBeNormalised)
{
    const auto message = errorOf (clipOf ({ { 0.0, 0.0, 0.0 } }), 48000.0, IrNormalisation::energy);
    EXPECT_NE (message.find ("'ir.wav' is silent"), std::string::npos) << message;
}

} // namespace partita

namespace partita
{
namespace
{
struct RateCase
{
    double irRate;
    double sessionRate;
};

class IrLevelAtAnyRate : public ::testing::TestWithParam<RateCase>
{
};
} // namespace

// Reported by a new user: a dirac delayed by 10 ms stored at 48 kHz, applied
// to a 1 kHz sine at 96 kHz, returned the sine 6.02 dB louder (44.1 on 48 kHz
// +0.74 dB, 96 on 48 kHz -6.02 dB): 20 log10 of the rate ratio. A delayed
// dirac is a pure delay at any rate: the sine must come out at its own level.
TEST_P (IrLevelAtAnyRate, ADelayedDiracPassesASineAtItsOwnLevel)
{
    const auto [irRate, sessionRate] = GetParam();
    std::vector<double> dirac (static_cast<std::size_t> (irRate * 0.05), 0.0);
    dirac[static_cast<std::size_t> (irRate * 0.010)] = 1.0;
    const auto prepared =
        prepareImpulseResponse (clipOf ({ dirac }, irRate), sessionRate, IrNormalisation::none, "dirac");

    const auto length = static_cast<std::size_t> (sessionRate * 0.5);
    std::vector<double> sine (length);
    for (std::size_t n = 0; n < length; ++n)
        sine[n] = 0.5 * std::sin (2.0 * M_PI * 1000.0 * static_cast<double> (n) / sessionRate);

    // y = x * h by the definition, over a stretch where the sine fills the IR.
    const auto& h = prepared.channels[0];
    double outputEnergy = 0.0;
    double inputEnergy = 0.0;
    const auto begin = h.size();
    const auto end = length - static_cast<std::size_t> (sessionRate * 0.010);
    for (std::size_t n = begin; n < end; ++n)
    {
        double y = 0.0;
        for (std::size_t k = 0; k < h.size(); ++k)
            y += h[k] * sine[n - k];
        outputEnergy += y * y;
        inputEnergy += sine[n] * sine[n];
    }
    const auto gainDb = 10.0 * std::log10 (outputEnergy / inputEnergy);
    EXPECT_NEAR (gainDb, 0.0, 0.05) << irRate << " Hz IR at " << sessionRate << " Hz";
}

INSTANTIATE_TEST_SUITE_P (Rates, IrLevelAtAnyRate,
                          ::testing::Values (RateCase { 48000.0, 96000.0 }, RateCase { 44100.0, 48000.0 },
                                             RateCase { 96000.0, 48000.0 }, RateCase { 48000.0, 22050.0 },
                                             RateCase { 44100.0, 192000.0 }));

} // namespace partita
