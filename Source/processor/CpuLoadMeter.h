// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>

namespace partita
{

/** Time spent in a stretch of audio-thread work as a fraction of the real time
    the audio lasts, averaged (one pole) over about `averagingSeconds` of
    audio. The clock is std::chrono::steady_clock, a vDSO read on Linux and
    macOS: no system call, no lock.

    Threading: begin()/end() on the audio thread, load() from any thread. */
class CpuLoadMeter
{
public:
    using Clock = std::chrono::steady_clock;

    void prepare (double newSampleRate, double averagingSeconds = 0.3) noexcept
    {
        sampleRate = newSampleRate;
        averagingSamples = averagingSeconds * newSampleRate;
        average = 0.0;
        published.store (0.0f, std::memory_order_relaxed);
    }

    [[nodiscard]] static Clock::time_point begin() noexcept { return Clock::now(); }

    void end (Clock::time_point started, std::size_t numSamples) noexcept
    {
        if (numSamples == 0 || sampleRate <= 0.0)
            return;
        const double spent = std::chrono::duration<double> (Clock::now() - started).count();
        const double lasted = static_cast<double> (numSamples) / sampleRate;
        const double weight = std::min (1.0, static_cast<double> (numSamples) / averagingSamples);
        average += (spent / lasted - average) * weight;
        published.store (static_cast<float> (average), std::memory_order_relaxed);
    }

    [[nodiscard]] float load() const noexcept { return published.load (std::memory_order_relaxed); }

private:
    double sampleRate = 0.0;
    double averagingSamples = 1.0;
    double average = 0.0;
    std::atomic<float> published { 0.0f };
};

} // namespace partita
