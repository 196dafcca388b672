// SPDX-License-Identifier: GPL-3.0-or-later
// The octave and third-octave band filters against the class-1 acceptance
// limits on relative attenuation of IEC 61260 (the table of limits against
// normalised frequency, transcribed below), at the rates IRs come in; and
// the bands against the standard's exact mid-band frequencies.
#include "analysis/BandPassFilter.h"

#include "analysis/FrequencyBands.h"
#include "analysis/RoomAcousticAnalysis.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace partita
{
namespace
{
const double octaveRatio = std::pow (10.0, 0.3); // G, base 10
constexpr double unlimited = std::numeric_limits<double>::infinity();

/** One row of the class-1 table: the normalised frequency as a power of G
    (for octave bands) and the least and most relative attenuation in dB.
    These are the limits of IEC 61260:1995 / ANSI S1.11-2004, class 1. At
    every point the two editions share, they are at least as strict as IEC
    61260-1:2014's class 1 (which allows +-0.4 dB at the mid-band frequency
    and asks for 16.6, 40.5, 60 and 70 dB at 1, 2, 3 and 4 octaves), so a
    filter inside them is inside both. The band edge, G^(1/2), has two
    rows: the limits just inside the band and just outside it. */
struct MaskPoint
{
    double powerOfG;
    double leastDb;
    double mostDb;
};
constexpr MaskPoint classOneMask[] = {
    { 0.0, -0.3, 0.3 },       { 0.125, -0.3, 0.4 },     { 0.25, -0.3, 0.6 },      { 0.375, -0.3, 1.3 },
    { 0.5, -0.3, 5.0 },       { 0.5, 2.0, 5.0 },        { 1.0, 17.5, unlimited }, { 2.0, 42.0, unlimited },
    { 3.0, 61.0, unlimited }, { 4.0, 70.0, unlimited },
};

/** The standard's mapping of an octave band's normalised frequency to a
    1/b-octave band's (above the mid-band frequency; below it, reciprocal):
    1 + (G^(1/2b) - 1) / (G^(1/2) - 1) x (Omega - 1). */
double fractionalOmega (double octaveOmega, int bandsPerOctave)
{
    const double ratio = (std::pow (octaveRatio, 0.5 / bandsPerOctave) - 1.0) / (std::pow (octaveRatio, 0.5) - 1.0);
    return 1.0 + ratio * (octaveOmega - 1.0);
}

void expectInsideTheMask (BandResolution resolution, double sampleRate)
{
    const int bandsPerOctave = resolution == BandResolution::octave ? 1 : 3;
    for (const auto& band : roomAcousticBands (resolution))
    {
        if (band.upperEdgeHz > 0.9 * sampleRate / 2.0) // the analysis skips these
            continue;
        const BandPassFilter filter (band.lowerEdgeHz, band.upperEdgeHz, sampleRate);
        const double gainAtCentre = filter.magnitudeAt (band.centreHz);
        for (const auto& point : classOneMask)
            for (const double side : { 1.0, -1.0 })
            {
                const double omega = fractionalOmega (std::pow (octaveRatio, point.powerOfG), bandsPerOctave);
                const double frequency = band.centreHz * std::pow (omega, side);
                if (frequency >= sampleRate / 2.0)
                    continue; // the bilinear transform's zero at Nyquist: infinitely down
                // Relative attenuation: to the response at the mid-band frequency.
                const double attenuation = -20.0 * std::log10 (filter.magnitudeAt (frequency) / gainAtCentre);
                EXPECT_GE (attenuation, point.leastDb) << band.label << " at " << frequency << " Hz, fs " << sampleRate;
                EXPECT_LE (attenuation, point.mostDb) << band.label << " at " << frequency << " Hz, fs " << sampleRate;
            }
        // And the mid-band response itself is unity (within class 1's +-0.3 dB, in fact exact).
        EXPECT_NEAR (20.0 * std::log10 (gainAtCentre), 0.0, 0.01) << band.label;
    }
}
} // namespace

TEST (BandPassFilter, OctaveBandsMeetTheClassOneAcceptanceLimitsAtCommonRates)
{
    for (const double rate : { 44100.0, 48000.0, 96000.0, 22050.0 })
        expectInsideTheMask (BandResolution::octave, rate);
}

TEST (BandPassFilter, ThirdOctaveBandsMeetTheClassOneAcceptanceLimitsAtCommonRates)
{
    for (const double rate : { 44100.0, 48000.0, 96000.0, 22050.0 })
        expectInsideTheMask (BandResolution::thirdOctave, rate);
}

TEST (BandPassFilter, IsThreeDecibelsDownAtTheBandEdgesAsAButterworthIs)
{
    // |H|^2 = 1 / (1 + x^6) with x = 1 at the edges: exactly 1/2.
    for (const auto& band : roomAcousticBands (BandResolution::octave))
    {
        const BandPassFilter filter (band.lowerEdgeHz, band.upperEdgeHz, 48000.0);
        EXPECT_NEAR (filter.magnitudeAt (band.lowerEdgeHz), std::sqrt (0.5), 1e-9) << band.label;
        EXPECT_NEAR (filter.magnitudeAt (band.upperEdgeHz), std::sqrt (0.5), 1e-9) << band.label;
    }
}

TEST (BandPassFilter, RunBackwardsItRingsBeforeAnImpulseAndNeverAfterIt)
{
    // Time reversal makes the filter anti-causal: nothing after the impulse
    // (exactly), its energy ahead of it, and (all-pole skirts, unity at the
    // centre) as much energy as a sine at the mid-band frequency would keep.
    for (const auto& band : roomAcousticBands (BandResolution::octave))
    {
        const BandPassFilter filter (band.lowerEdgeHz, band.upperEdgeHz, 48000.0);
        std::vector<double> impulse (48000, 0.0);
        const std::size_t at = 40000;
        impulse[at] = 1.0;
        const auto filtered = filter.filterTimeReversed (impulse);
        double before = 0.0;
        for (std::size_t n = 0; n <= at; ++n)
            before += filtered[n] * filtered[n];
        for (std::size_t n = at + 1; n < filtered.size(); ++n)
            ASSERT_EQ (filtered[n], 0.0) << band.label << " " << n;
        // Parseval: the impulse response's energy is the mean of |H|^2 over
        // frequency, about the noise bandwidth (pi / 3 B for order 3, a
        // sixth-order Butterworth band-pass) over Nyquist.
        const double noiseBandwidth = 3.14159265358979323846 / 3.0 * (band.upperEdgeHz - band.lowerEdgeHz);
        EXPECT_NEAR (before, noiseBandwidth / 24000.0, 0.05 * noiseBandwidth / 24000.0) << band.label;
    }
}

TEST (FrequencyBands, AreTheStandardsExactMidBandFrequenciesWithTheirNominalNames)
{
    // IEC 61260-1, Annex E: exact base-10 mid-band frequencies, to 5 digits.
    const std::vector<std::pair<double, std::string>> octaves {
        { 63.096, "63" }, { 125.89, "125" }, { 251.19, "250" }, { 501.19, "500" },
        { 1000.0, "1k" }, { 1995.3, "2k" },  { 3981.1, "4k" },  { 7943.3, "8k" },
    };
    const auto bands = roomAcousticBands (BandResolution::octave);
    ASSERT_EQ (bands.size(), octaves.size());
    for (std::size_t i = 0; i < bands.size(); ++i)
    {
        EXPECT_NEAR (bands[i].centreHz, octaves[i].first, 5e-5 * octaves[i].first);
        EXPECT_EQ (bands[i].label, octaves[i].second);
        EXPECT_NEAR (bands[i].upperEdgeHz / bands[i].lowerEdgeHz, octaveRatio, 1e-12);
    }
    const std::vector<double> thirds { 50.119, 63.096, 79.433, 100.0,  125.89, 158.49, 199.53, 251.19,
                                       316.23, 398.11, 501.19, 630.96, 794.33, 1000.0, 1258.9, 1584.9,
                                       1995.3, 2511.9, 3162.3, 3981.1, 5011.9, 6309.6, 7943.3, 10000.0 };
    const auto thirdBands = roomAcousticBands (BandResolution::thirdOctave);
    ASSERT_EQ (thirdBands.size(), thirds.size());
    for (std::size_t i = 0; i < thirds.size(); ++i)
        EXPECT_NEAR (thirdBands[i].centreHz, thirds[i], 5e-5 * thirds[i]) << i;
    EXPECT_EQ (thirdBands.front().label, "50");
    EXPECT_EQ (thirdBands[8].label, "315");
    EXPECT_EQ (thirdBands.back().label, "10k");
}

} // namespace partita
