// SPDX-License-Identifier: GPL-3.0-or-later
#include "InstancePrimer.h"

#include <algorithm>

namespace partita
{

namespace
{
/** Chunk size for priming off the audio thread: large, for throughput. */
constexpr std::size_t primingChunk = 8192;
/** primeFromHistory() stops repeating once fewer samples than this are left
    for the audio thread: about a tenth of a second of blocks at 48 kHz. */
constexpr std::size_t nearlyCurrent = 4096;
constexpr int maxPrimingPasses = 8;

/** Where to start feeding an engine so that its partition grid lines up with
    the host's calls: those start at multiples of the host block from the last
    reset, and a steady engine takes its cheap path only for calls that bring
    whole partitions (ConvolutionEngine::blockAlignment()). At or before
    `wanted` when the ring reaches back that far, else just after it, which
    leaves out less than one partition of the oldest input. */
std::uint64_t onCallGrid (std::uint64_t wanted, std::uint64_t resetPosition, std::uint64_t oldestInReach,
                          std::size_t alignment)
{
    if (alignment <= 1 || wanted < resetPosition)
        return wanted;
    auto aligned = resetPosition + (wanted - resetPosition) / alignment * alignment;
    if (aligned < oldestInReach)
        aligned += alignment;
    return aligned;
}

/** Runs `count` samples of `source` through the engine, discarding the output. */
void feed (ConvolutionEngine& engine, const std::vector<std::vector<float>>& source, std::size_t count,
           std::vector<std::vector<float>>& sink)
{
    std::vector<const float*> in (source.size());
    std::vector<float*> out (sink.size());
    for (std::size_t done = 0; done < count;)
    {
        const auto n = std::min (primingChunk, count - done);
        for (std::size_t c = 0; c < source.size(); ++c)
            in[c] = source[c].data() + done;
        for (std::size_t c = 0; c < sink.size(); ++c)
            out[c] = sink[c].data();
        engine.process (in, out, n);
        done += n;
    }
}
} // namespace

void InstancePrimer::prepare (std::size_t numInputs, std::size_t numOutputs, std::size_t maxChunk)
{
    chunk = std::max<std::size_t> (maxChunk, 1);
    inputs.assign (numInputs, std::vector<float> (chunk, 0.0f));
    outputs.assign (numOutputs, std::vector<float> (chunk, 0.0f));
    inputPointers.clear();
    outputPointers.clear();
    for (auto& channel : inputs)
        inputPointers.push_back (channel.data());
    for (auto& channel : outputs)
        outputPointers.push_back (channel.data());
}

void InstancePrimer::release()
{
    inputs.clear();
    outputs.clear();
    inputPointers.clear();
    outputPointers.clear();
    chunk = 0;
}

void InstancePrimer::primeFromHistory (ConvolverInstance& instance, const EngineInputHistory& history)
{
    auto& engine = instance.engine;
    const auto numInputs = history.numChannels();
    if (numInputs == 0 || numInputs != engine.numInputs())
        return; // adopt() will start it from silence

    // The output from now on depends on this much input before it.
    const std::size_t needed = std::min (instance.engineTailSamples + 1, history.capacity());
    std::vector<std::vector<float>> source (numInputs);
    std::vector<std::vector<float>> sink (engine.numOutputs(), std::vector<float> (primingChunk));
    std::vector<float*> destinations (numInputs);
    bool primed = false;

    for (int pass = 0; pass < maxPrimingPasses; ++pass)
    {
        const auto epoch = history.epoch();
        const auto resetPosition = history.resetPosition();
        const auto end = history.written();
        const auto oldestInReach = std::max (resetPosition, end - std::min<std::uint64_t> (end, history.capacity()));
        const auto earliest =
            std::min (end, onCallGrid (std::max (resetPosition, end - std::min<std::uint64_t> (end, needed)),
                                       resetPosition, oldestInReach, engine.blockAlignment()));

        const bool continuing = primed && instance.primedEpoch == epoch && instance.primedUpTo >= earliest;
        if (continuing && end - instance.primedUpTo < nearlyCurrent)
            return;
        const auto from = continuing ? instance.primedUpTo : earliest;
        const auto count = static_cast<std::size_t> (end - from);

        for (std::size_t c = 0; c < numInputs; ++c)
        {
            source[c].resize (count);
            destinations[c] = source[c].data();
        }
        if (!history.read (from, count, destinations))
        {
            primed = false; // lapped while copying: start again
            continue;
        }

        if (!continuing)
            engine.reset();
        feed (engine, source, count, sink);
        instance.primedUpTo = end;
        instance.primedEpoch = epoch;
        primed = true;
    }
}

void InstancePrimer::adopt (ConvolverInstance& instance, const EngineInputHistory& history) noexcept
{
    const auto written = history.written();
    const bool sameEpoch = instance.primedEpoch == history.epoch();
    const bool inReach = instance.primedUpTo <= written && written - instance.primedUpTo <= history.capacity();
    if (sameEpoch && inReach)
        return;

    instance.engine.reset();
    instance.primedEpoch = history.epoch();
    const auto oldestInReach =
        std::max (history.resetPosition(), written - std::min<std::uint64_t> (written, history.capacity()));
    instance.primedUpTo = std::min (
        written, onCallGrid (oldestInReach, history.resetPosition(), oldestInReach, instance.engine.blockAlignment()));
}

bool InstancePrimer::catchUp (ConvolverInstance& instance, const EngineInputHistory& history,
                              std::size_t& budget) noexcept
{
    const auto written = history.written();
    bool restarted = false;
    while (instance.primedUpTo < written && budget > 0 && chunk > 0)
    {
        const auto n = std::min ({ static_cast<std::size_t> (written - instance.primedUpTo), budget, chunk });
        if (!history.read (instance.primedUpTo, n, inputPointers))
        {
            // Only the audio thread writes, so this means the instance fell
            // out of the ring's reach: start it again from what is there.
            if (restarted)
                return false;
            restarted = true;
            instance.primedEpoch = ~std::uint64_t { 0 };
            adopt (instance, history);
            continue;
        }
        instance.engine.process (std::span<const float* const> (inputPointers.data(), inputPointers.size()),
                                 outputPointers, n);
        instance.primedUpTo += n;
        budget -= n;
    }
    return instance.primedUpTo >= written;
}

} // namespace partita
