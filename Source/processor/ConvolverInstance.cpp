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
#include "ir/IrSlotMix.h"

#include <cmath>
#include <optional>
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
    shape.loudnessMatch = shaping.loudnessMatch;
    shape.gainDb = static_cast<double> (shaping.irGainDb);
    shape.envelope = { .attackMs = shaping.attackMs,
                       .attackShapePercent = shaping.attackShapePercent,
                       .reverbTimePercent = shaping.reverbTimePercent,
                       .dampingPercent = shaping.dampingPercent,
                       .dampingHz = shaping.dampingHz,
                       .earlyLevelDb = shaping.earlyLevelDb,
                       .lateLevelDb = shaping.lateLevelDb,
                       .earlyLateSplitMs = shaping.earlyLateSplitMs };
    if (!parameterRow ("maxIrLength").isOff (shaping.maxIrLengthMs))
        shape.maxLengthMs = static_cast<double> (shaping.maxIrLengthMs);
    return shape;
}

bool holdsIr (const std::shared_ptr<const ImpulseResponseSource>& slot)
{
    return slot != nullptr && slot->clip != nullptr;
}

/** One slot's IR through the chain up to auto-gain and the IR gain, and
    the layout it was read in. */
struct ShapedSlot
{
    ResolvedIrLayout layout;
    ShapedImpulseResponse shaped;
    /** The IR channel setting asked for a channel the file lacks: channel 1 played. */
    bool channelFellBack = false;
};

ShapedSlot shapeSlot (const ImpulseResponseSource& source, const ProcessorParameters& parameters, double sampleRate)
{
    const auto& name = source.name;
    // The channels chosen before the layout reads them: one channel, or
    // their average, is a mono IR. All uses the clip itself.
    SelectedIrChannels selected;
    if (parameters.irChannel != IrChannelSelection::all)
        selected = selectIrChannels (*source.clip, parameters.irChannel);
    const auto& clip = parameters.irChannel != IrChannelSelection::all ? selected.clip : *source.clip;
    const auto layout = resolveIrLayout (parameters.irLayout, source.layoutHint, clip.numChannels());
    // Decoded first: the shaping (auto-gain above all) then works on the
    // microphone pair that is heard. Any other layout passes the clip
    // through untouched, so that the IRs of earlier versions play bit for bit.
    auto atSessionRate =
        layout.isBFormat()
            ? prepareImpulseResponse (applyIrLayout (clip, layout, irLayoutSettingsOf (parameters), name), sampleRate,
                                      IrNormalisation::none, name)
            : prepareImpulseResponse (clip, sampleRate, IrNormalisation::none, name);
    auto shape = shapeFor (parameters);
    // Loudness per output: the four paths of a true-stereo IR feed two.
    if (atSessionRate.numChannels() == 4 && channelMeaningOf (layout.layout) == IrChannelMeaning::byCount)
        shape.loudnessOutputs = 2;
    try
    {
        return { layout, shapeImpulseResponse (std::move (atSessionRate), shape), selected.fellBackToFirst };
    }
    catch (const std::invalid_argument&)
    {
        // The only data-dependent failure: auto-gain (or loudness matching) cannot level silence.
        throw AudioFileError (quoted (name) + " is silent after trimming, so "
                              + (parameters.loudnessMatch ? "loudness matching" : "auto-gain") + " cannot level it");
    }
}

IrSlotSettings slotSettings (const ProcessorParameters& parameters, IrSlot slot)
{
    const bool a = slot == IrSlot::a;
    IrSlotSettings settings;
    settings.levelDb = static_cast<double> (a ? parameters.slotALevelDb : parameters.slotBLevelDb);
    settings.invert = a ? parameters.slotAInvert : parameters.slotBInvert;
    settings.delayMs = static_cast<double> (a ? parameters.slotADelayMs : parameters.slotBDelayMs);
    settings.panPercent = static_cast<double> (a ? parameters.slotAPanPercent : parameters.slotBPanPercent);
    return settings;
}

