// SPDX-License-Identifier: GPL-3.0-or-later
#include "FeedbackDelayNetwork.h"

#include "DelayLine.h"
#include "FactoryIrFinishing.h"

#include <cmath>
#include <numbers>
#include <vector>

namespace partita
{

FeedbackDelayNetwork::FeedbackDelayNetwork (const std::array<std::size_t, 8>& delaysSamples, double lowReverbTime,
                                            double highReverbTime, double lengthSeconds, double sampleRate)
    : lowTime (lowReverbTime)
    , highTime (highReverbTime)
    , frames (static_cast<std::size_t> (std::lround (lengthSeconds * sampleRate)))
    , rate (sampleRate)
{
    for (std::size_t i = 0; i < delays.size(); ++i)
        delays[i] =
            static_cast<std::size_t> (std::lround (static_cast<double> (delaysSamples[i]) * sampleRate / 48000.0));
}

AudioClip FeedbackDelayNetwork::render() const
{
    constexpr std::size_t lineCount = 8;
    std::vector<DelayLine> lines;
    std::array<double, lineCount> gains {};
    std::array<double, lineCount> poles {};
    std::array<double, lineCount> states {};
    const auto alpha = highTime / lowTime;
    for (std::size_t i = 0; i < lineCount; ++i)
    {
        lines.emplace_back (delays[i]);
        gains[i] = std::pow (10.0, -3.0 * static_cast<double> (delays[i]) / (lowTime * rate));
        poles[i] = std::numbers::ln10 / 4.0 * std::log10 (gains[i]) * (1.0 - 1.0 / (alpha * alpha));
    }
    constexpr std::array<double, lineCount> inputSigns { 1, -1, 1, -1, 1, -1, 1, -1 };
    constexpr std::array<double, lineCount> leftSigns { 1, 1, -1, -1, 1, 1, -1, -1 };
    constexpr std::array<double, lineCount> rightSigns { 1, -1, -1, 1, 1, -1, -1, 1 };

    AudioClip clip;
    clip.sampleRate = rate;
    clip.channels.assign (2, std::vector<double> (frames, 0.0));
    std::array<double, lineCount> outputs {};
    for (std::size_t n = 0; n < frames; ++n)
    {
        double sum = 0.0, left = 0.0, right = 0.0;
        for (std::size_t i = 0; i < lineCount; ++i)
        {
            // The absorbing one-pole: g (1 - b) / (1 - b z^-1).
            states[i] = gains[i] * (1.0 - poles[i]) * lines[i].oldest() + poles[i] * states[i];
            outputs[i] = states[i];
            sum += outputs[i];
            left += leftSigns[i] * outputs[i];
            right += rightSigns[i] * outputs[i];
        }
        const auto input = n == 0 ? 1.0 : 0.0;
        const auto householder = 2.0 / static_cast<double> (lineCount) * sum;
        for (std::size_t i = 0; i < lineCount; ++i)
            lines[i].write (outputs[i] - householder + inputSigns[i] * input);
        clip.channels[0][n] = left;
        clip.channels[1][n] = right;
    }
    finishFactoryIr (clip);
    return clip;
}

} // namespace partita
