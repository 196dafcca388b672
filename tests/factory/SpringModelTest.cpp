// SPDX-License-Identifier: GPL-3.0-or-later
#include "factory/SpringModel.h"

#include "FactoryReference.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

using namespace partita;

namespace
{
constexpr double rate = 48000.0;

SpringDesign testSpring()
{
    SpringDesign spring;
    spring.delaySeconds = 0.030;
    spring.allpassCount = 40;
    spring.stretch = 6;
    spring.allpassCoefficient = 0.55;
    spring.reverbTimeSeconds = 3.0;
    spring.damping = 0.05;
    return spring;
}

/** The round trip at hz in samples, from the loop's parts: the delay, the
    damping FIR's one sample and the group delay of `count` stretched
    first-order allpasses, stretch (1 - a^2) / (1 + 2 a cos (stretch w) + a^2) each. */
double roundTripSamples (const SpringDesign& spring, double hz)
{
    const auto w = 2.0 * std::numbers::pi * hz / rate;
    const auto a = spring.allpassCoefficient;
    const auto m = static_cast<double> (spring.stretch);
    const auto perSection = m * (1.0 - a * a) / (1.0 + 2.0 * a * std::cos (m * w) + a * a);
    return std::round (spring.delaySeconds * rate) + 1.0 + static_cast<double> (spring.allpassCount) * perSection;
}

/** The echo period heard around hz: the lag (between 0.8 and 1.5 times
    `expected`) at which the band's energy envelope best matches itself. */
double measuredPeriod (const std::vector<double>& response, double hz, double expected)
{
    auto band = test::narrowBandFiltered (response, hz, 8.0, rate);
    // The energy envelope, smoothed over 1 ms so that the carrier is gone.
    const auto width = static_cast<std::size_t> (0.001 * rate);
    std::vector<double> envelope (band.size(), 0.0);
    double running = 0.0;
    for (std::size_t i = 0; i < band.size(); ++i)
    {
        running += band[i] * band[i];
        if (i >= width)
            running -= band[i - width] * band[i - width];
        envelope[i] = running;
    }
    const auto from = static_cast<std::size_t> (0.8 * expected);
    const auto to = static_cast<std::size_t> (1.5 * expected);
    std::size_t bestLag = from;
    double best = -1.0;
    for (auto lag = from; lag <= to; ++lag)
    {
        double sum = 0.0;
        for (std::size_t i = 0; i + lag < envelope.size(); ++i)
            sum += envelope[i] * envelope[i + lag];
        if (sum > best)
        {
            best = sum;
            bestLag = lag;
        }
    }
    return static_cast<double> (bestLag);
}
} // namespace

TEST (SpringModel, EchoesRepeatAtTheLoopsRoundTripTimeAtEachFrequency)
{
    SpringTankDesign tank;
    tank.springs = { testSpring() };
    tank.lengthSeconds = 1.0;
    const auto response = SpringModel (tank, rate).renderSpring (tank.springs.front());

    for (const auto hz : { 300.0, 1000.0, 2000.0, 2800.0 })
    {
        const auto expected = roundTripSamples (tank.springs.front(), hz);
        EXPECT_NEAR (measuredPeriod (response, hz, expected), expected, 0.01 * expected) << hz << " Hz";
    }
}

TEST (SpringModel, TheHighFrequenciesGoRoundMoreSlowlyThanTheLow)
{
    // The dispersion that makes the chirp: at 2.8 kHz the round trip is
    // longer than at 300 Hz by what the allpasses' group delay says.
    SpringTankDesign tank;
    tank.springs = { testSpring() };
    tank.lengthSeconds = 1.0;
    const auto response = SpringModel (tank, rate).renderSpring (tank.springs.front());
    const auto low = measuredPeriod (response, 300.0, roundTripSamples (tank.springs.front(), 300.0));
    const auto high = measuredPeriod (response, 2800.0, roundTripSamples (tank.springs.front(), 2800.0));
    const auto expectedDifference =
        roundTripSamples (tank.springs.front(), 2800.0) - roundTripSamples (tank.springs.front(), 300.0);
    EXPECT_GT (expectedDifference, 100.0);
    EXPECT_NEAR (high - low, expectedDifference, 0.1 * expectedDifference);
}

TEST (SpringModel, TwoSpringsArePannedByTheirGains)
{
    SpringTankDesign tank;
    auto first = testSpring();
    first.gainLeft = 1.0;
    first.gainRight = 0.0;
    auto second = testSpring();
    second.delaySeconds = 0.041;
    second.gainLeft = 0.0;
    second.gainRight = 1.0;
    tank.springs = { first, second };
    tank.lengthSeconds = 0.5;
    const auto ir = SpringModel (tank, rate).render();
    ASSERT_EQ (ir.numChannels(), 2u);
    // The first echo of each spring arrives after its own delay: the left
    // channel is loud before 41 ms, the right one silent until then.
    const auto firstEcho = static_cast<std::size_t> (0.030 * rate);
    const auto secondEcho = static_cast<std::size_t> (0.041 * rate);
    double leftEarly = 0.0, rightEarly = 0.0;
    for (std::size_t i = firstEcho; i < secondEcho; ++i)
    {
        leftEarly = std::max (leftEarly, std::abs (ir.channels[0][i]));
        rightEarly = std::max (rightEarly, std::abs (ir.channels[1][i]));
    }
    EXPECT_GT (leftEarly, 0.05);
    EXPECT_LT (rightEarly, 1e-6);
}
