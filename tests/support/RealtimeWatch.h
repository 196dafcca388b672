// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace partita::test
{

/** What the watched thread did that a real-time audio thread must not. */
struct RealtimeViolations
{
    std::size_t allocations = 0;   // operator new (every form), malloc and friends via new
    std::size_t deallocations = 0; // operator delete (every form)
    std::size_t lockWaits = 0;     // pthread_mutex_lock, rwlock locks, sem_wait: calls that can block

    [[nodiscard]] std::size_t total() const noexcept { return allocations + deallocations + lockWaits; }
};

/** Counts allocations and blocking lock calls made by the constructing thread
    while the object lives. The test executable that links RealtimeWatch.cpp
    replaces the global operator new and delete and interposes the pthread
    locking functions; calls on other threads are not counted.

    Threading: construct, query and destroy on the thread to be watched. */
class ScopedRealtimeWatch
{
public:
    ScopedRealtimeWatch() noexcept;
    ~ScopedRealtimeWatch();
    ScopedRealtimeWatch (const ScopedRealtimeWatch&) = delete;
    ScopedRealtimeWatch& operator= (const ScopedRealtimeWatch&) = delete;

    [[nodiscard]] RealtimeViolations violations() const noexcept;
};

} // namespace partita::test
