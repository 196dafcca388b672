// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScopedRealTimePriority.h"

#include <pthread.h>
#include <sched.h>

namespace partita::benchmark
{

ScopedRealTimePriority::ScopedRealTimePriority (int priority) noexcept
{
    sched_param previous {};
    if (pthread_getschedparam (pthread_self(), &previousPolicy, &previous) != 0)
        return;
    previousPriority = previous.sched_priority;

    sched_param wanted {};
    wanted.sched_priority = priority;
    active = pthread_setschedparam (pthread_self(), SCHED_FIFO, &wanted) == 0;
}

ScopedRealTimePriority::~ScopedRealTimePriority()
{
    if (! active)
        return;
    sched_param previous {};
    previous.sched_priority = previousPriority;
    pthread_setschedparam (pthread_self(), previousPolicy, &previous);
}

bool ScopedRealTimePriority::isPermitted() noexcept
{
    const ScopedRealTimePriority probe;
    return probe.isActive();
}

} // namespace partita::benchmark
