// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <functional>
#include <vector>

namespace partita::benchmark
{

/** The median and the fastest of several wall-clock timings: the median is
    what a user waits on a shared machine, the fastest what the code costs
    when nothing else runs. */
struct RepeatedTiming
{
    double medianMs;
    double fastestMs;
};

/** Times `work` `runs` times (at least once). */
inline RepeatedTiming timeRepeatedly (int runs, const std::function<void()>& work)
{
    using Clock = std::chrono::steady_clock;
    std::vector<double> milliseconds (static_cast<std::size_t> (std::max (1, runs)));
    for (auto& time : milliseconds)
    {
        const auto start = Clock::now();
        work();
        time = std::chrono::duration<double, std::milli> (Clock::now() - start).count();
    }
    std::sort (milliseconds.begin(), milliseconds.end());
    return { milliseconds[milliseconds.size() / 2], milliseconds[0] };
}

} // namespace partita::benchmark
