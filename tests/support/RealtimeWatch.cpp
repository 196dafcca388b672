// SPDX-License-Identifier: GPL-3.0-or-later
// Link into a test executable (not into a library): it replaces the global
// allocation functions and interposes C library functions for the whole
// process, forwarding each to the next definition (the C library's, or a
// sanitizer's) found with dlsym (RTLD_NEXT).

// Fortified headers define read() and open() as inline wrappers, which
// would clash with the definitions below.
#ifdef _FORTIFY_SOURCE
    #undef _FORTIFY_SOURCE
#endif

#include "RealtimeWatch.h"

#include <dlfcn.h>
#include <execinfo.h>
#include <fcntl.h>
#include <link.h>
#include <pthread.h>
#include <semaphore.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdarg>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>

// Which sanitizer, if any, owns the allocator (and how its runtime is linked).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    #define PARTITA_WATCH_UNDER_SANITIZER 1
#endif
#if defined(__has_feature)
    #if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
        #define PARTITA_WATCH_UNDER_SANITIZER 1
        #define PARTITA_WATCH_STATIC_SANITIZER_RUNTIME 1
    #endif
    #if __has_feature(realtime_sanitizer)
        #define PARTITA_WATCH_UNDER_SANITIZER 1
        #define PARTITA_WATCH_STATIC_SANITIZER_RUNTIME 1
    #endif
#endif

namespace partita::test
{
namespace
{
#ifdef PARTITA_WATCH_UNDER_SANITIZER
    constexpr bool interposeAllocation = false;
#else
    constexpr bool interposeAllocation = true;
#endif
#ifdef PARTITA_WATCH_STATIC_SANITIZER_RUNTIME
    // The runtime's interceptors live in this executable: RTLD_NEXT would skip them.
    constexpr bool interposeLibrary = false;
#else
    constexpr bool interposeLibrary = true;
#endif

    thread_local bool watching = false;
    thread_local RealtimeViolations counted;
    /** Non-null: count only calls with this binary's code on the stack. */
    thread_local const void* onlyModule = nullptr;
    thread_local bool walkingStack = false;

    bool calledFromOnlyModule() noexcept
    {
        if (onlyModule == nullptr)
            return true;
        // backtrace() and dladdr() may call back into the functions counted here.
        walkingStack = true;
        void* frames[64];
        const int depth = ::backtrace (frames, 64);
        bool found = false;
        for (int i = 0; i < depth && ! found; ++i)
        {
            Dl_info info {};
            found = ::dladdr (frames[i], &info) != 0 && info.dli_fbase == onlyModule;
        }
        walkingStack = false;
        return found;
    }

    bool counting() noexcept
    {
        return watching && ! walkingStack && calledFromOnlyModule();
    }

    void note (RealtimeCall call) noexcept
    {
        if (! counting())
            return;

        ++counted.calls[static_cast<std::size_t> (call)];
        switch (call)
        {
            case RealtimeCall::operatorNew:
            case RealtimeCall::malloc:
            case RealtimeCall::calloc:
            case RealtimeCall::realloc:
            case RealtimeCall::posixMemalign:
            case RealtimeCall::alignedAlloc:
                ++counted.allocations;
                break;
            case RealtimeCall::operatorDelete:
            case RealtimeCall::free:
                ++counted.deallocations;
                break;
            case RealtimeCall::mutexLock:
            case RealtimeCall::rwlockReadLock:
            case RealtimeCall::rwlockWriteLock:
            case RealtimeCall::semWait:
                ++counted.lockWaits;
                break;
            case RealtimeCall::nanosleep:
            case RealtimeCall::clockNanosleep:
            case RealtimeCall::usleep:
                ++counted.sleeps;
                break;
            case RealtimeCall::open:
            case RealtimeCall::openat:
            case RealtimeCall::read:
            case RealtimeCall::write:
                ++counted.fileCalls;
                break;
        }
    }

    //==========================================================================
    // Finding the next definition. dlsym may allocate (its error buffer, the
    // first time a thread uses it), which lands in the malloc below before
    // that malloc knows where to forward: while this thread is looking up an
    // allocation function, allocations are served from a static arena that
    // is never freed.

