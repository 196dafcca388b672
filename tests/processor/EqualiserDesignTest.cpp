// SPDX-License-Identifier: GPL-3.0-or-later
#include "processor/EqualiserPrototype.h"
#include "processor/MatchedBiquadDesigner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdio>
#include <numbers>
#include <string>
#include <vector>

namespace partita
{
namespace
{
/** |H(j 2 pi f)|^2 of the RBJ cookbook's analogue prototypes, written out
    here from the cookbook (s = j f / f0, A = 10^(gain / 40)), apart from
    the code under test. */
double analoguePower (EqualiserShape shape, double f0, double gainDb, double q, double f)
{
    const double a = std::pow (10.0, gainDb / 40.0);
    const double w = f / f0;
    const double w2 = w * w;
    const auto power = [w, w2] (double n2, double n1, double n0, double d2, double d1, double d0)
    {
        const double numerator = (n0 - n2 * w2) * (n0 - n2 * w2) + n1 * n1 * w2;
        const double denominator = (d0 - d2 * w2) * (d0 - d2 * w2) + d1 * d1 * w2;
        return numerator / denominator;
    };
    switch (shape)
    {
        case EqualiserShape::peak:
            return power (1.0, a / q, 1.0, 1.0, 1.0 / (a * q), 1.0);
        case EqualiserShape::lowShelf:
            return power (a, a * std::sqrt (a) / q, a * a, a, std::sqrt (a) / q, 1.0);
        case EqualiserShape::highShelf:
            return power (a * a, a * std::sqrt (a) / q, a, 1.0, std::sqrt (a) / q, a);
    }
    return 1.0;
}

/** |H(e^jw)|^2 of a section, evaluated directly. */
double digitalPower (const BiquadSection& s, double f, double rate)
{
    const std::complex<double> z1 = std::polar (1.0, -2.0 * std::numbers::pi * f / rate);
    return std::norm ((s.b0 + s.b1 * z1 + s.b2 * z1 * z1) / (1.0 + s.a1 * z1 + s.a2 * z1 * z1));
}

struct Setting
{
    EqualiserShape shape;
    double frequency;
    double gainDb;
    double q;
};

/** Every band's range: frequencies from 20 Hz to 20 kHz (8 to 12 kHz
    among them), gains up to +-18 dB, Qs across each range. */
std::vector<Setting> settingsGrid (double rate)
{
    std::vector<Setting> settings;
    const std::vector<double> frequencies { 20.0,   50.0,   100.0,   300.0,   1000.0,  2000.0,  3000.0, 6000.0,
                                            8000.0, 9000.0, 10000.0, 11000.0, 12000.0, 16000.0, 20000.0 };
    const std::vector<double> gains { -18.0, -12.0, -6.0, -3.0, -1.0, 1.0, 3.0, 6.0, 12.0, 18.0 };
    for (const auto shape : { EqualiserShape::lowShelf, EqualiserShape::peak, EqualiserShape::highShelf })
    {
        const auto qs = shape == EqualiserShape::peak ? std::vector<double> { 0.1, 0.3, 0.7071, 1.0, 2.0, 5.0, 10.0 }
                                                      : std::vector<double> { 0.25, 0.5, 0.7071, 1.0, 2.0 };
        for (const double frequency : frequencies)
        {
            if ((shape == EqualiserShape::lowShelf && frequency > 2000.0)
                || (shape == EqualiserShape::highShelf && frequency < 1000.0) || frequency >= 0.5 * rate)
                continue;
            for (const double gain : gains)
                for (const double q : qs)
                    settings.push_back ({ shape, frequency, gain, q });
        }
    }
    return settings;
}

/** The largest |dB difference| between the sections and their analogue
    prototypes, on 600 log-spaced frequencies from 10 Hz to `top`. */
double largestDeviationDb (double rate, double top, std::string& where)
{
    const MatchedBiquadDesigner designer (rate);
    double largest = 0.0;
    for (const auto& s : settingsGrid (rate))
    {
        const auto section = equaliserSection (designer, s.shape, s.frequency, s.gainDb, s.q);
        for (int i = 0; i <= 600; ++i)
        {
            const double f = 10.0 * std::pow (top / 10.0, i / 600.0);
            const double deviation = std::abs (10.0
                                               * std::log10 (digitalPower (section, f, rate)
                                                             / analoguePower (s.shape, s.frequency, s.gainDb, s.q, f)));
            if (!(deviation <= largest))
            {
                largest = deviation;
                where = "shape " + std::to_string (static_cast<int> (s.shape)) + ", " + std::to_string (s.frequency)
                        + " Hz, " + std::to_string (s.gainDb) + " dB, Q " + std::to_string (s.q) + ", at "
                        + std::to_string (f) + " Hz";
            }
        }
    }
    return largest;
}
} // namespace

/*  The bound: within 0.1 dB of the analogue prototype up to 10 kHz
    at 48 kHz, over every band's range. No warping is compared away: the
    digital response at f is set against the prototype at the same f. (A
    bilinear-transform design, prewarped at f0, equals the prototype at
    2 fs / (2 pi) tan (pi f / fs) instead, and a peak at 12 kHz with Q 0.3
    misses it by several dB at 10 kHz.) */
TEST (EqualiserDesign, FollowsTheAnaloguePrototypesWithinATenthOfADecibelUpToTenKilohertz)
{
    for (const double rate : { 48000.0, 96000.0, 192000.0 })
    {
        std::string where;
        const double largest = largestDeviationDb (rate, 10000.0, where);
        std::printf ("  %.0f Hz: largest deviation %.4f dB (%s)\n", rate, largest, where.c_str());
        RecordProperty ("deviation_db_" + std::to_string (static_cast<int> (rate)), std::to_string (largest));
        EXPECT_LE (largest, 0.1) << rate << " Hz: " << where;
    }
}

/*  At 44.1 kHz 10 kHz is 0.45 of Nyquist (0.42 at 48 kHz): the bound is
    0.15 dB there, and 0.1 dB up to 9.2 kHz, the 48 kHz bound's fraction
    of Nyquist. */
TEST (EqualiserDesign, FollowsTheAnaloguePrototypesAtFortyFourPointOneKilohertz)
{
    std::string where;
    const double toTen = largestDeviationDb (44100.0, 10000.0, where);
    std::printf ("  44100 Hz: largest deviation up to 10 kHz %.4f dB (%s)\n", toTen, where.c_str());
    EXPECT_LE (toTen, 0.15) << where;
    const double toSameFraction = largestDeviationDb (44100.0, 10000.0 * 44100.0 / 48000.0, where);
    std::printf ("  44100 Hz: largest deviation up to 9.19 kHz %.4f dB (%s)\n", toSameFraction, where.c_str());
    EXPECT_LE (toSameFraction, 0.1) << where;
    RecordProperty ("deviation_db_44100", std::to_string (toTen));
}

TEST (EqualiserDesign, EverySectionIsStableWithItsZerosInsideTheUnitCircleAndAPositiveGainAtDc)
{
    // Jury's conditions for 1 + a1 z^-1 + a2 z^-2, and for the numerator:
    // the band's inverse is stable too, so a ramp through any setting is.
    const auto inside = [] (double c0, double c1, double c2)
    { return std::abs (c2 / c0) < 1.0 && std::abs (c1 / c0) < 1.0 + c2 / c0; };
    for (const double rate : { 22050.0, 44100.0, 48000.0, 96000.0, 192000.0 })
    {
        const MatchedBiquadDesigner designer (rate);
        for (const auto& s : settingsGrid (2.0 * 192000.0))
        {
            const auto section = equaliserSection (designer, s.shape, s.frequency, s.gainDb, s.q);
            EXPECT_TRUE (inside (1.0, section.a1, section.a2)) << rate << " " << s.frequency << " " << s.gainDb;
            EXPECT_TRUE (inside (section.b0, section.b1, section.b2)) << rate << " " << s.frequency << " " << s.gainDb;
            EXPECT_GT ((section.b0 + section.b1 + section.b2) / (1.0 + section.a1 + section.a2), 0.0);
        }
    }
}

TEST (EqualiserDesign, ABandAtZeroDecibelsIsUnityAndABandAndItsOppositeGainCancel)
{
    const MatchedBiquadDesigner designer (48000.0);
    for (const auto shape : { EqualiserShape::lowShelf, EqualiserShape::peak, EqualiserShape::highShelf })
    {
        for (const double frequency : { 60.0, 1000.0, 9000.0 })
        {
            const auto unity = equaliserSection (designer, shape, frequency, 0.0, 0.7);
            const auto boost = equaliserSection (designer, shape, frequency, 9.0, 0.7);
            const auto cut = equaliserSection (designer, shape, frequency, -9.0, 0.7);
            for (const double f : { 20.0, 200.0, 2000.0, 20000.0 })
            {
                EXPECT_NEAR (digitalPower (unity, f, 48000.0), 1.0, 1.0e-9);
                EXPECT_NEAR (digitalPower (boost, f, 48000.0) * digitalPower (cut, f, 48000.0), 1.0, 1.0e-9);
            }
        }
    }
}

} // namespace partita
