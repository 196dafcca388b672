// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Lv2Headers.h"

#include <array>
#include <atomic>
#include <cstddef>
#include <mutex>

namespace partita::lv2
{

class PortForwarder;

/** The port forwarders by JUCE's instance handle, which is the handle hosts
    hold: written under a lock off the audio thread, read lock-free on it. A
    lookup compares handles only, and dereferences nothing but the caller's
    own instance (which LV2 never cleans up while it runs), so another
    instance's cleanup cannot pull memory from under it.

    Threading: add and remove on the host's non-real-time threads; find on
    any thread, without locking or allocating. */
class InstanceTable
{
public:
    /** The one table of the loaded library. */
    static InstanceTable& instance();

    /** False when the table is full. */
    bool add (PortForwarder* forwarder);
    [[nodiscard]] PortForwarder* find (LV2_Handle juce) const noexcept;
    void remove (LV2_Handle juce);

    static constexpr std::size_t maxInstances = 256;

private:
    std::mutex lock;
    std::array<std::atomic<LV2_Handle>, maxInstances> handles {};
    std::array<std::atomic<PortForwarder*>, maxInstances> forwarders {};
};

} // namespace partita::lv2
