// SPDX-License-Identifier: GPL-3.0-or-later
#include "StateRenderJob.h"

#include "io/AudioFileError.h"
#include "io/QuotedText.h"
#include "processor/ConvolverProcessor.h"
#include "state/PluginStateFormat.h"
#include "state/RestoredImpulseResponse.h"
#include "state/StateError.h"
#include "state/StateFile.h"

#include <algorithm>
#include <stdexcept>

namespace partita
{
namespace
{
/** Big blocks: the engine's output does not depend on them, only the speed. */
constexpr std::size_t blockSize = 8192;

std::shared_ptr<const ImpulseResponseSource> sourceOf (std::shared_ptr<const AudioClip> clip, std::string name,
                                                       IrLayoutHint layoutHint = {})
{
    if (clip == nullptr)
        return nullptr;
    auto source = std::make_shared<ImpulseResponseSource>();
    source->clip = std::move (clip);
    source->name = std::move (name);
    source->layoutHint = layoutHint;
    return source;
}

std::shared_ptr<const ImpulseResponseSource> sourceOf (RestoredImpulseResponse restored)
{
    return sourceOf (std::move (restored.audio), std::move (restored.name), restored.layoutHint);
}
} // namespace

StateRenderJob::StateRenderJob (const std::filesystem::path& stateFile)
{
    ParsedState parsed;
    try
    {
        parsed = parseState (readStateFile (stateFile));
    }
    catch (const StateError& error)
    {
        const std::string message = error.what();
        // readStateFile names the file itself; parseState does not.
        if (message.find (stateFile.filename().string()) != std::string::npos)
            throw;
        throw StateError (quoted (stateFile) + " is " + message);
    }

    parameters = parsed.state.parameters;
    if (parsed.state.impulseResponse.has_value())
    {
        auto restored = restoreImpulseResponse (*parsed.state.impulseResponse);
        if (restored.audio == nullptr)
            throw AudioFileError (quoted (stateFile) + ": " + restored.problem);
        if (!restored.problem.empty())
            problems.push_back (std::move (restored.problem));
        slots.a = sourceOf (std::move (restored));
    }
    // A slot B that cannot be restored costs slot B only, as in the plugin.
    if (parsed.state.impulseResponseB.has_value())
    {
        auto restored = restoreImpulseResponse (*parsed.state.impulseResponseB);
        if (!restored.problem.empty())
            problems.push_back ("slot B: " + restored.problem
                                + (restored.audio == nullptr ? "; rendered without slot B" : ""));
        if (restored.audio != nullptr)
            slots.b = sourceOf (std::move (restored));
    }
    for (const auto* slot : { slots.a.get(), slots.b.get() })
        if (slot != nullptr && parameters.irChannel == IrChannelSelection::all
            && resolveIrLayout (parameters.irLayout, slot->layoutHint, slot->clip->numChannels()).reason
                   == IrLayoutReason::assumed)
            problems.push_back ("the IR '" + slot->name
                                + "' has 4 channels and does not say what they are: played as true stereo (LL, LR, "
                                  "RL, RR), as the plugin does; if it is B-format, set the preset's IR layout");
    for (auto& problem : parsed.problems)
        problems.push_back (std::move (problem));
}

StateRenderJob::StateRenderJob (const ProcessorParameters& initialParameters,
                                std::shared_ptr<const AudioClip> initialImpulseResponse, std::string name,
                                IrLayoutHint layoutHint)
    : parameters (initialParameters)
{
    slots.a = sourceOf (std::move (initialImpulseResponse), std::move (name), layoutHint);
}

void StateRenderJob::setSlotB (std::shared_ptr<const AudioClip> impulseResponse, std::string impulseResponseName,
                               IrLayoutHint layoutHint)
{
    slots.b = sourceOf (std::move (impulseResponse), std::move (impulseResponseName), layoutHint);
}

std::string StateRenderJob::irChannelWarning() const
{
    std::string warning;
    for (const auto* slot : { slots.a.get(), slots.b.get() })
    {
        const auto numChannels = slot != nullptr ? slot->clip->numChannels() : 0;
        const auto chosen = static_cast<std::size_t> (parameters.irChannel);
        if (numChannels == 0 || parameters.irChannel == IrChannelSelection::sumToMono || chosen <= numChannels)
            continue;
        warning += (warning.empty() ? "" : "; ") + ("the IR '" + slot->name)
                   + "': " + describeIrChannelSelection (parameters.irChannel, numChannels, true);
    }
    return warning;
}

AudioClip StateRenderJob::render (const AudioClip& input, std::optional<std::size_t> outputChannels,
                                  const ProgressCallback& progress) const
{
    const auto numInputs = input.numChannels();
    if (numInputs != 1 && numInputs != 2)
        throw std::invalid_argument ("the plugin's signal path renders mono or stereo inputs, not "
                                     + std::to_string (numInputs) + " channels");

    std::size_t irChannels = 1;
    for (const auto* slot : { slots.a.get(), slots.b.get() })
        if (slot != nullptr)
            irChannels = std::max (irChannels, slot->clip->numChannels());
    const auto numOutputs = outputChannels.value_or (numInputs == 2 || irChannels >= 2 ? 2 : 1);
    if (numOutputs != 1 && numOutputs != 2)
        throw std::invalid_argument ("the plugin's signal path renders to 1 or 2 channels, not "
                                     + std::to_string (numOutputs));

    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (parameters);
    processor.setHostTempo (tempo);
    if ((slots.a != nullptr || slots.b != nullptr) && processor.loadImpulseResponses (slots) == LoadOutcome::failed)
        throw std::invalid_argument (processor.lastError());
    processor.prepare (input.sampleRate, blockSize, numInputs, numOutputs);
    // prepare() falls back to no IR (and says why) for an IR the buses cannot route.
    if (const auto error = processor.lastError(); !error.empty())
        throw std::invalid_argument (error);

    const auto latency = processor.latencySamples();
    const auto frames = input.numFrames();
    const auto total = frames + processor.tailSamples();
    const auto numBuffers = std::max (numInputs, numOutputs);

    AudioClip output;
    output.sampleRate = input.sampleRate;
    output.channels.assign (numOutputs, std::vector<double> (total - latency, 0.0));

    std::vector<std::vector<float>> buffers (numBuffers, std::vector<float> (blockSize, 0.0f));
    std::vector<float*> pointers;
    for (auto& buffer : buffers)
        pointers.push_back (buffer.data());

    for (std::size_t start = 0; start < total; start += blockSize)
    {
        const auto count = std::min (blockSize, total - start);
        for (std::size_t c = 0; c < numBuffers; ++c)
        {
            std::fill (buffers[c].begin(), buffers[c].end(), 0.0f);
            if (c < numInputs)
                for (std::size_t n = 0; n < count && start + n < frames; ++n)
                    buffers[c][n] = static_cast<float> (input.channels[c][start + n]);
        }

        processor.process (pointers.data(), count);

        for (std::size_t c = 0; c < numOutputs; ++c)
            for (std::size_t n = 0; n < count; ++n)
                if (start + n >= latency)
                    output.channels[c][start + n - latency] = static_cast<double> (buffers[c][n]);

        if (progress)
            progress (static_cast<double> (start + count) / static_cast<double> (total));
    }
    return output;
}

} // namespace partita