    thread_local bool resolvingAllocator = false;

    class BootstrapArena
    {
    public:
        void* allocate (std::size_t size, std::size_t alignment) noexcept
        {
            alignment = alignment < header ? header : alignment;
            auto used = next.load (std::memory_order_relaxed);
            for (;;)
            {
                const auto start = (used + header + alignment - 1) / alignment * alignment;
                const auto end = start + size;
                if (end > capacity || end < start)
                    return nullptr;
                if (next.compare_exchange_weak (used, end, std::memory_order_relaxed))
                {
                    std::memcpy (bytes + start - header, &size, sizeof (size));
                    return bytes + start;
                }
            }
        }

        bool owns (const void* memory) const noexcept
        {
            const auto address = reinterpret_cast<std::uintptr_t> (memory);
            const auto begin = reinterpret_cast<std::uintptr_t> (bytes);
            return address >= begin && address < begin + capacity;
        }

        std::size_t sizeOf (const void* memory) const noexcept
        {
            std::size_t size = 0;
            std::memcpy (&size, static_cast<const unsigned char*> (memory) - header, sizeof (size));
            return size;
        }

    private:
        static constexpr std::size_t capacity = 1 << 16;
        static constexpr std::size_t header = 16;
        alignas (64) unsigned char bytes[capacity] {};
        std::atomic<std::size_t> next { 0 };
    };

    BootstrapArena bootstrap;

    template <typename Function>
    Function resolve (std::atomic<Function>& slot, const char* name) noexcept
    {
        if (auto function = slot.load (std::memory_order_acquire))
            return function;
        auto function = reinterpret_cast<Function> (dlsym (RTLD_NEXT, name));
        slot.store (function, std::memory_order_release);
        return function;
    }

    /** As resolve(), but nullptr while this thread is already looking up an
        allocation function: the caller then uses the bootstrap arena. */
    template <typename Function>
    Function resolveAllocator (std::atomic<Function>& slot, const char* name) noexcept
    {
        if (auto function = slot.load (std::memory_order_acquire))
            return function;
        if (resolvingAllocator)
            return nullptr;
        resolvingAllocator = true;
        auto function = resolve (slot, name);
        resolvingAllocator = false;
        return function;
    }

    using MallocFunction = void* (*) (std::size_t);
    using CallocFunction = void* (*) (std::size_t, std::size_t);
    using ReallocFunction = void* (*) (void*, std::size_t);
    using PosixMemalignFunction = int (*) (void**, std::size_t, std::size_t);
    using AlignedAllocFunction = void* (*) (std::size_t, std::size_t);
    using FreeFunction = void (*) (void*);

    std::atomic<MallocFunction> nextMalloc { nullptr };
    [[maybe_unused]] std::atomic<CallocFunction> nextCalloc { nullptr };
    [[maybe_unused]] std::atomic<ReallocFunction> nextRealloc { nullptr };
    [[maybe_unused]] std::atomic<PosixMemalignFunction> nextPosixMemalign { nullptr };
    std::atomic<AlignedAllocFunction> nextAlignedAlloc { nullptr };
    std::atomic<FreeFunction> nextFree { nullptr };

    //==========================================================================
    // The allocator itself, uncounted: what the counted entry points forward to.

    void* rawMalloc (std::size_t size) noexcept
    {
        if constexpr (! interposeAllocation)
            return std::malloc (size);
        if (auto function = resolveAllocator (nextMalloc, "malloc"))
            return function (size);
        return bootstrap.allocate (size, alignof (std::max_align_t));
    }

    void* rawAlignedAlloc (std::size_t alignment, std::size_t size) noexcept
    {
        if constexpr (! interposeAllocation)
            return std::aligned_alloc (alignment, size);
        if (auto function = resolveAllocator (nextAlignedAlloc, "aligned_alloc"))
            return function (alignment, size);
        return bootstrap.allocate (size, alignment);
    }

    void rawFree (void* memory) noexcept
    {
        if constexpr (! interposeAllocation)
        {
            std::free (memory);
            return;
        }
        if (memory == nullptr || bootstrap.owns (memory))
            return;
        if (auto function = resolveAllocator (nextFree, "free"))
            function (memory);
    }

