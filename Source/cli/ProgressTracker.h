// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>

namespace partita
{

/** Folds the progress of several tasks running on several threads into one
    fraction (the mean over the tasks) and passes it on.

    Threading: report() from any thread; the sink is called under a lock, so
    it sees one caller at a time and never a fraction that goes backwards. */
class ProgressTracker
{
public:
    using Sink = std::function<void (double fractionDone)>;

    ProgressTracker (std::size_t numTasks, Sink sink);

    /** Records that `task` is `fraction` (0 to 1) done. */
    void report (std::size_t task, double fraction);

    /** A callback that reports for one task, e.g. for convolve(). */
    [[nodiscard]] std::function<void (double)> callbackFor (std::size_t task);

private:
    std::size_t numTasks;
    std::unique_ptr<std::atomic<double>[]> fractions;
    Sink sink;
    std::mutex sinkLock;
    double lastReported = 0.0;
};

} // namespace partita
