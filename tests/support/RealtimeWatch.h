// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstddef>
#include <string>

namespace partita::test
{

/** The calls a real-time audio thread must not make, each counted on its own. */
enum class RealtimeCall : std::size_t
{
    operatorNew,    // every form of the global operator new
    operatorDelete, // every form of the global operator delete (non-null)
    malloc,
    calloc,
    realloc,
    posixMemalign,
    alignedAlloc,
    free, // non-null
    mutexLock,
    rwlockReadLock,
    rwlockWriteLock,
    semWait,
    nanosleep,
    clockNanosleep,
    usleep,
    open,   // open and open64
    openat, // openat and openat64
    read,
    write,
};

inline constexpr std::size_t numRealtimeCalls = static_cast<std::size_t> (RealtimeCall::write) + 1;

/** The C function's name, e.g. "posix_memalign". */
const char* realtimeCallName (RealtimeCall call) noexcept;

/** What the watched thread did that a real-time audio thread must not. */
struct RealtimeViolations
{
    std::size_t allocations = 0;   // operator new, malloc, calloc, realloc, posix_memalign, aligned_alloc
    std::size_t deallocations = 0; // operator delete, free
    std::size_t lockWaits = 0;     // pthread_mutex_lock, rwlock locks, sem_wait: calls that can block
    std::size_t sleeps = 0;        // nanosleep, clock_nanosleep, usleep
    std::size_t fileCalls = 0;     // open, openat, read, write
    /** Of the pthread_mutex_lock calls, those that found the mutex held by
        another thread and waited for it. */
    std::size_t contendedLocks = 0;
    std::array<std::size_t, numRealtimeCalls> calls {};

    [[nodiscard]] std::size_t count (RealtimeCall call) const noexcept
    {
        return calls[static_cast<std::size_t> (call)];
    }

    [[nodiscard]] std::size_t total() const noexcept
    {
        return allocations + deallocations + lockWaits + sleeps + fileCalls;
    }

    /** Adds another watch's counts: for runs watched in pieces. */
    RealtimeViolations& operator+= (const RealtimeViolations& other) noexcept
    {
        allocations += other.allocations;
        deallocations += other.deallocations;
        lockWaits += other.lockWaits;
        contendedLocks += other.contendedLocks;
        sleeps += other.sleeps;
        fileCalls += other.fileCalls;
        for (std::size_t i = 0; i < calls.size(); ++i)
            calls[i] += other.calls[i];
        return *this;
    }

    /** "none", or the calls seen with their counts, e.g. "malloc 2, free 2":
        for a test's failure message. */
    [[nodiscard]] std::string describe() const;
};

/** Counts the calls listed in RealtimeCall made by the constructing thread
    while the object lives. The test executable that links RealtimeWatch.cpp
    replaces the global operator new and delete and interposes the C library's
    functions (found with dlsym (RTLD_NEXT)); calls on other threads are not
    counted. Calls the C library makes internally to itself (fopen's open, a
    sleep's clock_nanosleep) are not seen: only calls across a library
    boundary are, which is where the code under test makes them.

    Under a sanitizer (ASan, TSan, RealtimeSanitizer), which owns the
    allocator, the C allocation functions are not interposed (only operator
    new and delete are counted): interceptsCAllocation() says so, and the
    tests of those counters skip. With a clang sanitizer runtime (linked
    statically into the executable) nothing from the C library is
    interposed: interceptsCLibrary() is false.

    Threading: construct, query and destroy on the thread to be watched. */
/** One binary loaded in this process (a plugin's .so), to count only the
    calls made by its code. */
class LoadedModule
{
public:
    /** The loaded binary whose path ends with `pathEnd` (e.g.
        "/Partita.so"); not valid() when none is loaded. */
    static LoadedModule find (const std::string& pathEnd);

    [[nodiscard]] bool valid() const noexcept { return base != nullptr; }
    [[nodiscard]] const void* loadAddress() const noexcept { return base; }

private:
    const void* base = nullptr;
};

class ScopedRealtimeWatch
{
public:
    ScopedRealtimeWatch() noexcept;
    /** Counts only the calls with `module`'s code on the call stack (the
        plugin's, not the host's around it). */
    explicit ScopedRealtimeWatch (const LoadedModule& module) noexcept;
    ~ScopedRealtimeWatch();
    ScopedRealtimeWatch (const ScopedRealtimeWatch&) = delete;
    ScopedRealtimeWatch& operator= (const ScopedRealtimeWatch&) = delete;

    [[nodiscard]] RealtimeViolations violations() const noexcept;

    /** Whether malloc, calloc, realloc, posix_memalign, aligned_alloc and free
        are counted in this build. */
    [[nodiscard]] static bool interceptsCAllocation() noexcept;

    /** Whether the locking, sleeping and file functions are counted in this
        build. */
    [[nodiscard]] static bool interceptsCLibrary() noexcept;
};

} // namespace partita::test
