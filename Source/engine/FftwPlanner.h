// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <initializer_list>
#include <mutex>
#include <string_view>

namespace partita
{

/** How much time FFTW may spend choosing an algorithm when a plan is made. */
enum class FftPlanning
{
    /** Heuristic: instant, for one-off transforms of large or unusual sizes. */
    estimate,
    /** Times candidate algorithms: slower to plan, faster to run; FFTW
        remembers the result for the rest of the process. */
    measure,
    /** Heuristic like estimate, and saved with the wisdom like measure, so
        that the next process takes the plan from there instead of searching
        again: for the large transforms of offline renders, whose search
        takes tens of milliseconds at every start (docs/engine.md). It is the plan
        the search found, so the results are those of estimate. */
    estimateRemembered,
};

/** What every class that makes FFTW plans shares (RealFft, SplitRealFft):
    one lock, the flags for each FftPlanning, and the wisdom file that makes
    a second start fast. FFTW's header stays out of this one. */
namespace fftwPlanner
{
/** FFTW's planner and plan destruction share global state, so every
    thread in the process makes and destroys plans under this one lock.
    The first lock imports the plans remembered by earlier runs
    ($PARTITA_FFTW_WISDOM, "off" to disable; else the user's cache
    folder) and caps a measured search at one second. */
[[nodiscard]] std::unique_lock<std::mutex> lock();

/** FFTW's planner flags for a planning mode. */
[[nodiscard]] unsigned flags (FftPlanning planning) noexcept;

/** Whether plans made this way are saved for the next start. */
[[nodiscard]] bool remembers (FftPlanning planning) noexcept;

/** Saves FFTW's single-precision wisdom; call with lock() held, after
    making plans it did not know. Written to a temporary file and renamed,
    so that concurrent processes never read half a file. A failure is
    harmless: the next start measures again. */
void saveWisdom();

/** Where the wisdom is kept: $PARTITA_FFTW_WISDOM (none if "off"), else
    $XDG_CACHE_HOME/partita/fftw3f.wisdom, else ~/.cache/partita/; empty
    when there is nowhere. The cost model keeps its figures beside it. */
[[nodiscard]] std::filesystem::path wisdomPath();

/** Writes `text` to `file` through a temporary file and a rename, so that
    concurrent processes never read half a file; creates the folder. A
    failure leaves the old file (or none) and is harmless to the caller. */
void replaceFile (const std::filesystem::path& file, std::string_view text);

/** FFTW_WISDOM_ONLY: make a plan only if the wisdom has it. */
[[nodiscard]] unsigned wisdomOnly() noexcept;

/** Makes a transform's forward and inverse plans under the lock, each from
    the remembered plans if they have it and by planning otherwise, and saves
    the wisdom if anything new was planned in a mode that remembers and
    `saveable` (only single precision's wisdom is kept). make (flags) returns
    FFTW's plan, or null when it cannot. */
template <typename Plan, typename MakeForward, typename MakeInverse>
void makePlans (FftPlanning planning, bool saveable, MakeForward&& makeForward, MakeInverse&& makeInverse,
                Plan& forward, Plan& inverse)
{
    const auto held = lock();
    const auto planningFlags = flags (planning);
    forward = makeForward (planningFlags | wisdomOnly());
    inverse = makeInverse (planningFlags | wisdomOnly());
    const bool remembered = forward != nullptr && inverse != nullptr;
    if (forward == nullptr)
        forward = makeForward (planningFlags);
    if (inverse == nullptr)
        inverse = makeInverse (planningFlags);
    if (!remembered && saveable && remembers (planning))
        saveWisdom();
}

/** Destroys both plans (those not null) under the lock and nulls them. */
template <typename Plan, typename Destroy>
void destroyPlans (Plan& forward, Plan& inverse, Destroy&& destroy)
{
    const auto held = lock();
    for (Plan* plan : { &forward, &inverse })
    {
        if (*plan != nullptr)
            destroy (*plan);
        *plan = nullptr;
    }
}
} // namespace fftwPlanner

} // namespace partita
