// SPDX-License-Identifier: GPL-3.0-or-later
// The real-time checker must be able to fail: every call it claims to count
// is made here, on the watched thread, and must be seen exactly once.
#include "RealtimeWatch.h"
#include "TemporaryDirectory.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>

namespace partita
{
namespace
{
    using test::RealtimeCall;
    using test::ScopedRealtimeWatch;

    /** Read through a volatile pointer, so the compiler cannot see which
        function is called and elide a malloc/free pair or a builtin. */
    template <typename Function>
    Function opaque (Function function)
    {
        Function volatile hidden = function;
        return hidden;
    }

    constexpr const char* sanitizerOwnsMalloc =
        "a sanitizer owns malloc in this build: only operator new and delete are counted";
    constexpr const char* sanitizerOwnsLibrary =
        "a sanitizer runtime linked into the executable owns these functions in this build";

    /** Keeps an allocation observable: clang may otherwise elide a new/delete pair. */
    void* volatile escaped = nullptr;

    void expectCountedOnce (const test::RealtimeViolations& seen, RealtimeCall call)
    {
        EXPECT_EQ (seen.count (call), 1u) << test::realtimeCallName (call) << " (seen: " << seen.describe() << ")";
    }
} // namespace

TEST (RealtimeWatch, CountsMallocAndFree)
{
    if (! ScopedRealtimeWatch::interceptsCAllocation())
        GTEST_SKIP() << sanitizerOwnsMalloc;
    const ScopedRealtimeWatch watch;
    void* memory = opaque (&std::malloc) (48);
    ASSERT_NE (memory, nullptr);
    opaque (&std::free) (memory);
    const auto seen = watch.violations();
    expectCountedOnce (seen, RealtimeCall::malloc);
    expectCountedOnce (seen, RealtimeCall::free);
    EXPECT_EQ (seen.allocations, 1u);
    EXPECT_EQ (seen.deallocations, 1u);
}

TEST (RealtimeWatch, CountsCallocAndItsMemoryIsZeroed)
{
    if (! ScopedRealtimeWatch::interceptsCAllocation())
        GTEST_SKIP() << sanitizerOwnsMalloc;
    const ScopedRealtimeWatch watch;
    auto* memory = static_cast<unsigned char*> (opaque (&std::calloc) (100, 3));
    ASSERT_NE (memory, nullptr);
    for (std::size_t i = 0; i < 300; ++i)
        ASSERT_EQ (memory[i], 0u);
    opaque (&std::free) (memory);
    expectCountedOnce (watch.violations(), RealtimeCall::calloc);
}

TEST (RealtimeWatch, CountsReallocAndKeepsTheContents)
{
    if (! ScopedRealtimeWatch::interceptsCAllocation())
        GTEST_SKIP() << sanitizerOwnsMalloc;
    auto* memory = static_cast<char*> (std::malloc (8));
    ASSERT_NE (memory, nullptr);
    memory[0] = 'p';
    memory[7] = 'a';
    const ScopedRealtimeWatch watch;
    memory = static_cast<char*> (opaque (&std::realloc) (memory, 1 << 20));
    ASSERT_NE (memory, nullptr);
    EXPECT_EQ (memory[0], 'p');
    EXPECT_EQ (memory[7], 'a');
    expectCountedOnce (watch.violations(), RealtimeCall::realloc);
    std::free (memory);
}

TEST (RealtimeWatch, CountsPosixMemalignAndHonoursTheAlignment)
{
    if (! ScopedRealtimeWatch::interceptsCAllocation())
        GTEST_SKIP() << sanitizerOwnsMalloc;
    const ScopedRealtimeWatch watch;
    void* memory = nullptr;
    ASSERT_EQ (opaque (&posix_memalign) (&memory, 256, 1000), 0);
    EXPECT_EQ (reinterpret_cast<std::uintptr_t> (memory) % 256, 0u);
    opaque (&std::free) (memory);
    expectCountedOnce (watch.violations(), RealtimeCall::posixMemalign);
}

TEST (RealtimeWatch, CountsAlignedAllocAndHonoursTheAlignment)
{
    if (! ScopedRealtimeWatch::interceptsCAllocation())
        GTEST_SKIP() << sanitizerOwnsMalloc;
    const ScopedRealtimeWatch watch;
    void* memory = opaque (&std::aligned_alloc) (128, 1024);
    ASSERT_NE (memory, nullptr);
    EXPECT_EQ (reinterpret_cast<std::uintptr_t> (memory) % 128, 0u);
    opaque (&std::free) (memory);
    expectCountedOnce (watch.violations(), RealtimeCall::alignedAlloc);
}

TEST (RealtimeWatch, CountsOperatorNewAndDeleteOnceEach)
{
    const ScopedRealtimeWatch watch;
    auto allocated = std::make_unique<double[]> (1000);
    escaped = allocated.get();
    allocated.reset();
    const auto seen = watch.violations();
    expectCountedOnce (seen, RealtimeCall::operatorNew);
    expectCountedOnce (seen, RealtimeCall::operatorDelete);
    // operator new's own malloc is not counted a second time.
    EXPECT_EQ (seen.allocations, 1u) << seen.describe();
    EXPECT_EQ (seen.deallocations, 1u) << seen.describe();
}

TEST (RealtimeWatch, CountsAMutexLock)
{
    if (! ScopedRealtimeWatch::interceptsCLibrary())
        GTEST_SKIP() << sanitizerOwnsLibrary;
    pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
    const ScopedRealtimeWatch watch;
    ASSERT_EQ (opaque (&pthread_mutex_lock) (&mutex), 0);
    ASSERT_EQ (pthread_mutex_unlock (&mutex), 0);
    const auto seen = watch.violations();
    expectCountedOnce (seen, RealtimeCall::mutexLock);
    EXPECT_EQ (seen.lockWaits, 1u);
}

TEST (RealtimeWatch, CountsReadAndWriteLocksOfAnRwlock)
{
    if (! ScopedRealtimeWatch::interceptsCLibrary())
        GTEST_SKIP() << sanitizerOwnsLibrary;
    pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
    const ScopedRealtimeWatch watch;
    ASSERT_EQ (opaque (&pthread_rwlock_rdlock) (&lock), 0);
    ASSERT_EQ (pthread_rwlock_unlock (&lock), 0);
    ASSERT_EQ (opaque (&pthread_rwlock_wrlock) (&lock), 0);
    ASSERT_EQ (pthread_rwlock_unlock (&lock), 0);
    const auto seen = watch.violations();
    expectCountedOnce (seen, RealtimeCall::rwlockReadLock);
    expectCountedOnce (seen, RealtimeCall::rwlockWriteLock);
}

TEST (RealtimeWatch, CountsASemaphoreWait)
{
    if (! ScopedRealtimeWatch::interceptsCLibrary())
        GTEST_SKIP() << sanitizerOwnsLibrary;
    sem_t semaphore;
    ASSERT_EQ (sem_init (&semaphore, 0, 1), 0);
    {
        const ScopedRealtimeWatch watch;
        ASSERT_EQ (opaque (&sem_wait) (&semaphore), 0);
        expectCountedOnce (watch.violations(), RealtimeCall::semWait);
    }
    sem_destroy (&semaphore);
}

TEST (RealtimeWatch, CountsEachWayOfSleeping)
{
    if (! ScopedRealtimeWatch::interceptsCLibrary())
        GTEST_SKIP() << sanitizerOwnsLibrary;
    const ScopedRealtimeWatch watch;
    const timespec shortWhile { 0, 1000 };
    ASSERT_EQ (opaque (&nanosleep) (&shortWhile, nullptr), 0);
    ASSERT_EQ (opaque (&clock_nanosleep) (CLOCK_MONOTONIC, 0, &shortWhile, nullptr), 0);
    ASSERT_EQ (opaque (&usleep) (1), 0);
    const auto seen = watch.violations();
    expectCountedOnce (seen, RealtimeCall::nanosleep);
    expectCountedOnce (seen, RealtimeCall::clockNanosleep);
    expectCountedOnce (seen, RealtimeCall::usleep);
    EXPECT_EQ (seen.sleeps, 3u);
}

TEST (RealtimeWatch, SeesTheSleepInsideTheStandardLibrary)
{
    if (! ScopedRealtimeWatch::interceptsCLibrary())
        GTEST_SKIP() << sanitizerOwnsLibrary;
    const ScopedRealtimeWatch watch;
    std::this_thread::sleep_for (std::chrono::microseconds (1));
    EXPECT_GE (watch.violations().sleeps, 1u) << watch.violations().describe();
}

TEST (RealtimeWatch, CountsOpenOpenatReadAndWrite)
{
    if (! ScopedRealtimeWatch::interceptsCLibrary())
        GTEST_SKIP() << sanitizerOwnsLibrary;
    const test::TemporaryDirectory folder;
    const auto path = (folder / "watched.bin").string();

    test::RealtimeViolations seen;
    {
        const ScopedRealtimeWatch watch;
        // With O_CREAT the mode is a variadic argument: it must be passed on.
        const int written = opaque (&open) (path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0640);
        ASSERT_GE (written, 0);
        ASSERT_EQ (opaque (&write) (written, "abc", 3), 3);
        close (written);

        const int reading = opaque (&openat) (AT_FDCWD, path.c_str(), O_RDONLY);
        ASSERT_GE (reading, 0);
        char buffer[4] = {};
        ASSERT_EQ (opaque (&read) (reading, buffer, 3), 3);
        close (reading);
        EXPECT_STREQ (buffer, "abc");
        seen = watch.violations();
    }

    expectCountedOnce (seen, RealtimeCall::open);
    expectCountedOnce (seen, RealtimeCall::openat);
    expectCountedOnce (seen, RealtimeCall::read);
    expectCountedOnce (seen, RealtimeCall::write);
    EXPECT_EQ (seen.fileCalls, 4u);

    struct stat status {};
    ASSERT_EQ (stat (path.c_str(), &status), 0);
    EXPECT_EQ (status.st_mode & 0777u, 0640u);
}

TEST (RealtimeWatch, IgnoresCallsOnOtherThreads)
{
    const ScopedRealtimeWatch watch;
    std::thread other (
        []
        {
            auto allocated = std::make_unique<int> (1);
            void* memory = opaque (&std::malloc) (64);
            opaque (&std::free) (memory);
            pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
            pthread_mutex_lock (&mutex);
            pthread_mutex_unlock (&mutex);
            usleep (1);
        });
    // Starting and joining a thread allocates and waits here, so only the
    // other thread's work is compared: it must leave no trace.
    const auto before = watch.violations();
    other.join();
    const auto after = watch.violations();
    EXPECT_EQ (after.count (RealtimeCall::malloc), before.count (RealtimeCall::malloc));
    EXPECT_EQ (after.count (RealtimeCall::free), before.count (RealtimeCall::free));
    EXPECT_EQ (after.count (RealtimeCall::usleep), 0u);
}

TEST (RealtimeWatch, CountsNothingBeforeItIsCreatedOrAfterItIsGone)
{
    void* early = std::malloc (16);
    test::RealtimeViolations seen;
    {
        const ScopedRealtimeWatch watch;
        seen = watch.violations();
    }
    std::free (early);
    EXPECT_EQ (seen.total(), 0u) << seen.describe();
    EXPECT_EQ (seen.describe(), "none");

    const ScopedRealtimeWatch later;
    EXPECT_EQ (later.violations().total(), 0u) << later.violations().describe();
}

TEST (RealtimeWatch, DescribesWhatItSaw)
{
    if (! ScopedRealtimeWatch::interceptsCAllocation())
        GTEST_SKIP() << sanitizerOwnsMalloc;
    const ScopedRealtimeWatch watch;
    void* first = opaque (&std::malloc) (8);
    void* second = opaque (&std::malloc) (8);
    opaque (&std::free) (first);
    opaque (&std::free) (second);
    EXPECT_EQ (watch.violations().describe(), "malloc 2, free 2");
}

#if defined(__has_feature)
    #if __has_feature(realtime_sanitizer)
namespace
{
    #pragma clang diagnostic push
    #pragma clang diagnostic ignored "-Wfunction-effects"
    void allocateInARealtimeContext() noexcept [[clang::nonblocking]]
    {
        escaped = opaque (&std::malloc) (64);
    }
    #pragma clang diagnostic pop
} // namespace

// The rtsan preset's check must be able to fail too.
TEST (RealtimeSanitizer, StopsAnAllocationInsideANonblockingFunction)
{
    EXPECT_DEATH (allocateInARealtimeContext(), "RealtimeSanitizer");
}
    #endif
#endif

} // namespace partita