    void* allocateOrThrow (std::size_t size)
    {
        note (RealtimeCall::operatorNew);
        if (void* memory = rawMalloc (size == 0 ? 1 : size))
            return memory;
        throw std::bad_alloc();
    }

    void* allocateAlignedOrThrow (std::size_t size, std::align_val_t alignment)
    {
        note (RealtimeCall::operatorNew);
        const auto align = static_cast<std::size_t> (alignment);
        const auto rounded = (size + align - 1) / align * align;
        if (void* memory = rawAlignedAlloc (align, rounded == 0 ? align : rounded))
            return memory;
        throw std::bad_alloc();
    }

    void release (void* memory) noexcept
    {
        if (memory != nullptr)
            note (RealtimeCall::operatorDelete);
        rawFree (memory);
    }

    [[maybe_unused]] bool openNeedsMode (int flags) noexcept
    {
        return (flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE;
    }
} // namespace

const char* realtimeCallName (RealtimeCall call) noexcept
{
    switch (call)
    {
        case RealtimeCall::operatorNew: return "operator new";
        case RealtimeCall::operatorDelete: return "operator delete";
        case RealtimeCall::malloc: return "malloc";
        case RealtimeCall::calloc: return "calloc";
        case RealtimeCall::realloc: return "realloc";
        case RealtimeCall::posixMemalign: return "posix_memalign";
        case RealtimeCall::alignedAlloc: return "aligned_alloc";
        case RealtimeCall::free: return "free";
        case RealtimeCall::mutexLock: return "pthread_mutex_lock";
        case RealtimeCall::rwlockReadLock: return "pthread_rwlock_rdlock";
        case RealtimeCall::rwlockWriteLock: return "pthread_rwlock_wrlock";
        case RealtimeCall::semWait: return "sem_wait";
        case RealtimeCall::nanosleep: return "nanosleep";
        case RealtimeCall::clockNanosleep: return "clock_nanosleep";
        case RealtimeCall::usleep: return "usleep";
        case RealtimeCall::open: return "open";
        case RealtimeCall::openat: return "openat";
        case RealtimeCall::read: return "read";
        case RealtimeCall::write: return "write";
    }
    return "?";
}

std::string RealtimeViolations::describe() const
{
    std::string text;
    for (std::size_t i = 0; i < numRealtimeCalls; ++i)
    {
        if (calls[i] == 0)
            continue;
        if (! text.empty())
            text += ", ";
        text += realtimeCallName (static_cast<RealtimeCall> (i));
        text += ' ';
        text += std::to_string (calls[i]);
    }
    return text.empty() ? "none" : text;
}

ScopedRealtimeWatch::ScopedRealtimeWatch() noexcept
{
    counted = {};
    watching = true;
}

ScopedRealtimeWatch::ScopedRealtimeWatch (const LoadedModule& module) noexcept
{
    // The first backtrace() loads libgcc_s: not while watching.
    void* frame[1];
    (void) ::backtrace (frame, 1);
    counted = {};
    onlyModule = module.loadAddress();
    watching = true;
}

ScopedRealtimeWatch::~ScopedRealtimeWatch()
{
    watching = false;
    onlyModule = nullptr;
}

LoadedModule LoadedModule::find (const std::string& pathEnd)
{
    struct Search
    {
        const std::string* pathEnd;
        const void* base;
    } search { &pathEnd, nullptr };
    ::dl_iterate_phdr (
        [] (dl_phdr_info* info, std::size_t, void* data)
        {
            auto& wanted = *static_cast<Search*> (data);
            const std::string path = info->dlpi_name != nullptr ? info->dlpi_name : "";
            const auto& end = *wanted.pathEnd;
            if (path.size() >= end.size() && path.compare (path.size() - end.size(), end.size(), end) == 0)
            {
                wanted.base = reinterpret_cast<const void*> (info->dlpi_addr);
                return 1;
            }
            return 0;
        },
        &search);
    LoadedModule module;
    module.base = search.base;
    return module;
}

RealtimeViolations ScopedRealtimeWatch::violations() const noexcept
{
    return counted;
}

bool ScopedRealtimeWatch::interceptsCAllocation() noexcept
{
    return interposeAllocation;
}

bool ScopedRealtimeWatch::interceptsCLibrary() noexcept
{
    return interposeLibrary;
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
void* operator new (std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept
{
    try
    {
        return allocateAlignedOrThrow (size, alignment);
    }
    catch (...)
    {
        return nullptr;
    }
}
void* operator new[] (std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept
{
    try
    {
        return allocateAlignedOrThrow (size, alignment);
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
void operator delete (void* memory, const std::nothrow_t&) noexcept { release (memory); }
void operator delete[] (void* memory, const std::nothrow_t&) noexcept { release (memory); }
void operator delete (void* memory, std::align_val_t, const std::nothrow_t&) noexcept { release (memory); }
void operator delete[] (void* memory, std::align_val_t, const std::nothrow_t&) noexcept { release (memory); }

//==============================================================================
// The C library. Each definition counts, then forwards to the next one.

namespace
{
using partita::test::RealtimeCall;
using partita::test::note;

/** Each caller keeps the result in a function-local static: one lookup per
    function, the first time it is called. */
template <typename Function>
Function nextDefinition (const char* name) noexcept
{
    return reinterpret_cast<Function> (dlsym (RTLD_NEXT, name));
}
} // namespace

#ifndef PARTITA_WATCH_UNDER_SANITIZER
extern "C"
{
    void* malloc (std::size_t size) noexcept
    {
        using namespace partita::test;
        note (RealtimeCall::malloc);
        return rawMalloc (size);
    }

    void* calloc (std::size_t count, std::size_t size) noexcept
    {
        using namespace partita::test;
        note (RealtimeCall::calloc);
        if (auto function = resolveAllocator (nextCalloc, "calloc"))
            return function (count, size);
        // The arena is static storage, zeroed, and never reused.
        if (size != 0 && count > SIZE_MAX / size)
            return nullptr;
        return bootstrap.allocate (count * size, alignof (std::max_align_t));
    }

    void* realloc (void* memory, std::size_t size) noexcept
    {
        using namespace partita::test;
        note (RealtimeCall::realloc);
        if (memory != nullptr && bootstrap.owns (memory))
        {
            void* moved = rawMalloc (size);
            if (moved != nullptr)
            {
                const auto old = bootstrap.sizeOf (memory);
                std::memcpy (moved, memory, old < size ? old : size);
            }
            return moved;
        }
        if (auto function = resolveAllocator (nextRealloc, "realloc"))
            return function (memory, size);
        return nullptr;
    }

    int posix_memalign (void** memory, std::size_t alignment, std::size_t size) noexcept
    {
        using namespace partita::test;
        note (RealtimeCall::posixMemalign);
        if (auto function = resolveAllocator (nextPosixMemalign, "posix_memalign"))
            return function (memory, alignment, size);
        *memory = bootstrap.allocate (size, alignment);
        return *memory != nullptr ? 0 : ENOMEM;
    }

    void* aligned_alloc (std::size_t alignment, std::size_t size) noexcept
    {
        using namespace partita::test;
        note (RealtimeCall::alignedAlloc);
        return rawAlignedAlloc (alignment, size);
    }

    void free (void* memory) noexcept
    {
        using namespace partita::test;
        if (memory != nullptr)
            note (RealtimeCall::free);
        rawFree (memory);
    }
}
#endif

#ifndef PARTITA_WATCH_STATIC_SANITIZER_RUNTIME
extern "C"
{
    int pthread_mutex_lock (pthread_mutex_t* mutex) noexcept
    {
        using Function = int (*) (pthread_mutex_t*);
        static const auto next = nextDefinition<Function> ("pthread_mutex_lock");
        if (! partita::test::counting())
            return next (mutex);
        note (RealtimeCall::mutexLock);
        // Whether it waits: only a lock another thread holds can.
        if (pthread_mutex_trylock (mutex) == 0)
            return 0;
        ++partita::test::counted.contendedLocks;
        return next (mutex);
    }

    int pthread_rwlock_rdlock (pthread_rwlock_t* lock) noexcept
    {
        using Function = int (*) (pthread_rwlock_t*);
        static const auto next = nextDefinition<Function> ("pthread_rwlock_rdlock");
        note (RealtimeCall::rwlockReadLock);
        return next (lock);
    }

    int pthread_rwlock_wrlock (pthread_rwlock_t* lock) noexcept
    {
        using Function = int (*) (pthread_rwlock_t*);
        static const auto next = nextDefinition<Function> ("pthread_rwlock_wrlock");
        note (RealtimeCall::rwlockWriteLock);
        return next (lock);
    }

    int sem_wait (sem_t* semaphore)
    {
        using Function = int (*) (sem_t*);
        static const auto next = nextDefinition<Function> ("sem_wait");
        note (RealtimeCall::semWait);
        return next (semaphore);
    }

    int nanosleep (const timespec* duration, timespec* remaining)
    {
        using Function = int (*) (const timespec*, timespec*);
        static const auto next = nextDefinition<Function> ("nanosleep");
        note (RealtimeCall::nanosleep);
        return next (duration, remaining);
    }

    int clock_nanosleep (clockid_t clock, int flags, const timespec* request, timespec* remaining)
    {
        using Function = int (*) (clockid_t, int, const timespec*, timespec*);
        static const auto next = nextDefinition<Function> ("clock_nanosleep");
        note (RealtimeCall::clockNanosleep);
        return next (clock, flags, request, remaining);
    }

    int usleep (useconds_t microseconds)
    {
        using Function = int (*) (useconds_t);
        static const auto next = nextDefinition<Function> ("usleep");
        note (RealtimeCall::usleep);
        return next (microseconds);
    }

    int open (const char* path, int flags, ...)
    {
        using Function = int (*) (const char*, int, ...);
        static const auto next = nextDefinition<Function> ("open");
        note (RealtimeCall::open);
        mode_t mode = 0;
        if (partita::test::openNeedsMode (flags))
        {
            va_list arguments;
            va_start (arguments, flags);
            mode = va_arg (arguments, mode_t);
            va_end (arguments);
        }
        return next (path, flags, mode);
    }

    int open64 (const char* path, int flags, ...)
    {
        using Function = int (*) (const char*, int, ...);
        static const auto next = nextDefinition<Function> ("open64");
        note (RealtimeCall::open);
        mode_t mode = 0;
        if (partita::test::openNeedsMode (flags))
        {
            va_list arguments;
            va_start (arguments, flags);
            mode = va_arg (arguments, mode_t);
            va_end (arguments);
        }
        return next (path, flags, mode);
    }

    int openat (int directory, const char* path, int flags, ...)
    {
        using Function = int (*) (int, const char*, int, ...);
        static const auto next = nextDefinition<Function> ("openat");
        note (RealtimeCall::openat);
        mode_t mode = 0;
        if (partita::test::openNeedsMode (flags))
        {
            va_list arguments;
            va_start (arguments, flags);
            mode = va_arg (arguments, mode_t);
            va_end (arguments);
        }
        return next (directory, path, flags, mode);
    }

    int openat64 (int directory, const char* path, int flags, ...)
    {
        using Function = int (*) (int, const char*, int, ...);
        static const auto next = nextDefinition<Function> ("openat64");
        note (RealtimeCall::openat);
        mode_t mode = 0;
        if (partita::test::openNeedsMode (flags))
        {
            va_list arguments;
            va_start (arguments, flags);
            mode = va_arg (arguments, mode_t);
            va_end (arguments);
        }
        return next (directory, path, flags, mode);
    }

    ssize_t read (int file, void* buffer, std::size_t size)
    {
        using Function = ssize_t (*) (int, void*, std::size_t);
        static const auto next = nextDefinition<Function> ("read");
        note (RealtimeCall::read);
        return next (file, buffer, size);
    }

    ssize_t write (int file, const void* buffer, std::size_t size)
    {
        using Function = ssize_t (*) (int, const void*, std::size_t);
        static const auto next = nextDefinition<Function> ("write");
        note (RealtimeCall::write);
        return next (file, buffer, size);
    }
}
#endif
