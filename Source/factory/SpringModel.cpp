// SPDX-License-Identifier: GPL-3.0-or-later
#include "SpringModel.h"

#include "FactoryIrFinishing.h"
#include "SecondOrderFilter.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>

namespace partita
{
namespace
{
/** (a + z^-M) / (1 + a z^-M) in direct form I, its M-sample histories in
    rings: y[n] = a x[n] + x[n - M] - a y[n - M]. */
class StretchedAllpass
{
public:
    StretchedAllpass (double coefficient, std::size_t stretch)
        : a (coefficient)
        , inputs (stretch, 0.0)
        , outputs (stretch, 0.0)
    {
    }

    double process (double x) noexcept
    {
        const auto y = a * x + inputs[position] - a * outputs[position];
        inputs[position] = x;
        outputs[position] = y;
        position = position + 1 == inputs.size() ? 0 : position + 1;
        return y;
    }

private:
    double a;
    std::vector<double> inputs;
    std::vector<double> outputs;
    std::size_t position = 0;
};
} // namespace

SpringModel::SpringModel (SpringTankDesign tankDesign, double sampleRate)
    : design (std::move (tankDesign))
    , rate (sampleRate)
{
}

std::size_t SpringModel::numFrames() const noexcept
{
    return static_cast<std::size_t> (std::lround (design.lengthSeconds * rate));
}

std::vector<double> SpringModel::renderSpring (const SpringDesign& spring) const
{
    const auto frames = numFrames();
    const auto delay = std::max<std::size_t> (1, static_cast<std::size_t> (std::lround (spring.delaySeconds * rate)));
    std::vector<StretchedAllpass> dispersion (spring.allpassCount,
                                              StretchedAllpass (spring.allpassCoefficient, spring.stretch));

    // The loop gain per round trip, taken at low frequencies where the
    // round trip is shortest: delay + 1 + count * stretch (1 - a) / (1 + a).
    const auto a = spring.allpassCoefficient;
    const auto lowRoundTrip = static_cast<double> (delay) + 1.0
                              + static_cast<double> (spring.allpassCount * spring.stretch) * (1.0 - a) / (1.0 + a);
    const auto loopGain = std::pow (10.0, -3.0 * lowRoundTrip / (spring.reverbTimeSeconds * rate));
    const auto d = spring.damping;

    std::vector<double> line (delay, 0.0);
    std::size_t linePosition = 0;
    double previous1 = 0.0, previous2 = 0.0;
    std::vector<double> output (frames, 0.0);
    for (std::size_t n = 0; n < frames; ++n)
    {
        auto dispersed = line[linePosition];
        for (auto& section : dispersion)
            dispersed = section.process (dispersed);
        output[n] = dispersed;

        const auto damped = d * dispersed + (1.0 - 2.0 * d) * previous1 + d * previous2;
        previous2 = previous1;
        previous1 = dispersed;
        line[linePosition] = (n == 0 ? 1.0 : 0.0) + loopGain * damped;
        linePosition = linePosition + 1 == delay ? 0 : linePosition + 1;
    }
    return output;
}

AudioClip SpringModel::render() const
{
    AudioClip clip;
    clip.sampleRate = rate;
    clip.channels.assign (2, std::vector<double> (numFrames(), 0.0));
    for (const auto& spring : design.springs)
    {
        const auto signal = renderSpring (spring);
        for (std::size_t i = 0; i < signal.size(); ++i)
        {
            clip.channels[0][i] += spring.gainLeft * signal[i];
            clip.channels[1][i] += spring.gainRight * signal[i];
        }
    }
    const auto lowCut = SecondOrderFilter::highPass (design.lowCutHz, 1.0 / std::numbers::sqrt2, rate);
    const auto highCut = SecondOrderFilter::lowPass (design.highCutHz, 1.0 / std::numbers::sqrt2, rate);
    for (auto& channel : clip.channels)
    {
        lowCut.run (channel);
        lowCut.run (channel);
        highCut.run (channel);
        highCut.run (channel);
    }
    finishFactoryIr (clip);
    return clip;
}

} // namespace partita
