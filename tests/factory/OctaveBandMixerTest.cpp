// SPDX-License-Identifier: GPL-3.0-or-later
#include "factory/OctaveBandMixer.h"

#include "FactoryReference.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

using namespace partita;

namespace
{
constexpr double rate = 48000.0;
constexpr std::size_t frames = 32768;

/** One band's input an impulse in the middle, the others silent. */
std::vector<double> responseOfBand (std::size_t only)
{
    return OctaveBandMixer (rate).mix (frames,
                                       [only] (std::size_t band, std::vector<double>& buffer)
                                       {
                                           if (band == only)
                                               buffer[frames / 2] = 1.0;
                                       });
}

/** |Butterworth eighth order|^2 at hz for a corner at edge: 1 / (1 + W^16),
    W the prewarped ratio tan (pi f / fs) / tan (pi edge / fs). */
double squaredLowPass (double hz, double edge)
{
    const auto w = std::tan (std::numbers::pi * hz / rate) / std::tan (std::numbers::pi * edge / rate);
    return 1.0 / (1.0 + std::pow (w, 16.0));
}
} // namespace

TEST (OctaveBandMixer, TheSameImpulseInEveryBandComesOutUnchanged)
{
    const auto out = OctaveBandMixer (rate).mix (frames, [] (std::size_t, std::vector<double>& buffer)
                                                 { buffer[frames / 2] = 1.0; });
    for (std::size_t i = 0; i < frames; ++i)
        EXPECT_NEAR (out[i], i == frames / 2 ? 1.0 : 0.0, 1e-12) << i;
}

TEST (OctaveBandMixer, EachBandIsZeroPhaseWithTheButterworthProductAsItsResponse)
{
    double sumAtOneKilohertz = 0.0;
    for (std::size_t band = 0; band < octaveBandCount; ++band)
    {
        const auto h = responseOfBand (band);
        // Zero phase: symmetric about the impulse.
        for (std::size_t k = 1; k < 2000; ++k)
            ASSERT_NEAR (h[frames / 2 - k], h[frames / 2 + k], 1e-9) << band;

        for (const auto hz : { 62.5, 250.0, 1000.0, 4000.0, 8000.0 })
        {
            // Band b: |L_b|^2 times |HP_k|^2 = 1 - |L_k|^2 for every edge below it.
            const auto edge = [] (std::size_t k)
            { return 1000.0 * std::exp2 (static_cast<double> (k) - 4.0) * std::numbers::sqrt2; };
            double expected = band + 1 < octaveBandCount ? squaredLowPass (hz, edge (band)) : 1.0;
            for (std::size_t k = 0; k < band; ++k)
                expected *= 1.0 - squaredLowPass (hz, edge (k));
            EXPECT_NEAR (test::magnitudeAt (h, hz, rate), expected, 1e-6) << "band " << band << " at " << hz << " Hz";
        }
        sumAtOneKilohertz += test::magnitudeAt (h, 1000.0, rate);
    }
    EXPECT_NEAR (sumAtOneKilohertz, 1.0, 1e-6);
}
