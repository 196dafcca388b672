// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProgressBar.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unistd.h>

namespace partita
{

namespace
{
constexpr int barWidth = 40;
constexpr auto delayBeforeFirstDraw = std::chrono::milliseconds (300);
} // namespace

ProgressBar::ProgressBar (bool enabled, std::FILE* output)
    : stream (output)
    , active (enabled && output != nullptr && ::isatty (::fileno (output)) == 1)
    , start (std::chrono::steady_clock::now())
{
}

ProgressBar::~ProgressBar()
{
    finish();
}

void ProgressBar::update (double fractionDone)
{
    if (!active)
        return;

    const std::scoped_lock guard (lock);
    if (!active)
        return;

    const double fraction = std::isfinite (fractionDone) ? std::clamp (fractionDone, 0.0, 1.0) : 0.0;
    const auto percent = static_cast<int> (std::floor (fraction * 100.0));
    if (percent == lastPercent)
        return;
    if (!drawn && std::chrono::steady_clock::now() - start < delayBeforeFirstDraw)
        return;

    lastPercent = percent;
    draw (percent);
}

void ProgressBar::draw (int percent)
{
    const auto filled = static_cast<std::size_t> (percent * barWidth / 100);
    std::string line = "\rrendering [";
    line.append (filled, '#');
    line.append (static_cast<std::size_t> (barWidth) - filled, '.');
    line += "] " + std::to_string (percent) + " %";
    std::fputs (line.c_str(), stream);
    std::fflush (stream);
    drawn = true;
}

void ProgressBar::finish()
{
    const std::scoped_lock guard (lock);
    if (!active)
        return;
    active = false;
    if (drawn)
    {
        // Clear the line so the report starts on a clean one.
        std::fputs ("\r\033[K", stream);
        std::fflush (stream);
    }
}

} // namespace partita
