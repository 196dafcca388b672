// SPDX-License-Identifier: GPL-3.0-or-later
#include "BandPassFilter.h"

#include "AnalogBiquad.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>

namespace partita
{
namespace
{
/** Above this fraction of the sample rate for the upper edge, order 4 (see the header). */
constexpr double highBandEdgeOfRate = 0.2;

/** The analogue frequency (rad/s) that the bilinear transform s = 2 fs (1 -
    z^-1) / (1 + z^-1) maps to frequencyHz. */
double prewarped (double frequencyHz, double sampleRate)
{
    return 2.0 * sampleRate * std::tan (std::numbers::pi * frequencyHz / sampleRate);
}

/** The section (B s) / (s - pole)(s - conj (pole)) in prewarped analogue
    frequencies, as the AnalogBiquad whose toDigital gives its bilinear
    transform: with w = |pole| and p = s / w it is (B / w) p / (p^2 + p / q +
    1), q = w / (-2 Re pole); AnalogBiquad prewarps at its f0, so f0 is the
    digital frequency whose prewarped value is w. */
AnalogBiquad sectionOf (std::complex<double> pole, double bandwidth, double sampleRate)
{
    const double w = std::abs (pole);
    AnalogBiquad section;
    section.f0 = sampleRate / std::numbers::pi * std::atan (w / (2.0 * sampleRate));
    section.q = w / (-2.0 * pole.real());
    section.c2 = 0.0;
    section.c1 = bandwidth / w;
    section.c0 = 0.0;
    return section;
}
} // namespace

BandPassFilter::BandPassFilter (double lowerEdgeHz, double upperEdgeHz, double sampleRate)
    : rate (sampleRate)
{
    const double lower = prewarped (lowerEdgeHz, sampleRate);
    const double upper = prewarped (upperEdgeHz, sampleRate);
    const double bandwidth = upper - lower;
    const double centreSquared = lower * upper;

    // Butterworth low-pass poles: exp (j pi (2k + N + 1) / 2N), those in
    // the upper half plane, and -1 for odd N. Each low-pass pole p becomes
    // the roots of s^2 - p B s + w0^2; a complex pole's two roots, with its
    // conjugate's (their conjugates), make two sections, the real pole's
    // pair one.
    const int order = upperEdgeHz > highBandEdgeOfRate * sampleRate ? 4 : 3;
    const auto rootsOf = [&] (std::complex<double> lowPassPole)
    {
        const auto half = 0.5 * lowPassPole * bandwidth;
        const auto root = std::sqrt (half * half - centreSquared);
        return std::pair { half + root, half - root };
    };
    const auto addSection = [&] (std::complex<double> pole)
    {
        const auto upperHalf = pole.imag() < 0.0 ? std::conj (pole) : pole;
        cascade.push_back (sectionOf (upperHalf, bandwidth, sampleRate).toDigital (sampleRate));
    };
    for (int k = 0; 2 * k + 1 < order; ++k)
    {
        const auto [first, second] =
            rootsOf (std::polar (1.0, std::numbers::pi * (2.0 * k + order + 1.0) / (2.0 * order)));
        addSection (first);
        addSection (second);
    }
    if (order % 2 == 1)
        addSection (rootsOf (std::complex<double> (-1.0, 0.0)).first);
}

double BandPassFilter::magnitudeAt (double frequencyHz) const noexcept
{
    const auto z1 = std::polar (1.0, -2.0 * std::numbers::pi * frequencyHz / rate); // z^-1
    double magnitude = 1.0;
    for (const auto& s : cascade)
        magnitude *= std::abs ((s.b0 + s.b1 * z1 + s.b2 * z1 * z1) / (1.0 + s.a1 * z1 + s.a2 * z1 * z1));
    return magnitude;
}

double BandPassFilter::groupDelayAt (double frequencyHz) const noexcept
{
    const auto response = [this] (double frequency)
    {
        const auto z1 = std::polar (1.0, -2.0 * std::numbers::pi * frequency / rate);
        std::complex<double> product (1.0, 0.0);
        for (const auto& s : cascade)
            product *= (s.b0 + s.b1 * z1 + s.b2 * z1 * z1) / (1.0 + s.a1 * z1 + s.a2 * z1 * z1);
        return product;
    };
    // -d(phase)/d(omega) by a central difference; the ratio of the two
    // responses gives the phase step without unwrapping.
    const double step = frequencyHz * 1.0e-4;
    const double phaseStep = std::arg (response (frequencyHz + step) / response (frequencyHz - step));
    return -phaseStep / (2.0 * std::numbers::pi * 2.0 * step);
}

std::vector<double> BandPassFilter::filterTimeReversed (std::span<const double> signal) const
{
    std::vector<double> output;
    filterTimeReversed (signal, output);
    return output;
}

void BandPassFilter::filterTimeReversed (std::span<const double> signal, std::vector<double>& output) const
{
    // Why backwards: a band filter rings for about 1 / B seconds, and that
    // ringing adds to the room's decay. Run forwards, it lengthens the
    // decay it is measuring unless B T > 16 (Jacobsen, "A note on acoustic
    // decay measurements", J. Sound Vib. 115, 1987); run on the
    // time-reversed IR, the ringing lands before the direct sound instead,
    // and decays are measured right down to B T > 4 (Jacobsen & Rindel,
    // "Time reversed decay measurements", J. Sound Vib. 117, 1987;
    // Rasmussen, Rindel & Henriksen, J. Audio Eng. Soc. 39, 1991). This
    // matters at 63 Hz, where B is 44 Hz and short rooms have T near 0.3 s.
    output.assign (signal.rbegin(), signal.rend());
    for (const auto& s : cascade)
    {
        double state1 = 0.0, state2 = 0.0; // transposed direct form II
        for (auto& sample : output)
        {
            const double in = sample;
            const double out = s.b0 * in + state1;
            state1 = s.b1 * in - s.a1 * out + state2;
            state2 = s.b2 * in - s.a2 * out;
            sample = out;
        }
    }
    std::reverse (output.begin(), output.end());
}

} // namespace partita
