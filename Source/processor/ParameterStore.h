// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ParameterTable.h"
#include "ProcessorParameters.h"

#include <array>
#include <atomic>

namespace partita
{

/** What changed in one ParameterStore::store call. */
struct ParameterChanges
{
    /** A parameter that shapes the IR: a rebuild. */
    bool shaping = false;
    /** A parameter that changes the tail the host is told. */
    bool tail = false;
};

/** ProcessorParameters as atomics (one per row of the parameter table), so
    that any thread may write them and the audio thread may read them without
    a lock. Fields are independent: a reader may see a mix of two concurrent
    writes, which for parameters that are smoothed or rebuilt anyway does no
    harm.

    Threading: every member is lock-free and callable from any thread. */
class ParameterStore
{
public:
    ParameterStore() noexcept;

    /** Stores already clamped values; reports what differs from before. */
    ParameterChanges store (const ProcessorParameters& parameters) noexcept;

    [[nodiscard]] ProcessorParameters load() const noexcept;

private:
    std::array<std::atomic<float>, parameterCount> values;
    static_assert (std::atomic<float>::is_always_lock_free);
};

} // namespace partita
