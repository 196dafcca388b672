// SPDX-License-Identifier: GPL-3.0-or-later
#include "Clocks.h"

#include <cerrno>
#include <time.h>

namespace partita::benchmark
{
namespace
{
std::int64_t readClock (clockid_t clock) noexcept
{
    timespec now {};
    clock_gettime (clock, &now);
    return static_cast<std::int64_t> (now.tv_sec) * 1'000'000'000 + static_cast<std::int64_t> (now.tv_nsec);
}
} // namespace

std::int64_t processCpuNanoseconds() noexcept
{
    return readClock (CLOCK_PROCESS_CPUTIME_ID);
}

std::int64_t threadCpuNanoseconds() noexcept
{
    return readClock (CLOCK_THREAD_CPUTIME_ID);
}

std::int64_t monotonicNanoseconds() noexcept
{
    return readClock (CLOCK_MONOTONIC);
}

void sleepUntil (std::int64_t deadlineNanoseconds) noexcept
{
    timespec deadline {};
    deadline.tv_sec = static_cast<time_t> (deadlineNanoseconds / 1'000'000'000);
    deadline.tv_nsec = static_cast<long> (deadlineNanoseconds % 1'000'000'000);
    while (clock_nanosleep (CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, nullptr) == EINTR)
    {
    }
}

} // namespace partita::benchmark
