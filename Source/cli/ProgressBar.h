// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>

namespace partita
{

/** A one-line progress bar, 0 to 100 %, redrawn in place on stderr.

    Drawn only when enabled and stderr is a terminal, so logs and pipes stay
    clean; and only once the work has run for a moment, so short renders do
    not flicker. finish() removes the line before any report is printed.

    Threading: update() from any thread (serialised by a lock). */
class ProgressBar
{
public:
    /** enabled: false for --quiet. The terminal check is made here. */
    explicit ProgressBar (bool enabled, std::FILE* stream = stderr);
    ~ProgressBar();
    ProgressBar (const ProgressBar&) = delete;
    ProgressBar& operator= (const ProgressBar&) = delete;

    void update (double fractionDone);
    void finish();

    [[nodiscard]] bool isActive() const noexcept { return active.load(); }

private:
    void draw (int percent);

    std::FILE* stream;
    std::atomic<bool> active;
    bool drawn = false;
    int lastPercent = -1;
    std::chrono::steady_clock::time_point start;
    std::mutex lock;
};

} // namespace partita
