// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace partita::benchmark
{

/** CPU time of all threads of this process so far (CLOCK_PROCESS_CPUTIME_ID),
    in nanoseconds: a peer's worker threads count here. */
std::int64_t processCpuNanoseconds() noexcept;

/** CPU time of the calling thread alone (CLOCK_THREAD_CPUTIME_ID). */
std::int64_t threadCpuNanoseconds() noexcept;

/** Wall time on the monotonic clock. */
std::int64_t monotonicNanoseconds() noexcept;

/** Sleeps until the monotonic clock reaches `deadline` (at once if it has). */
void sleepUntil (std::int64_t deadlineNanoseconds) noexcept;

} // namespace partita::benchmark
