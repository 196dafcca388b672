// SPDX-License-Identifier: GPL-3.0-or-later
#include "StreamingHarness.h"

#include <algorithm>

namespace partita::test
{

RandomBlockSizes::RandomBlockSizes (std::uint32_t seed, std::size_t partitionSize, std::size_t maxBlock)
    : state (seed * 0x9E3779B97F4A7C15ull + 1)
    , smallLimit (2 * partitionSize)
    , largeLimit (maxBlock)
{
}

std::size_t RandomBlockSizes::next()
{
    // xorshift64*: cheap, reproducible, independent of the standard library's distributions.
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    const auto random = state * 2685821657736338717ull;
    const auto limit = (random & 1) != 0 ? smallLimit : largeLimit;
    return 1 + static_cast<std::size_t> ((random >> 1) % limit);
}

Channels streamThroughEngine (ConvolutionEngine& engine, const Channels& inputs, std::size_t length,
                              std::uint32_t blockSeed)
{
    RandomBlockSizes blocks (blockSeed, engine.config().firstPartitionSize);
    return streamThroughEngine (engine, inputs, length, [&blocks] (std::size_t) { return blocks.next(); });
}

Channels streamThroughEngine (ConvolutionEngine& engine, const Channels& inputs, std::size_t length,
                              const CallSizes& callSize, std::vector<std::size_t>* callStarts)
{
    const auto latency = engine.latencySamples();
    const auto total = length + latency;
    const auto numInputs = engine.numInputs();
    const auto numOutputs = engine.numOutputs();

    Channels paddedInputs (numInputs, std::vector<float> (total, 0.0f));
    for (std::size_t i = 0; i < numInputs && i < inputs.size(); ++i)
        std::copy_n (inputs[i].begin(), std::min (inputs[i].size(), total), paddedInputs[i].begin());

    Channels outputs (numOutputs, std::vector<float> (total, 0.0f));
    std::vector<const float*> inputPointers (numInputs);
    std::vector<float*> outputPointers (numOutputs);

    for (std::size_t done = 0, call = 0; done < total; ++call)
    {
        const auto count = std::min (callSize (call), total - done);
        for (std::size_t i = 0; i < numInputs; ++i)
            inputPointers[i] = paddedInputs[i].data() + done;
        for (std::size_t o = 0; o < numOutputs; ++o)
            outputPointers[o] = outputs[o].data() + done;
        engine.process (inputPointers, outputPointers, count);
        if (callStarts != nullptr)
            callStarts->push_back (done);
        done += count;
    }
    if (callStarts != nullptr)
        callStarts->push_back (total);

    for (auto& output : outputs)
        output.erase (output.begin(), output.begin() + static_cast<std::ptrdiff_t> (latency));
    return outputs;
}

std::vector<float> streamConvolve (const std::vector<float>& x, const std::vector<float>& h, const EngineConfig& config,
                                   std::uint32_t blockSeed)
{
    KernelMatrix kernels (1, 1);
    kernels.setKernel (0, 0, h);
    ConvolutionEngine engine;
    engine.prepare (kernels, config);
    return streamThroughEngine (engine, { x }, x.size() + h.size() - 1, blockSeed).front();
}

} // namespace partita::test