/** The slots that hold an IR, each placed (level, polarity, delay, pan and
    the blend's gain), summed into one IR. A slot the blend silences is left
    out altogether, so that the far ends of the blend cost one slot. */
AudioClip foldSlots (std::optional<ShapedSlot> slotA, std::optional<ShapedSlot> slotB, const InstanceRequest& request,
                     const SlotRouting& routing)
{
    const auto& parameters = request.parameters;
    const auto gains =
        blendGains (static_cast<double> (parameters.slotBlendPercent), slotA.has_value(), slotB.has_value());
    const auto place = [&] (std::optional<ShapedSlot>& slot, IrSlot which, double gain)
    { return placeSlot (std::move (slot->shaped.clip), slotSettings (parameters, which), gain, request.numOutputs); };

    if (!slotB.has_value() || gains.b == 0.0)
        return place (slotA, IrSlot::a, gains.a);
    if (!slotA.has_value() || gains.a == 0.0)
        return place (slotB, IrSlot::b, gains.b);

    const auto& nameA = request.source->name;
    const auto& nameB = request.slotB->name;
    try
    {
        return sumSlots (place (slotA, IrSlot::a, gains.a), place (slotB, IrSlot::b, gains.b), routing);
    }
    catch (const std::invalid_argument& error)
    {
        throw AudioFileError ("slot A's " + quoted (nameA) + " and slot B's " + quoted (nameB)
                              + " cannot be blended here: " + error.what());
    }
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

std::shared_ptr<ImpulseResponseInfo> makeImpulseResponseInfo (const InstanceRequest& request)
{
    if (!holdsIr (request.source) && !holdsIr (request.slotB))
        throw std::invalid_argument ("makeImpulseResponseInfo needs an IR in one slot");
    const auto& parameters = request.parameters;
    const auto* primary = holdsIr (request.source) ? request.source.get() : request.slotB.get();
    auto shapedA = holdsIr (request.source)
                       ? std::optional (shapeSlot (*request.source, parameters, request.sampleRate))
                       : std::nullopt;
    auto shapedB = holdsIr (request.slotB) ? std::optional (shapeSlot (*request.slotB, parameters, request.sampleRate))
                                           : std::nullopt;
    const auto& primaryShape = shapedA.has_value() ? *shapedA : *shapedB;

    auto info = std::make_shared<ImpulseResponseInfo>();
    info->name = primary->name;
    info->source = primary->clip;
    info->originalSampleRate = primary->clip->sampleRate;
    info->originalFrames = primary->clip->numFrames();
    info->numChannels = primary->clip->numChannels();
    info->layout = primaryShape.layout;
    info->layoutSettings = irLayoutSettingsOf (parameters);
    info->channelSelection =
        describeIrChannelSelection (parameters.irChannel, primary->clip->numChannels(), primaryShape.channelFellBack);
    info->channelSelectionFellBack = primaryShape.channelFellBack;
    info->sampleRate = request.sampleRate;
    info->autoGainFactor = primaryShape.shaped.gain;
    info->shape = shapeFor (parameters);
    info->envelope = primaryShape.shaped.envelope;
    if (shapedA.has_value() && shapedB.has_value())
        info->slotBName = request.slotB->name;
    const SlotRouting routing { request.numInputs, request.numOutputs, channelMeaningOf (primaryShape.layout.layout) };
    info->shapedChannels =
        toFloatChannels (foldSlots (std::move (shapedA), std::move (shapedB), request, routing), primary->name);
    return info;
}

BuiltInstance buildConvolverInstance (const InstanceRequest& request)
{
    if (!holdsIr (request.source) && !holdsIr (request.slotB))
    {
        const std::vector<std::vector<float>> unitImpulse { { 1.0f } };
        return { makeInstance (unitImpulse, request, "the unit impulse"), nullptr };
    }
    auto info = makeImpulseResponseInfo (request);
    BuiltInstance built;
    built.instance = makeInstance (info->shapedChannels, request, info->name, channelMeaningOf (info->layout.layout));
    built.info = std::move (info);
    return built;
}

} // namespace partita
