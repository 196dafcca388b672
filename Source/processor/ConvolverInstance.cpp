// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConvolverInstance.h"

#include "LatencyPartitions.h"
#include "ParameterTable.h"
#include "engine/ChannelRouting.h"
#include "io/AudioFileError.h"
#include "ir/BFormatDecoder.h"
#include "ir/ImpulseResponsePreparation.h"
#include "ir/IrChannelSelection.h"
#include "ir/IrShaping.h"

#include <cmath>
#include <stdexcept>
#include <vector>

namespace partita
{

namespace
{
std::string quoted (const std::string& name)
{
    return "'" + name + "'";
}

std::vector<std::vector<float>> toFloatChannels (const AudioClip& clip, const std::string& name)
{
    std::vector<std::vector<float>> channels;
    channels.reserve (clip.numChannels());
    for (const auto& channel : clip.channels)
    {
        std::vector<float> converted (channel.size());
        for (std::size_t n = 0; n < channel.size(); ++n)
        {
            converted[n] = static_cast<float> (channel[n]);
            if (!std::isfinite (converted[n]))
                throw AudioFileError (quoted (name) + " has samples too large to convolve after shaping");
        }
        channels.push_back (std::move (converted));
    }
    return channels;
}

ImpulseResponseShape shapeFor (const ProcessorParameters& shaping)
{
    ImpulseResponseShape shape;
    shape.trimStartMs = static_cast<double> (shaping.trimStartMs);
    shape.trimEndMs = static_cast<double> (shaping.trimEndMs);
    shape.reverse = shaping.reverse;
    shape.stretchFactor = static_cast<double> (shaping.stretchPercent) / 100.0;
    shape.autoGain = shaping.autoGain;
    shape.gainDb = static_cast<double> (shaping.irGainDb);
    if (!parameterRow ("maxIrLength").isOff (shaping.maxIrLengthMs))
        shape.maxLengthMs = static_cast<double> (shaping.maxIrLengthMs);
    return shape;
}

std::unique_ptr<ConvolverInstance> makeInstance (std::span<const std::vector<float>> irChannels,
                                                 const InstanceRequest& request, const std::string& name,
                                                 IrChannelMeaning meaning = IrChannelMeaning::byCount)
{
    // Independent channels on fewer outputs than channels (4 on the
    // plugin's stereo bus): the first ones feed the outputs there are, each
    // its own, rather than refusing the IR a session's layout was set for.
    auto routed = irChannels;
    if (meaning == IrChannelMeaning::independent && routed.size() > request.numOutputs
        && (request.numInputs == 1 || request.numInputs == request.numOutputs))
        routed = routed.first (request.numOutputs);

    KernelMatrix kernels;
    try
    {
        kernels = routeImpulseResponse (routed, request.numInputs, request.numOutputs, meaning);
    }
    catch (const std::invalid_argument& error)
    {
        throw AudioFileError (quoted (name) + " cannot be used here: " + error.what());
    }

    auto instance = std::make_unique<ConvolverInstance>();
    EngineConfig config;
    config.firstPartitionSize = partitionSizeFor (request.parameters.latencyMode);
    config.latencyMode = request.parameters.latencyMode;
    config.expectedBlockSize = request.maxBlockSize;
    config.sampleRate = request.sampleRate;
    config.hostBlocks = request.hostBlocks;
    instance->engine.prepare (kernels, config);
    instance->latencySamples = instance->engine.latencySamples();
    instance->engineTailSamples = instance->engine.tailSamples();
    return instance;
}
} // namespace

std::size_t partitionSizeFor (LatencyMode mode) noexcept
{
    return mode == LatencyMode::onePartition ? latencyPartitions::lowCpu : latencyPartitions::zeroLatency;
}

std::shared_ptr<ImpulseResponseInfo> makeImpulseResponseInfo (const ImpulseResponseSource& source,
                                                              const ProcessorParameters& parameters, double sampleRate)
{
    const auto& name = source.name;
    const auto layoutSettings = irLayoutSettingsOf (parameters);
    // The channels chosen before the layout reads them: one channel, or
    // their sum, is a mono IR. All uses the clip itself.
    SelectedIrChannels selected;
    if (parameters.irChannel != IrChannelSelection::all)
        selected = selectIrChannels (*source.clip, parameters.irChannel);
    const auto& clip = parameters.irChannel != IrChannelSelection::all ? selected.clip : *source.clip;
    const auto layout = resolveIrLayout (parameters.irLayout, source.layoutHint, clip.numChannels());
    // Decoded first: the shaping (auto-gain above all) then works on the
    // microphone pair that is heard. Any other layout passes the clip
    // through untouched, so that the IRs of earlier versions play bit for bit.
    auto atSessionRate = layout.isBFormat()
                             ? prepareImpulseResponse (applyIrLayout (clip, layout, layoutSettings, name), sampleRate,
                                                       IrNormalisation::none, name)
                             : prepareImpulseResponse (clip, sampleRate, IrNormalisation::none, name);

    ShapedImpulseResponse shaped;
    try
    {
        shaped = shapeImpulseResponse (std::move (atSessionRate), shapeFor (parameters));
    }
    catch (const std::invalid_argument&)
    {
        // The only data-dependent failure: auto-gain cannot level silence.
        throw AudioFileError (quoted (name) + " is silent after trimming, so auto-gain cannot level it");
    }

    auto info = std::make_shared<ImpulseResponseInfo>();
    info->name = name;
    info->source = source.clip;
    info->originalSampleRate = source.clip->sampleRate;
    info->originalFrames = source.clip->numFrames();
    info->numChannels = source.clip->numChannels();
    info->layout = layout;
    info->layoutSettings = layoutSettings;
    info->channelSelection =
        describeIrChannelSelection (parameters.irChannel, source.clip->numChannels(), selected.fellBackToFirst);
    info->channelSelectionFellBack = selected.fellBackToFirst;
    info->sampleRate = sampleRate;
    info->shapedChannels = toFloatChannels (shaped.clip, name);
    info->autoGainFactor = shaped.gain;
    return info;
}

BuiltInstance buildConvolverInstance (const InstanceRequest& request)
{
    if (request.source == nullptr || request.source->clip == nullptr)
    {
        const std::vector<std::vector<float>> unitImpulse { { 1.0f } };
        return { makeInstance (unitImpulse, request, "the unit impulse"), nullptr };
    }
    auto info = makeImpulseResponseInfo (*request.source, request.parameters, request.sampleRate);
    BuiltInstance built;
    built.instance =
        makeInstance (info->shapedChannels, request, request.source->name, channelMeaningOf (info->layout.layout));
    built.info = std::move (info);
    return built;
}

} // namespace partita
