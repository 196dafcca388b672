// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace partita
{

/** Times several kinds of work in turns: seven rounds, each giving every
    work one trial that repeats it until about a millisecond has passed; a
    work's figure is its best trial. A busy spell on a shared machine then
    slows every figure alike, or none, instead of inflating the few timed
    during it, which made processes choose different plans (docs/engine.md,
    "The cost model"). About 0.15 s in all.

    Threading: one thread; used by CostModel while it measures. */
class InterleavedTimer
{
public:
    /** Adds a work to time; returns the index of its figure. */
    std::size_t add (std::function<void()> work);

    /** Times every work in turns; then secondsPerCall() holds the figures. */
    void run();

    /** The best trial's seconds per call of the work with this index. */
    [[nodiscard]] double secondsPerCall (std::size_t index) const { return best[index]; }

private:
    std::vector<std::function<void()>> works;
    std::vector<double> best;
};

} // namespace partita
