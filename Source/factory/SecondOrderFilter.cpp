// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecondOrderFilter.h"

#include <cmath>
#include <numbers>

namespace partita
{
namespace
{
struct Design
{
    double w;
    double cosW;
    double alpha;
};

Design prewarp (double hz, double q, double sampleRate)
{
    const auto w = 2.0 * std::numbers::pi * hz / sampleRate;
    return { w, std::cos (w), std::sin (w) / (2.0 * q) };
}
} // namespace

SecondOrderFilter SecondOrderFilter::highPass (double hz, double q, double sampleRate)
{
    const auto d = prewarp (hz, q, sampleRate);
    const auto a0 = 1.0 + d.alpha;
    SecondOrderFilter f;
    f.b0 = (1.0 + d.cosW) / 2.0 / a0;
    f.b1 = -(1.0 + d.cosW) / a0;
    f.b2 = f.b0;
    f.a1 = -2.0 * d.cosW / a0;
    f.a2 = (1.0 - d.alpha) / a0;
    return f;
}

SecondOrderFilter SecondOrderFilter::lowPass (double hz, double q, double sampleRate)
{
    const auto d = prewarp (hz, q, sampleRate);
    const auto a0 = 1.0 + d.alpha;
    SecondOrderFilter f;
    f.b0 = (1.0 - d.cosW) / 2.0 / a0;
    f.b1 = (1.0 - d.cosW) / a0;
    f.b2 = f.b0;
    f.a1 = -2.0 * d.cosW / a0;
    f.a2 = (1.0 - d.alpha) / a0;
    return f;
}

SecondOrderFilter SecondOrderFilter::peak (double hz, double q, double gainDb, double sampleRate)
{
    const auto d = prewarp (hz, q, sampleRate);
    const auto a = std::pow (10.0, gainDb / 40.0);
    const auto a0 = 1.0 + d.alpha / a;
    SecondOrderFilter f;
    f.b0 = (1.0 + d.alpha * a) / a0;
    f.b1 = -2.0 * d.cosW / a0;
    f.b2 = (1.0 - d.alpha * a) / a0;
    f.a1 = -2.0 * d.cosW / a0;
    f.a2 = (1.0 - d.alpha / a) / a0;
    return f;
}

SecondOrderFilter SecondOrderFilter::lowShelf (double hz, double gainDb, double sampleRate)
{
    const auto d = prewarp (hz, 1.0 / std::numbers::sqrt2, sampleRate);
    const auto a = std::pow (10.0, gainDb / 40.0);
    const auto twoRootAAlpha = 2.0 * std::sqrt (a) * d.alpha;
    const auto a0 = (a + 1.0) + (a - 1.0) * d.cosW + twoRootAAlpha;
    SecondOrderFilter f;
    f.b0 = a * ((a + 1.0) - (a - 1.0) * d.cosW + twoRootAAlpha) / a0;
    f.b1 = 2.0 * a * ((a - 1.0) - (a + 1.0) * d.cosW) / a0;
    f.b2 = a * ((a + 1.0) - (a - 1.0) * d.cosW - twoRootAAlpha) / a0;
    f.a1 = -2.0 * ((a - 1.0) + (a + 1.0) * d.cosW) / a0;
    f.a2 = ((a + 1.0) + (a - 1.0) * d.cosW - twoRootAAlpha) / a0;
    return f;
}

SecondOrderFilter SecondOrderFilter::highShelf (double hz, double gainDb, double sampleRate)
{
    const auto d = prewarp (hz, 1.0 / std::numbers::sqrt2, sampleRate);
    const auto a = std::pow (10.0, gainDb / 40.0);
    const auto twoRootAAlpha = 2.0 * std::sqrt (a) * d.alpha;
    const auto a0 = (a + 1.0) - (a - 1.0) * d.cosW + twoRootAAlpha;
    SecondOrderFilter f;
    f.b0 = a * ((a + 1.0) + (a - 1.0) * d.cosW + twoRootAAlpha) / a0;
    f.b1 = -2.0 * a * ((a - 1.0) + (a + 1.0) * d.cosW) / a0;
    f.b2 = a * ((a + 1.0) + (a - 1.0) * d.cosW - twoRootAAlpha) / a0;
    f.a1 = 2.0 * ((a - 1.0) - (a + 1.0) * d.cosW) / a0;
    f.a2 = ((a + 1.0) - (a - 1.0) * d.cosW - twoRootAAlpha) / a0;
    return f;
}

void SecondOrderFilter::run (std::vector<double>& signal) const noexcept
{
    // Transposed direct form II: two state variables.
    double s1 = 0.0, s2 = 0.0;
    for (auto& sample : signal)
    {
        const auto x = sample;
        const auto y = b0 * x + s1;
        s1 = b1 * x - a1 * y + s2;
        s2 = b2 * x - a2 * y;
        sample = y;
    }
}

void SecondOrderFilter::runReversed (std::vector<double>& signal) const noexcept
{
    double s1 = 0.0, s2 = 0.0;
    for (auto it = signal.rbegin(); it != signal.rend(); ++it)
    {
        const auto x = *it;
        const auto y = b0 * x + s1;
        s1 = b1 * x - a1 * y + s2;
        s2 = b2 * x - a2 * y;
        *it = y;
    }
}

template <typename Iterator>
void SecondOrderFilter::runCascade (const std::array<SecondOrderFilter, 4>& sections, Iterator begin, Iterator end)
{
    // Coefficients and states in locals of a fixed count, so that the
    // compiler keeps them in registers (the signal cannot alias them).
    const auto sectionsCopy = sections;
    std::array<double, 4> s1 {}, s2 {};
    for (auto it = begin; it != end; ++it)
    {
        auto x = *it;
        for (std::size_t k = 0; k < 4; ++k)
        {
            const auto& f = sectionsCopy[k];
            const auto y = f.b0 * x + s1[k];
            s1[k] = f.b1 * x - f.a1 * y + s2[k];
            s2[k] = f.b2 * x - f.a2 * y;
            x = y;
        }
        *it = x;
    }
}

void SecondOrderFilter::runCascadeZeroPhase (const std::array<SecondOrderFilter, 4>& sections,
                                             std::vector<double>& signal)
{
    runCascade (sections, signal.begin(), signal.end());
    runCascade (sections, signal.rbegin(), signal.rend());
}

void SecondOrderFilter::runZeroPhase (std::vector<double>& signal) const noexcept
{
    run (signal);
    runReversed (signal);
}

} // namespace partita
