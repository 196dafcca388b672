// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <functional>

namespace partita
{

/** Calls task(i) for every i in [0, numTasks) on up to maxThreads threads (the
    calling thread is one of them), each thread taking the next unclaimed
    index. Returns when all tasks have finished. If tasks throw, the remaining
    ones still run and the first exception is rethrown here, so that no
    exception is lost on a worker thread. */
void parallelFor (std::size_t numTasks, std::size_t maxThreads, const std::function<void (std::size_t)>& task);

} // namespace partita
