// SPDX-License-Identifier: GPL-3.0-or-later
#include "Lv2InstanceTable.h"

#include "Lv2PortForwarder.h"

namespace partita::lv2
{

InstanceTable& InstanceTable::instance()
{
    static InstanceTable table;
    return table;
}

bool InstanceTable::add (PortForwarder* forwarder)
{
    const std::scoped_lock guard (lock);
    for (std::size_t i = 0; i < maxInstances; ++i)
    {
        if (handles[i].load (std::memory_order_relaxed) == nullptr)
        {
            forwarders[i].store (forwarder, std::memory_order_relaxed);
            handles[i].store (forwarder->juceHandle(), std::memory_order_release);
            return true;
        }
    }
    return false;
}

PortForwarder* InstanceTable::find (LV2_Handle juce) const noexcept
{
    for (std::size_t i = 0; i < maxInstances; ++i)
        if (handles[i].load (std::memory_order_acquire) == juce)
            return forwarders[i].load (std::memory_order_relaxed);
    return nullptr;
}

void InstanceTable::remove (LV2_Handle juce)
{
    const std::scoped_lock guard (lock);
    for (std::size_t i = 0; i < maxInstances; ++i)
        if (handles[i].load (std::memory_order_relaxed) == juce)
            handles[i].store (nullptr, std::memory_order_release);
}

} // namespace partita::lv2
