// SPDX-License-Identifier: GPL-3.0-or-later
#include "InstanceMailbox.h"

namespace partita
{

InstanceMailbox::~InstanceMailbox()
{
    discardPending();
    drainRetired();
}

void InstanceMailbox::publish (std::unique_ptr<ConvolverInstance> instance)
{
    std::unique_ptr<ConvolverInstance> superseded (pending.exchange (instance.release(), std::memory_order_acq_rel));
    superseded.reset();
    drainRetired();
}

void InstanceMailbox::discardPending()
{
    std::unique_ptr<ConvolverInstance> stale (pending.exchange (nullptr, std::memory_order_acq_rel));
}

void InstanceMailbox::drainRetired() noexcept
{
    while (retired.pop() != nullptr)
    {
    }
}

std::unique_ptr<ConvolverInstance> InstanceMailbox::takePending() noexcept
{
    return std::unique_ptr<ConvolverInstance> (pending.exchange (nullptr, std::memory_order_acq_rel));
}

} // namespace partita
