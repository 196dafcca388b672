// SPDX-License-Identifier: GPL-3.0-or-later
// Loudness matching against the test's own K-weighting: the ITU-R BS.1770-4
// coefficients for 48 kHz typed in from the standard, and at other rates the
// analogue prototype (as libebur128 derives it from those coefficients)
// through this file's own bilinear transform.
#include "ir/IrLoudnessMatch.h"

#include "ir/IrShaping.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <numbers>
#include <random>
#include <vector>

namespace partita
{
namespace
{
struct Section
{
    double b0, b1, b2, a1, a2;
};

// ITU-R BS.1770-4, tables 1 and 2 (48 kHz).
constexpr Section publishedShelf48k { 1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241,
                                      0.73248077421585 };
constexpr Section publishedHighPass48k { 1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621 };

/** The analogue prototypes libebur128 uses (ebur128.c, ebur128_init_filter). */
std::array<Section, 2> bilinearKWeighting (double rate)
{
    const double f0 = 1681.974450955533;
    const double gainDb = 3.999843853973347;
    const double q = 0.7071752369554196;
    double k = std::tan (std::numbers::pi * f0 / rate);
    const double vh = std::pow (10.0, gainDb / 20.0);
    const double vb = std::pow (vh, 0.4996667741545416);
    double a0 = 1.0 + k / q + k * k;
    const Section shelf { (vh + vb * k / q + k * k) / a0, 2.0 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
                          2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0 };

    const double f1 = 38.13547087602444;
    const double q1 = 0.5003270373238773;
    k = std::tan (std::numbers::pi * f1 / rate);
    a0 = 1.0 + k / q1 + k * k;
    const Section highPass { 1.0, -2.0, 1.0, 2.0 * (k * k - 1.0) / a0, (1.0 - k / q1 + k * k) / a0 };
    return { shelf, highPass };
}

std::array<Section, 2> referenceSections (double rate)
{
    if (rate == 48000.0)
        return { publishedShelf48k, publishedHighPass48k };
    return bilinearKWeighting (rate);
}

/** Sum of squares of the K-weighted signal, direct form I in double, with
    a second of the filters' decay after the signal. */
double referenceKEnergy (const std::vector<double>& signal, double rate)
{
    const auto sections = referenceSections (rate);
    std::array<std::array<double, 4>, 2> state {}; // x1 x2 y1 y2
    double energy = 0.0;
    const auto total = signal.size() + static_cast<std::size_t> (rate);
    for (std::size_t n = 0; n < total; ++n)
    {
        double x = n < signal.size() ? signal[n] : 0.0;
        for (std::size_t s = 0; s < 2; ++s)
        {
            const auto& c = sections[s];
            auto& z = state[s];
            const double y = c.b0 * x + c.b1 * z[0] + c.b2 * z[1] - c.a1 * z[2] - c.a2 * z[3];
            z = { x, z[0], y, z[2] };
            x = y;
        }
        energy += x * x;
    }
    return energy;
}

double referenceLoudnessDb (const AudioClip& clip, std::size_t outputs)
{
    double sum = 0.0;
    for (const auto& channel : clip.channels)
        sum += referenceKEnergy (channel, clip.sampleRate);
    return 10.0 * std::log10 (sum / static_cast<double> (outputs));
}

double energyDb (const AudioClip& clip)
{
    double largest = 0.0;
    for (const auto& channel : clip.channels)
    {
        double energy = 0.0;
        for (const double sample : channel)
            energy += sample * sample;
        largest = std::max (largest, energy);
    }
    return 10.0 * std::log10 (largest);
}

/** Decaying noise (a 0.3 s room) shaped by a one-pole filter: `pole` > 0
    leans it to the lows, < 0 to the highs. */
std::vector<double> colouredDecay (double rate, double pole, std::uint32_t seed)
{
    std::mt19937 random (seed);
    std::normal_distribution<double> noise;
    const auto frames = static_cast<std::size_t> (0.3 * rate);
    std::vector<double> ir (frames);
    double state = 0.0;
    for (std::size_t n = 0; n < frames; ++n)
    {
        state = noise (random) + pole * state;
        ir[n] = 0.1 * state * std::exp (-6.9 * static_cast<double> (n) / (0.3 * rate));
    }
    return ir;
}

AudioClip clipOf (std::vector<std::vector<double>> channels, double rate)
{
    return { rate, std::move (channels) };
}

AudioClip shaped (AudioClip clip, bool loudness, std::size_t outputs = 0)
{
    ImpulseResponseShape shape;
    shape.autoGain = true;
    shape.loudnessMatch = loudness;
    shape.loudnessOutputs = outputs;
    return shapeImpulseResponse (std::move (clip), shape).clip;
}
} // namespace

TEST (IrLoudnessMatch, TheTestsOwnBilinearTransformGivesThePublished48kCoefficients)
{
    const auto derived = bilinearKWeighting (48000.0);
    for (const auto& [mine, published] :
         { std::pair { derived[0], publishedShelf48k }, std::pair { derived[1], publishedHighPass48k } })
    {
        EXPECT_NEAR (mine.b0, published.b0, 1e-6);
        EXPECT_NEAR (mine.b1, published.b1, 1e-6);
        EXPECT_NEAR (mine.b2, published.b2, 1e-6);
        EXPECT_NEAR (mine.a1, published.a1, 1e-6);
        EXPECT_NEAR (mine.a2, published.a2, 1e-6);
    }
}

TEST (IrLoudnessMatch, IrsOfDifferentSpectraEndAtEqualKWeightedEnergyWithinATenthOfADecibel)
{
    for (const double rate : { 44100.0, 48000.0, 96000.0 })
    {
        const auto dark = clipOf ({ colouredDecay (rate, 0.995, 1) }, rate);
        const auto bright = clipOf ({ colouredDecay (rate, -0.9, 2) }, rate);
        const double target = 10.0 * std::log10 (referenceKEnergy ({ 1.0 }, rate));

        const auto darkMatched = shaped (dark, true);
        const auto brightMatched = shaped (bright, true);
        EXPECT_NEAR (referenceLoudnessDb (darkMatched, 1), target, 0.1) << rate;
        EXPECT_NEAR (referenceLoudnessDb (brightMatched, 1), target, 0.1) << rate;

        // Energy auto gain gives both an energy of 1 and so leaves the dark
        // IR quieter by loudness (K-weighting discounts its lows, lifts the
        // bright one's highs) by several dB: what loudness matching is for.
        const auto darkEnergy = shaped (dark, false);
        const auto brightEnergy = shaped (bright, false);
        EXPECT_NEAR (energyDb (darkEnergy), 0.0, 1e-9);
        EXPECT_NEAR (energyDb (brightEnergy), 0.0, 1e-9);
        EXPECT_GT (referenceLoudnessDb (brightEnergy, 1) - referenceLoudnessDb (darkEnergy, 1), 3.0) << rate;
    }
}

TEST (IrLoudnessMatch, AFlatIrIsAsLoudAsWithEnergyAutoGain)
{
    // A unit impulse, scaled: energy and loudness matching give it the same level.
    const auto impulse = clipOf ({ { 0.0, 0.25, 0.0 } }, 48000.0);
    const auto byLoudness = shaped (impulse, true);
    const auto byEnergy = shaped (impulse, false);
    EXPECT_NEAR (byLoudness.channels[0][1], 1.0, 1e-12);
    EXPECT_NEAR (byEnergy.channels[0][1], 1.0, 1e-12);
}

TEST (IrLoudnessMatch, ChannelsSumAsBs1770SumsThemPerOutput)
{
    const double rate = 48000.0;
    const double target = 10.0 * std::log10 (referenceKEnergy ({ 1.0 }, rate));
    // A stereo IR: its two channels' energies summed over two outputs.
    const auto stereo = shaped (clipOf ({ colouredDecay (rate, 0.99, 3), colouredDecay (rate, -0.5, 4) }, rate), true);
    EXPECT_NEAR (referenceLoudnessDb (stereo, 2), target, 0.1);
    // True stereo: four paths into two outputs.
    const auto trueStereo = shaped (clipOf ({ colouredDecay (rate, 0.99, 5), colouredDecay (rate, 0.5, 6),
                                              colouredDecay (rate, 0.0, 7), colouredDecay (rate, -0.5, 8) },
                                            rate),
                                    true, 2);
    EXPECT_NEAR (referenceLoudnessDb (trueStereo, 2), target, 0.1);
    // A silent IR cannot be matched.
    EXPECT_THROW ((void)shaped (clipOf ({ std::vector<double> (100, 0.0) }, rate), true), std::invalid_argument);
}

} // namespace partita
