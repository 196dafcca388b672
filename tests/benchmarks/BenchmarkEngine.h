// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace partita::benchmark
{

/** How the callbacks of a benchmark run arrive, which decides how a peer with
    worker threads is driven. */
enum class PeerTiming
{
    /** Back to back, as fast as the engine goes: a peer's workers are waited
        for in the callback (zita's sync mode), because callbacks far faster
        than real time would otherwise outrun them and drop their output. All
        threads' CPU is still counted in the whole-process figure. */
    unpaced,
    /** At real-time deadlines, as a host calls a plugin: workers run free and
        a late one is counted, never waited for. */
    realTime,
};

/** One stereo-in, stereo-out convolver under test (L to L and R to R through
    a stereo IR), driven one host block at a time.

    Threading: construct, process and destroy on one thread; the peers' own
    background threads are theirs to manage. */
class BenchmarkEngine
{
public:
    virtual ~BenchmarkEngine() = default;

    /** Convolves exactly one host block (the block size the engine was made
        for) of both channels. */
    virtual void process (const float* const* inputs, float* const* outputs) noexcept = 0;

    /** The latency the engine tells a host; empty when it has no way to tell. */
    [[nodiscard]] virtual std::optional<std::size_t> reportedLatency() const = 0;

    /** Callbacks whose background work was not ready in time (output wrong),
        for engines with worker threads. */
    [[nodiscard]] virtual std::size_t lateCallbacks() const noexcept { return 0; }

    /** How the engine was set up and partitions the IR, for the report. */
    [[nodiscard]] virtual std::string describeConfiguration() const = 0;
};

} // namespace partita::benchmark
