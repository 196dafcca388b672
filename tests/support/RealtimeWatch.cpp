// SPDX-License-Identifier: GPL-3.0-or-later
// Link into a test executable (not into a library): it replaces the global
// allocation functions and interposes pthread locks for the whole process.
#include "RealtimeWatch.h"

#include <dlfcn.h>
#include <pthread.h>
#include <semaphore.h>

#include <cstdlib>
#include <new>

namespace partita::test
{
namespace
{
    thread_local bool watching = false;
    thread_local RealtimeViolations counted;

    void noteAllocation() noexcept
    {
        if (watching)
            ++counted.allocations;
    }

    void noteDeallocation() noexcept
    {
        if (watching)
            ++counted.deallocations;
    }

    void noteLockWait() noexcept
    {
        if (watching)
            ++counted.lockWaits;
    }

    void* allocateOrThrow (std::size_t size)
    {
        noteAllocation();
        if (void* memory = std::malloc (size == 0 ? 1 : size))
            return memory;
        throw std::bad_alloc();
    }

    void* allocateAlignedOrThrow (std::size_t size, std::align_val_t alignment)
    {
        noteAllocation();
        const auto align = static_cast<std::size_t> (alignment);
        const auto rounded = (size + align - 1) / align * align;
        if (void* memory = std::aligned_alloc (align, rounded == 0 ? align : rounded))
            return memory;
        throw std::bad_alloc();
    }

    void release (void* memory) noexcept
    {
        if (memory != nullptr)
            noteDeallocation();
        std::free (memory);
    }

    template <typename Function>
    Function nextSymbol (const char* name) noexcept
    {
        return reinterpret_cast<Function> (dlsym (RTLD_NEXT, name));
    }
} // namespace

ScopedRealtimeWatch::ScopedRealtimeWatch() noexcept
{
    counted = {};
    watching = true;
}

ScopedRealtimeWatch::~ScopedRealtimeWatch()
{
    watching = false;
}

RealtimeViolations ScopedRealtimeWatch::violations() const noexcept
{
    return counted;
}

} // namespace partita::test

using partita::test::allocateAlignedOrThrow;
using partita::test::allocateOrThrow;
using partita::test::release;

void* operator new (std::size_t size) { return allocateOrThrow (size); }
void* operator new[] (std::size_t size) { return allocateOrThrow (size); }
void* operator new (std::size_t size, std::align_val_t alignment) { return allocateAlignedOrThrow (size, alignment); }
void* operator new[] (std::size_t size, std::align_val_t alignment)
{
    return allocateAlignedOrThrow (size, alignment);
}
void* operator new (std::size_t size, const std::nothrow_t&) noexcept
{
    try
    {
        return allocateOrThrow (size);
    }
    catch (...)
    {
        return nullptr;
    }
}
void* operator new[] (std::size_t size, const std::nothrow_t&) noexcept
{
    try
    {
        return allocateOrThrow (size);
    }
    catch (...)
    {
        return nullptr;
    }
}
void operator delete (void* memory) noexcept { release (memory); }
void operator delete[] (void* memory) noexcept { release (memory); }
void operator delete (void* memory, std::size_t) noexcept { release (memory); }
void operator delete[] (void* memory, std::size_t) noexcept { release (memory); }
void operator delete (void* memory, std::align_val_t) noexcept { release (memory); }
void operator delete[] (void* memory, std::align_val_t) noexcept { release (memory); }
void operator delete (void* memory, std::size_t, std::align_val_t) noexcept { release (memory); }
void operator delete[] (void* memory, std::size_t, std::align_val_t) noexcept { release (memory); }

extern "C"
{
    int pthread_mutex_lock (pthread_mutex_t* mutex)
    {
        using Function = int (*) (pthread_mutex_t*);
        static const auto next = partita::test::nextSymbol<Function> ("pthread_mutex_lock");
        partita::test::noteLockWait();
        return next (mutex);
    }

    int pthread_rwlock_rdlock (pthread_rwlock_t* lock)
    {
        using Function = int (*) (pthread_rwlock_t*);
        static const auto next = partita::test::nextSymbol<Function> ("pthread_rwlock_rdlock");
        partita::test::noteLockWait();
        return next (lock);
    }

    int pthread_rwlock_wrlock (pthread_rwlock_t* lock)
    {
        using Function = int (*) (pthread_rwlock_t*);
        static const auto next = partita::test::nextSymbol<Function> ("pthread_rwlock_wrlock");
        partita::test::noteLockWait();
        return next (lock);
    }

    int sem_wait (sem_t* semaphore)
    {
        using Function = int (*) (sem_t*);
        static const auto next = partita::test::nextSymbol<Function> ("sem_wait");
        partita::test::noteLockWait();
        return next (semaphore);
    }
}
