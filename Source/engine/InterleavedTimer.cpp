// SPDX-License-Identifier: GPL-3.0-or-later
#include "InterleavedTimer.h"

#include <algorithm>
#include <chrono>
#include <utility>

namespace partita
{
namespace
{
using Clock = std::chrono::steady_clock;
} // namespace

std::size_t InterleavedTimer::add (std::function<void()> work)
{
    works.push_back (std::move (work));
    best.push_back (1.0e9);
    return works.size() - 1;
}

void InterleavedTimer::run()
{
    for (int round = 0; round < 7; ++round)
    {
        for (std::size_t index = 0; index < works.size(); ++index)
        {
            std::size_t calls = 0;
            const auto start = Clock::now();
            auto elapsed = Clock::duration::zero();
            do
            {
                works[index]();
                ++calls;
                elapsed = Clock::now() - start;
            } while (elapsed < std::chrono::milliseconds (1));
            best[index] =
                std::min (best[index], std::chrono::duration<double> (elapsed).count() / static_cast<double> (calls));
        }
    }
}

} // namespace partita
