// SPDX-License-Identifier: GPL-3.0-or-later
#include "ParameterStore.h"

namespace partita
{

namespace
{
template <typename Value>
bool exchangeDiffers (std::atomic<Value>& field, Value value) noexcept
{
    return field.exchange (value, std::memory_order_acq_rel) != value;
}
} // namespace

ParameterStore::ParameterStore() noexcept
{
    store (ProcessorParameters {});
}

ParameterChanges ParameterStore::store (const ProcessorParameters& p) noexcept
{
    ParameterChanges changes;
    exchangeDiffers (mixPercent, p.mixPercent);
    exchangeDiffers (wetGainDb, p.wetGainDb);
    exchangeDiffers (outputGainDb, p.outputGainDb);
    changes.preDelay = exchangeDiffers (preDelayMs, p.preDelayMs);
    exchangeDiffers (lowCutHz, p.lowCutHz);
    exchangeDiffers (highCutHz, p.highCutHz);
    exchangeDiffers (widthPercent, p.widthPercent);

    // Every shaping field is exchanged (no short-circuit), so all are stored.
    bool shaping = false;
    shaping |= exchangeDiffers (trimStartMs, p.trimStartMs);
    shaping |= exchangeDiffers (trimEndMs, p.trimEndMs);
    shaping |= exchangeDiffers (reverse, p.reverse);
    shaping |= exchangeDiffers (stretchPercent, p.stretchPercent);
    shaping |= exchangeDiffers (autoGain, p.autoGain);
    shaping |= exchangeDiffers (latencyMode, p.latencyMode);
    changes.shaping = shaping;
    return changes;
}

ProcessorParameters ParameterStore::load() const noexcept
{
    ProcessorParameters p;
    p.mixPercent = mixPercent.load (std::memory_order_acquire);
    p.wetGainDb = wetGainDb.load (std::memory_order_acquire);
    p.outputGainDb = outputGainDb.load (std::memory_order_acquire);
    p.preDelayMs = preDelayMs.load (std::memory_order_acquire);
    p.lowCutHz = lowCutHz.load (std::memory_order_acquire);
    p.highCutHz = highCutHz.load (std::memory_order_acquire);
    p.widthPercent = widthPercent.load (std::memory_order_acquire);
    const auto shaping = loadShaping();
    p.trimStartMs = shaping.trimStartMs;
    p.trimEndMs = shaping.trimEndMs;
    p.reverse = shaping.reverse;
    p.stretchPercent = shaping.stretchPercent;
    p.autoGain = shaping.autoGain;
    p.latencyMode = shaping.latencyMode;
    return p;
}

ShapingParameters ParameterStore::loadShaping() const noexcept
{
    ShapingParameters s;
    s.trimStartMs = trimStartMs.load (std::memory_order_acquire);
    s.trimEndMs = trimEndMs.load (std::memory_order_acquire);
    s.reverse = reverse.load (std::memory_order_acquire);
    s.stretchPercent = stretchPercent.load (std::memory_order_acquire);
    s.autoGain = autoGain.load (std::memory_order_acquire);
    s.latencyMode = latencyMode.load (std::memory_order_acquire);
    return s;
}

} // namespace partita
