// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace partita::benchmark
{

/** Runs the calling thread under SCHED_FIFO for the object's lifetime, as an
    audio host runs its callback thread, and restores the thread's previous
    policy afterwards. When the system refuses (no CAP_SYS_NICE, no rtprio
    limit), the thread stays as it was and isActive() says so.

    Threading: construct and destroy on the same thread. */
class ScopedRealTimePriority
{
public:
    /** The callback's priority; peers' workers are started just below it. */
    static constexpr int callbackPriority = 80;

    explicit ScopedRealTimePriority (int priority = callbackPriority) noexcept;
    ~ScopedRealTimePriority();
    ScopedRealTimePriority (const ScopedRealTimePriority&) = delete;
    ScopedRealTimePriority& operator= (const ScopedRealTimePriority&) = delete;

    [[nodiscard]] bool isActive() const noexcept { return active; }

    /** Whether this process may use SCHED_FIFO (tried on the calling thread
        and undone). */
    [[nodiscard]] static bool isPermitted() noexcept;

private:
    int previousPolicy = 0;
    int previousPriority = 0;
    bool active = false;
};

} // namespace partita::benchmark
