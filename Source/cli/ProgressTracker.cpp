// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProgressTracker.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace partita
{

ProgressTracker::ProgressTracker (std::size_t numTasksToTrack, Sink sinkToCall)
    : numTasks (numTasksToTrack)
    , fractions (std::make_unique<std::atomic<double>[]> (numTasksToTrack))
    , sink (std::move (sinkToCall))
{
    for (std::size_t i = 0; i < numTasks; ++i)
        fractions[i].store (0.0);
}

void ProgressTracker::report (std::size_t task, double fraction)
{
    if (task >= numTasks || !sink)
        return;

    fractions[task].store (std::isfinite (fraction) ? std::clamp (fraction, 0.0, 1.0) : 0.0);

    double total = 0.0;
    for (std::size_t i = 0; i < numTasks; ++i)
        total += fractions[i].load();

    const std::scoped_lock lock (sinkLock);
    const double mean = total / static_cast<double> (numTasks);
    if (mean < lastReported)
        return;
    lastReported = mean;
    sink (mean);
}

std::function<void (double)> ProgressTracker::callbackFor (std::size_t task)
{
    return [this, task] (double fraction) { report (task, fraction); };
}

} // namespace partita
