// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessorTestHelpers.h"

#include "../engine/StreamingHarness.h"
#include "processor/ParameterTable.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace partita::test
{

ProcessorParameters neutralParameters()
{
    ProcessorParameters p;
    p.mixPercent = 100.0f;
    p.wetGainDb = 0.0f;
    p.outputGainDb = 0.0f;
    p.preDelayMs = 0.0f;
    p.lowCutHz = parameterRow ("lowCut").range.minimum;
    p.highCutHz = parameterRow ("highCut").range.maximum;
    p.widthPercent = 100.0f;
    p.autoGain = false;
    return p;
}

Channels smoothStereoSines (std::size_t length, double sampleRate)
{
    Channels x { sine (length, 100.0, sampleRate, 0.5), sine (length, 100.0, sampleRate, 0.5, std::numbers::pi / 2) };
    const auto fade = static_cast<std::size_t> (std::llround (0.050 * sampleRate));
    for (auto& channel : x)
        for (std::size_t n = 0; n < std::min (fade, length); ++n)
            channel[n] *= static_cast<float> (
                0.5 - 0.5 * std::cos (std::numbers::pi * static_cast<double> (n) / static_cast<double> (fade)));
    return x;
}

AudioClip makeClip (const Channels& channels, double sampleRate)
{
    AudioClip clip;
    clip.sampleRate = sampleRate;
    for (const auto& channel : channels)
        clip.channels.emplace_back (channel.begin(), channel.end());
    return clip;
}

namespace
{
Channels renderWithLimits (ConvolverProcessor& processor, const Channels& inputs, std::size_t numOutputs,
                           std::size_t length, std::uint32_t blockSeed, std::size_t maxBlock,
                           const std::vector<std::size_t>& positions,
                           const std::function<void (std::size_t)>& atPosition,
                           const std::function<void (std::size_t)>& beforeBlock)
{
    const auto numInputs = inputs.size();
    const auto numChannels = std::max (numInputs, numOutputs);
    Channels outputs (numOutputs, std::vector<float> (length, 0.0f));
    std::vector<float> buffer (numChannels * maxBlock);
    std::vector<float*> pointers (numChannels);
    RandomBlockSizes blocks (blockSeed, ConvolverProcessor::zeroLatencyPartition, maxBlock);

    std::size_t nextPosition = 0;
    for (std::size_t done = 0; done < length;)
    {
        while (nextPosition < positions.size() && positions[nextPosition] <= done)
        {
            if (atPosition)
                atPosition (positions[nextPosition]);
            ++nextPosition;
        }
        auto count = std::min ({ blocks.next(), maxBlock, length - done });
        if (nextPosition < positions.size())
            count = std::min (count, positions[nextPosition] - done);

        for (std::size_t c = 0; c < numChannels; ++c)
        {
            pointers[c] = buffer.data() + c * maxBlock;
            for (std::size_t n = 0; n < count; ++n)
            {
                const auto index = done + n;
                // Channels beyond the inputs hold garbage, as a host's may.
                pointers[c][n] = c < numInputs ? (index < inputs[c].size() ? inputs[c][index] : 0.0f) : 1.0e3f;
            }
        }

        if (beforeBlock)
            beforeBlock (done);
        processor.process (pointers.data(), count);

        for (std::size_t o = 0; o < numOutputs; ++o)
            std::copy_n (pointers[o], count, outputs[o].begin() + static_cast<std::ptrdiff_t> (done));
        done += count;
    }
    return outputs;
}
} // namespace

Channels renderThroughProcessor (ConvolverProcessor& processor, const Channels& inputs, std::size_t numOutputs,
                                 std::size_t length, std::uint32_t blockSeed, std::size_t maxBlock,
                                 const std::function<void (std::size_t)>& beforeBlock)
{
    return renderWithLimits (processor, inputs, numOutputs, length, blockSeed, maxBlock, {}, {}, beforeBlock);
}

Channels renderInSegments (ConvolverProcessor& processor, const Channels& inputs, std::size_t numOutputs,
                           std::size_t length, std::uint32_t blockSeed, const std::vector<std::size_t>& positions,
                           const std::function<void (std::size_t)>& beforeSegment, std::size_t maxBlock)
{
    return renderWithLimits (processor, inputs, numOutputs, length, blockSeed, maxBlock, positions, beforeSegment, {});
}

std::vector<float> sine (std::size_t length, double frequency, double sampleRate, double amplitude, double phase)
{
    std::vector<float> signal (length);
    for (std::size_t n = 0; n < length; ++n)
        signal[n] = static_cast<float> (
            amplitude * std::sin (2.0 * std::numbers::pi * frequency * static_cast<double> (n) / sampleRate + phase));
    return signal;
}

double largestStep (const std::vector<float>& signal, std::size_t begin, std::size_t end)
{
    double largest = 0.0;
    end = std::min (end, signal.size());
    for (std::size_t n = std::max<std::size_t> (begin, 1); n < end; ++n)
        largest = std::max (largest, std::abs (static_cast<double> (signal[n]) - static_cast<double> (signal[n - 1])));
    return largest;
}

double rms (const std::vector<float>& signal, std::size_t begin, std::size_t end)
{
    double sum = 0.0;
    for (std::size_t n = begin; n < end; ++n)
        sum += static_cast<double> (signal[n]) * static_cast<double> (signal[n]);
    return std::sqrt (sum / static_cast<double> (end - begin));
}

} // namespace partita::test
