// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConvolverInstance.h"
#include "RetiredEngineQueue.h"

#include <atomic>
#include <cstddef>
#include <memory>

namespace partita
{

/** The lock-free hand-off of engines between the builders and the audio
    thread: one slot for the newest built instance (a newer one supersedes an
    instance the audio thread has not taken), and a queue for the instances
    the audio thread no longer plays, freed by the builders. Nothing is ever
    allocated or freed on the audio thread.

    Threading: publish(), discardPending() and drainRetired() on the builder
    side, serialised by the builders' lock; takePending(), retire() and
    hasRoomToRetire() on the audio thread only (or while it is stopped);
    hasPending() and retiredCount() from any thread. */
class InstanceMailbox
{
public:
    InstanceMailbox() = default;
    ~InstanceMailbox();
    InstanceMailbox (const InstanceMailbox&) = delete;
    InstanceMailbox& operator= (const InstanceMailbox&) = delete;

    // Builder side ------------------------------------------------------------

    /** Offers an instance to the audio thread; frees one it had not taken
        (never seen there, so freeing it here is safe) and what it retired. */
    void publish (std::unique_ptr<ConvolverInstance> instance);
    /** Frees an instance the audio thread has not taken. */
    void discardPending();
    /** Frees what the audio thread retired. */
    void drainRetired() noexcept;

    // Audio thread --------------------------------------------------------------

    [[nodiscard]] bool hasPending() const noexcept { return pending.load (std::memory_order_acquire) != nullptr; }
    /** The newest instance, or nullptr. */
    [[nodiscard]] std::unique_ptr<ConvolverInstance> takePending() noexcept;
    /** Hands an instance over to be freed elsewhere; false (and the instance
        left as it is) when the queue is full. */
    bool retire (std::unique_ptr<ConvolverInstance>& instance) noexcept { return retired.push (instance); }
    [[nodiscard]] bool hasRoomToRetire() const noexcept { return retired.hasRoom(); }

    /** Retired instances not freed yet: for tests and diagnostics. */
    [[nodiscard]] std::size_t retiredCount() const noexcept { return retired.size(); }

private:
    std::atomic<ConvolverInstance*> pending { nullptr };
    RetiredEngineQueue<ConvolverInstance, 16> retired;
};

} // namespace partita
