// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AnalogBiquad.h"
#include "BiquadSection.h"

#include <array>
#include <span>

namespace partita
{

/** ITU-R BS.1770-4, table 1: the first stage of the K-weighting pre-filter
    (a high shelf of about +4 dB modelling the head) at 48 kHz. */
inline constexpr BiquadSection bs1770HighShelfAt48k { 1.53512485958697, -2.69169618940638, 1.19839281085285,
                                                      -1.69065929318241, 0.73248077421585 };
/** ITU-R BS.1770-4, table 2: the second stage (the RLB high-pass) at 48 kHz.
    Its numerator is 1, -2, 1 as published, not normalised: the -0.691 dB of
    the loudness formula is calibrated for these exact coefficients. */
inline constexpr BiquadSection bs1770HighPassAt48k { 1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621 };

/** The analogue prototypes of the two stages, derived from the published
    48 kHz coefficients (high shelf f0 1681.97 Hz, q 0.7072, +4.00 dB; high-pass
    f0 38.135 Hz, q 0.5003, as libebur128 derives them). */
[[nodiscard]] std::array<AnalogBiquad, 2> kWeightingPrototypes() noexcept;

/** The two stages at sampleRate: the published table at 48 kHz, the same
    analogue response at any other rate. Throws std::invalid_argument for a
    rate at or below 2 x 1682 Hz, where the shelf cannot be designed. */
[[nodiscard]] std::array<BiquadSection, 2> kWeightingSections (double sampleRate);

/** One channel of BS.1770 K-weighting: the two stages in transposed direct
    form II, in double precision (the high-pass's poles lie within 0.005 of
    the unit circle at 48 kHz, closer at higher rates).

    Threading: one thread at a time per object. */
class KWeightingFilter
{
public:
    /** Throws std::invalid_argument as kWeightingSections. */
    explicit KWeightingFilter (double sampleRate);

    double processSample (double input) noexcept
    {
        double signal = input;
        for (std::size_t stage = 0; stage < sections.size(); ++stage)
        {
            const auto& c = sections[stage];
            auto& s = states[stage];
            const double output = c.b0 * signal + s[0];
            s[0] = c.b1 * signal - c.a1 * output + s[1];
            s[1] = c.b2 * signal - c.a2 * output;
            signal = output;
        }
        return signal;
    }

    /** Filters `samples` in place. */
    void process (std::span<double> samples) noexcept;

    void reset() noexcept;

private:
    std::array<BiquadSection, 2> sections;
    std::array<std::array<double, 2>, 2> states {};
};

/** The energy (sum of squares) of the K-weighted signal, the filter's decay
    after the last sample included: for an impulse response, its gain in
    energy for a white input as loudness hears it, so that two IRs can be
    matched in loudness by the ratio of their K-weighted energies. Throws
    std::invalid_argument as kWeightingSections. */
[[nodiscard]] double kWeightedEnergy (std::span<const double> samples, double sampleRate);

} // namespace partita
