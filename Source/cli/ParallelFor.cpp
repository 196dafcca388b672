// SPDX-License-Identifier: GPL-3.0-or-later
#include "ParallelFor.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace partita
{

void parallelFor (std::size_t numTasks, std::size_t maxThreads, const std::function<void (std::size_t)>& task)
{
    std::atomic<std::size_t> nextTask { 0 };
    std::mutex failureLock;
    std::exception_ptr firstFailure;

    const auto work = [&]
    {
        for (auto index = nextTask.fetch_add (1); index < numTasks; index = nextTask.fetch_add (1))
        {
            try
            {
                task (index);
            }
            catch (...)
            {
                const std::scoped_lock lock (failureLock);
                if (!firstFailure)
                    firstFailure = std::current_exception();
            }
        }
    };

    const auto numThreads = std::clamp<std::size_t> (std::min (maxThreads, numTasks), 1, 1024);
    std::vector<std::thread> helpers;
    helpers.reserve (numThreads - 1);
    try
    {
        for (std::size_t i = 1; i < numThreads; ++i)
            helpers.emplace_back (work);
    }
    catch (const std::system_error&)
    {
        // Fewer threads than hoped for: the ones running, and this one, share the work.
    }

    work();
    for (auto& helper : helpers)
        helper.join();

    if (firstFailure)
        std::rethrow_exception (firstFailure);
}

} // namespace partita
