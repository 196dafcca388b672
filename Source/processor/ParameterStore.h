// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ProcessorParameters.h"

#include <atomic>

namespace partita
{

/** The parameters that change the IR itself: a difference means a rebuild. */
struct ShapingParameters
{
    float trimStartMs = 0.0f;
    float trimEndMs = 0.0f;
    bool reverse = false;
    float stretchPercent = 100.0f;
    bool autoGain = true;
    LatencyMode latencyMode = LatencyMode::zero;

    bool operator== (const ShapingParameters&) const = default;
};

/** What changed in one ParameterStore::store call. */
struct ParameterChanges
{
    bool shaping = false;
    bool preDelay = false;
};

/** ProcessorParameters as atomics, so that any thread may write them and the
    audio thread may read them without a lock. Fields are independent: a
    reader may see a mix of two concurrent writes, which for parameters that
    are smoothed or rebuilt anyway does no harm.

    Threading: every member is lock-free and callable from any thread. */
class ParameterStore
{
public:
    ParameterStore() noexcept;

    /** Stores already clamped values; reports what differs from before. */
    ParameterChanges store (const ProcessorParameters& parameters) noexcept;

    [[nodiscard]] ProcessorParameters load() const noexcept;
    [[nodiscard]] ShapingParameters loadShaping() const noexcept;

private:
    std::atomic<float> mixPercent;
    std::atomic<float> wetGainDb;
    std::atomic<float> outputGainDb;
    std::atomic<float> preDelayMs;
    std::atomic<float> lowCutHz;
    std::atomic<float> highCutHz;
    std::atomic<float> widthPercent;
    std::atomic<float> trimStartMs;
    std::atomic<float> trimEndMs;
    std::atomic<bool> reverse;
    std::atomic<float> stretchPercent;
    std::atomic<bool> autoGain;
    std::atomic<LatencyMode> latencyMode;

    static_assert (std::atomic<float>::is_always_lock_free);
    static_assert (std::atomic<LatencyMode>::is_always_lock_free);
};

} // namespace partita
