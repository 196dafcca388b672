// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EngineFactory.h"
#include "StereoSignals.h"

#include <array>
#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace partita::benchmark
{

struct CellSettings
{
    /** Audio per engine in the throughput measurement, after the warm-up. */
    double measuredSeconds = 20.0;
    double warmupSeconds = 1.0;
    /** Each engine processes this much in turn, round after round. */
    double roundSeconds = 1.0;
    /** Audio each engine processes unmeasured at the start of its turn. Its
        first callbacks after the other engines' turns and the pause between
        them run on caches the others filled and on a CPU that just woke: on
        this VM, Partita alone at 0.5 s / 1024 took 10.2 ns a sample with no
        pause between 1 s turns and 17.2 with 20 ms pauses. That cost comes
        once a turn, the same for every engine, so it counts for more in a
        fast engine's turn than in a slow one's; the paced callbacks keep
        it, as a host's would. */
    double turnLeadInSeconds = 0.1;
    /** Callbacks at real-time deadlines, after pacedWarmupSeconds of them. */
    double pacedSeconds = 3.0;
    double pacedWarmupSeconds = 0.5;
    std::vector<EngineKind> engines = allEngineKinds();
    PeerSettings peers;
};

/** An accuracy test input and its exact answer, shared by the cells of one
    IR length. */
struct AccuracyReference
{
    /** Longer than comparedFrames, so an engine with latency can be run on
        until its delayed output covers them. */
    StereoBuffer input;
    /** The first comparedFrames of input (convolved in double precision) with the IR. */
    std::array<std::vector<double>, 2> expected;
    std::size_t comparedFrames = 0;
    double peak = 0.0;
};

/** Convolves comparedFrames of noise with the IR in double precision
    (partita::convolve<double>, FFT method). */
AccuracyReference makeAccuracyReference (const StereoBuffer& ir, std::size_t comparedFrames);

struct EngineResult
{
    EngineKind kind = EngineKind::partitaNonUniform;
    std::string configuration;
    /** CPU of all the process's threads per output sample and channel. */
    double processNanosecondsPerSample = 0.0;
    /** CPU of the calling (callback) thread alone, per output sample and channel. */
    double callbackNanosecondsPerSample = 0.0;
    double measuredAudioSeconds = 0.0;
    std::size_t unpacedLateCallbacks = 0;

    /** Longest process() call at real-time pacing, in percent of the block period. */
    double worstPacedPercent = 0.0;
    double pacedP999Percent = 0.0;
    double pacedMedianPercent = 0.0;
    /** Callbacks that ended after their block period had passed. */
    std::size_t pacedOverruns = 0;
    /** Callbacks whose background work was late (zita). */
    std::size_t pacedLateCallbacks = 0;
    bool pacedAtRealTimePriority = false;

    std::optional<std::size_t> measuredLatency;
    std::optional<std::size_t> reportedLatency;
    /** Largest |output - exact| over both channels, in dB re the exact output's peak. */
    std::optional<double> maxErrorDb;
};

struct CellResult
{
    double irSeconds = 0.0;
    std::size_t irFrames = 0;
    std::size_t blockSize = 0;
    std::size_t comparedFrames = 0;
    std::vector<EngineResult> engines;
};

/** Measures every engine on one (IR, host block) cell: latency and accuracy
    on fresh instances, then CPU with the engines interleaved round by round,
    then one real-time paced run per engine.

    Threading: run() on one thread; it raises that thread to SCHED_FIFO for
    the paced runs when the system allows. */
class CellBenchmark
{
public:
    CellBenchmark (const StereoBuffer& ir, double irSeconds, const AccuracyReference& reference, std::size_t blockSize,
                   const CellSettings& settings);

    CellResult run (std::ostream& log);

private:
    /** Picks JUCE NonUniform's head for this cell: the lowest CPU over a short
        run among the block, 1024, 4096 and 16384 samples (those shorter than
        the IR). Returns a line for the report. */
    std::string chooseJuceHeadSize();
    void measureLatencyAndAccuracy (EngineResult& result) const;
    void measureThroughput (std::vector<EngineResult>& results, std::ostream& log) const;
    void measurePacedCallbacks (EngineResult& result) const;

    const StereoBuffer& ir;
    double irSeconds;
    const AccuracyReference& reference;
    std::size_t blockSize;
    const CellSettings& settings;
    /** The settings' peers, with JUCE's head chosen for this cell. */
    PeerSettings peers;
    /** One round of input for the timed runs; every engine gets the same. */
    StereoBuffer roundInput;
};

} // namespace partita::benchmark
