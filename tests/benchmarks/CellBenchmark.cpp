// SPDX-License-Identifier: GPL-3.0-or-later
#include "CellBenchmark.h"

#include "Clocks.h"
#include "ScopedRealTimePriority.h"

#include "engine/WholeSignalConvolution.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <span>
#include <sstream>
#include <thread>

namespace partita::benchmark
{
namespace
{
/** How far the latency search looks: beyond any latency a peer here has. */
constexpr std::size_t latencySearchFrames = 16384;
/** Consecutive IR samples an impulse response must reproduce to count as found. */
constexpr std::size_t latencyMatchLength = 16;
/** Time given to a peer's workers after a round, inside its CPU window, so
    the work it started is charged to it and not to the next engine. */
constexpr auto roundSettleTime = std::chrono::milliseconds (20);

std::size_t blocksCovering (std::size_t frames, std::size_t blockSize)
{
    return (frames + blockSize - 1) / blockSize;
}

/** Runs numBlocks blocks of `input` (from frame 0) through the engine into
    `output` (both as long as numBlocks blocks). */
void processWhole (BenchmarkEngine& engine, const StereoBuffer& input, StereoBuffer& output, std::size_t blockSize,
                   std::size_t numBlocks)
{
    for (std::size_t block = 0; block < numBlocks; ++block)
    {
        const auto offset = block * blockSize;
        const float* inputs[] = { input[0].data() + offset, input[1].data() + offset };
        float* outputs[] = { output[0].data() + offset, output[1].data() + offset };
        engine.process (inputs, outputs);
    }
}

StereoBuffer padded (const StereoBuffer& signal, std::size_t frames)
{
    StereoBuffer result;
    for (std::size_t channel = 0; channel < 2; ++channel)
    {
        result[channel].assign (frames, 0.0f);
        std::copy_n (signal[channel].begin(), std::min (frames, signal[channel].size()), result[channel].begin());
    }
    return result;
}

std::optional<std::size_t> findImpulseResponse (const std::vector<float>& output, const std::vector<float>& ir)
{
    float irPeak = 0.0f;
    for (const auto sample : ir)
        irPeak = std::max (irPeak, std::abs (sample));
    const auto tolerance = 1e-4f * irPeak;
    const auto window = std::min (latencyMatchLength, ir.size());
    if (output.size() < window)
        return std::nullopt;

    for (std::size_t start = 0; start + window <= output.size(); ++start)
    {
        bool matches = true;
        for (std::size_t k = 0; k < window && matches; ++k)
            matches = std::abs (output[start + k] - ir[k]) <= tolerance;
        if (matches)
            return start;
    }
    return std::nullopt;
}

double percentile (std::vector<double> values, double fraction)
{
    if (values.empty())
        return 0.0;
    std::sort (values.begin(), values.end());
    const auto rank = std::ceil (fraction * static_cast<double> (values.size()));
    const auto index = static_cast<std::size_t> (std::max (rank, 1.0)) - 1;
    return values[std::min (index, values.size() - 1)];
}
} // namespace

AccuracyReference makeAccuracyReference (const StereoBuffer& ir, std::size_t comparedFrames)
{
    AccuracyReference reference;
    reference.comparedFrames = comparedFrames;
    // Room for the longest latency the search can find plus a block.
    reference.input = makeStereoNoise (comparedFrames + latencySearchFrames + 8192, 7001);
    for (std::size_t channel = 0; channel < 2; ++channel)
    {
        const std::vector<double> signal (reference.input[channel].begin(),
                                          reference.input[channel].begin() + static_cast<std::ptrdiff_t> (comparedFrames));
        const std::vector<double> kernel (ir[channel].begin(), ir[channel].end());
        auto full = convolve<double> (signal, kernel, ConvolutionMode::full, ConvolutionMethod::fft);
        full.resize (comparedFrames);
        for (const auto sample : full)
            reference.peak = std::max (reference.peak, std::abs (sample));
        reference.expected[channel] = std::move (full);
    }
    return reference;
}

CellBenchmark::CellBenchmark (const StereoBuffer& irToUse, double irSecondsToUse, const AccuracyReference& referenceToUse,
                              std::size_t blockSizeToUse, const CellSettings& settingsToUse)
    : ir (irToUse)
    , irSeconds (irSecondsToUse)
    , reference (referenceToUse)
    , blockSize (blockSizeToUse)
    , settings (settingsToUse)
    , peers (settingsToUse.peers)
{
    const auto roundBlocks = std::max<std::size_t> (1, framesForSeconds (settings.roundSeconds) / blockSize);
    roundInput = makeStereoNoise (roundBlocks * blockSize, 9001);
}

CellResult CellBenchmark::run (std::ostream& log)
{
    CellResult cell;
    cell.irSeconds = irSeconds;
    cell.irFrames = ir[0].size();
    cell.blockSize = blockSize;
    cell.comparedFrames = reference.comparedFrames;

    std::string juceHeadChoice;
    if (peers.juceHeadSize == 0
        && std::find (settings.engines.begin(), settings.engines.end(), EngineKind::juceNonUniform) != settings.engines.end())
    {
        log << "  JUCE NonUniform: choosing the head size\n" << std::flush;
        juceHeadChoice = chooseJuceHeadSize();
    }

    for (const auto kind : settings.engines)
    {
        EngineResult result;
        result.kind = kind;
        log << "  " << labelOf (kind) << ": latency and accuracy\n" << std::flush;
        measureLatencyAndAccuracy (result);
        if (kind == EngineKind::juceNonUniform && ! juceHeadChoice.empty())
            result.configuration += "; " + juceHeadChoice;
        cell.engines.push_back (std::move (result));
    }

    measureThroughput (cell.engines, log);

    for (auto& result : cell.engines)
    {
        log << "  " << labelOf (result.kind) << ": paced callbacks\n" << std::flush;
        measurePacedCallbacks (result);
    }
    return cell;
}

std::string CellBenchmark::chooseJuceHeadSize()
{
    const auto irFrames = ir[0].size();
    std::vector<std::size_t> candidates;
    for (const std::size_t head : { blockSize, std::size_t { 1024 }, std::size_t { 4096 }, std::size_t { 16384 } })
    {
        const auto size = std::max<std::size_t> (head, 64);
        if (size >= blockSize && (size < irFrames || candidates.empty())
            && std::find (candidates.begin(), candidates.end(), size) == candidates.end())
            candidates.push_back (size);
    }

    const auto roundBlocks = roundInput[0].size() / blockSize;
    std::vector<float> scratch (2 * blockSize);
    float* outputs[] = { scratch.data(), scratch.data() + blockSize };
    const auto warmupBlocks = blocksCovering (framesForSeconds (0.1), blockSize);
    const auto timedBlocks = blocksCovering (framesForSeconds (0.5), blockSize);

    std::ostringstream note;
    note << "head chosen from";
    double bestCost = 0.0;
    for (const auto head : candidates)
    {
        auto trial = peers;
        trial.juceHeadSize = head;
        auto engine = createEngine (EngineKind::juceNonUniform, ir, blockSize, PeerTiming::unpaced, trial);
        std::int64_t start = 0;
        for (std::size_t block = 0; block < warmupBlocks + timedBlocks; ++block)
        {
            if (block == warmupBlocks)
                start = processCpuNanoseconds();
            const auto offset = (block % roundBlocks) * blockSize;
            const float* inputs[] = { roundInput[0].data() + offset, roundInput[1].data() + offset };
            engine->process (inputs, outputs);
        }
        const auto cost = static_cast<double> (processCpuNanoseconds() - start)
                          / static_cast<double> (timedBlocks * blockSize * 2);
        note << ' ' << head << " (" << std::llround (cost) << " ns)";
        if (peers.juceHeadSize == 0 || cost < bestCost)
        {
            bestCost = cost;
            peers.juceHeadSize = head;
        }
    }
    note << " by 0.5 s of CPU each";
    return note.str();
}

void CellBenchmark::measureLatencyAndAccuracy (EngineResult& result) const
{
    {
        auto engine = createEngine (result.kind, ir, blockSize, PeerTiming::unpaced, peers);
        result.configuration = engine->describeConfiguration();
        result.reportedLatency = engine->reportedLatency();

        const auto numBlocks = blocksCovering (latencySearchFrames + latencyMatchLength, blockSize);
        const auto input = makeStereoImpulse (numBlocks * blockSize);
        StereoBuffer output = padded ({}, numBlocks * blockSize);
        processWhole (*engine, input, output, blockSize, numBlocks);

        const auto left = findImpulseResponse (output[0], ir[0]);
        const auto right = findImpulseResponse (output[1], ir[1]);
        if (left == right)
            result.measuredLatency = left;
    }

    // A fresh instance: the accuracy run starts from silence.
    auto engine = createEngine (result.kind, ir, blockSize, PeerTiming::unpaced, peers);
    const auto alignment = result.measuredLatency.value_or (result.reportedLatency.value_or (0));
    const auto numBlocks = blocksCovering (reference.comparedFrames + alignment, blockSize);
    const auto input = padded (reference.input, numBlocks * blockSize);
    StereoBuffer output = padded ({}, numBlocks * blockSize);
    processWhole (*engine, input, output, blockSize, numBlocks);

    double maxError = 0.0;
    for (std::size_t channel = 0; channel < 2; ++channel)
        for (std::size_t n = 0; n < reference.comparedFrames; ++n)
            maxError = std::max (maxError, std::abs (static_cast<double> (output[channel][alignment + n])
                                                     - reference.expected[channel][n]));
    if (reference.peak > 0.0)
        result.maxErrorDb = maxError > 0.0 ? 20.0 * std::log10 (maxError / reference.peak) : -400.0;
}

void CellBenchmark::measureThroughput (std::vector<EngineResult>& results, std::ostream& log) const
{
    std::vector<std::unique_ptr<BenchmarkEngine>> engines;
    for (const auto& result : results)
        engines.push_back (createEngine (result.kind, ir, blockSize, PeerTiming::unpaced, peers));

    const auto roundBlocks = roundInput[0].size() / blockSize;
    StereoBuffer output = padded ({}, roundInput[0].size());
    const auto runRound = [&] (BenchmarkEngine& engine, std::size_t numBlocks)
    {
        for (std::size_t block = 0; block < numBlocks; ++block)
        {
            const auto offset = (block % roundBlocks) * blockSize;
            const float* inputs[] = { roundInput[0].data() + offset, roundInput[1].data() + offset };
            float* outputs[] = { output[0].data() + offset, output[1].data() + offset };
            engine.process (inputs, outputs);
        }
    };

    const auto warmupBlocks = blocksCovering (framesForSeconds (settings.warmupSeconds), blockSize);
    for (auto& engine : engines)
        runRound (*engine, warmupBlocks);

    const auto leadInBlocks = blocksCovering (framesForSeconds (settings.turnLeadInSeconds), blockSize);
    const auto measuredBlocks = std::max<std::size_t> (1, framesForSeconds (settings.measuredSeconds) / blockSize);
    const auto numRounds = blocksCovering (measuredBlocks, roundBlocks);
    std::vector<std::int64_t> processCpu (engines.size(), 0);
    std::vector<std::int64_t> callbackCpu (engines.size(), 0);
    std::vector<std::size_t> blocksDone (engines.size(), 0);

    log << "  throughput: " << numRounds << " rounds of " << roundBlocks * blockSize << " frames, " << engines.size()
        << " engines interleaved\n"
        << std::flush;
    for (std::size_t round = 0; round < numRounds; ++round)
    {
        const auto blocksThisRound = std::min (roundBlocks, measuredBlocks - round * roundBlocks);
        // Rotate who goes first, so no engine always follows the same one.
        for (std::size_t turn = 0; turn < engines.size(); ++turn)
        {
            const auto index = (round + turn) % engines.size();
            runRound (*engines[index], leadInBlocks);
            const auto processStart = processCpuNanoseconds();
            const auto threadStart = threadCpuNanoseconds();
            runRound (*engines[index], blocksThisRound);
            const auto threadEnd = threadCpuNanoseconds();
            std::this_thread::sleep_for (roundSettleTime);
            const auto processEnd = processCpuNanoseconds();

            processCpu[index] += processEnd - processStart;
            callbackCpu[index] += threadEnd - threadStart;
            blocksDone[index] += blocksThisRound;
        }
    }

    for (std::size_t index = 0; index < engines.size(); ++index)
    {
        const auto sampleChannels = static_cast<double> (blocksDone[index] * blockSize * 2);
        results[index].processNanosecondsPerSample = static_cast<double> (processCpu[index]) / sampleChannels;
        results[index].callbackNanosecondsPerSample = static_cast<double> (callbackCpu[index]) / sampleChannels;
        results[index].measuredAudioSeconds = static_cast<double> (blocksDone[index] * blockSize) / benchmarkSampleRate;
        results[index].unpacedLateCallbacks = engines[index]->lateCallbacks();
    }
}

void CellBenchmark::measurePacedCallbacks (EngineResult& result) const
{
    auto engine = createEngine (result.kind, ir, blockSize, PeerTiming::realTime, peers);
    const ScopedRealTimePriority realTime;
    result.pacedAtRealTimePriority = realTime.isActive();

    const auto roundBlocks = roundInput[0].size() / blockSize;
    std::vector<float> scratch (2 * blockSize);
    float* outputs[] = { scratch.data(), scratch.data() + blockSize };

    const auto periodNanoseconds = static_cast<double> (blockSize) / benchmarkSampleRate * 1e9;
    const auto warmupBlocks = blocksCovering (framesForSeconds (settings.pacedWarmupSeconds), blockSize);
    const auto measuredBlocks = std::max<std::size_t> (1, blocksCovering (framesForSeconds (settings.pacedSeconds), blockSize));
    std::vector<double> durations;
    durations.reserve (measuredBlocks);

    std::size_t lateBefore = 0;
    const auto start = monotonicNanoseconds() + 1'000'000;
    for (std::size_t block = 0; block < warmupBlocks + measuredBlocks; ++block)
    {
        const auto deadline = start + std::llround (static_cast<double> (block) * periodNanoseconds);
        sleepUntil (deadline);
        const auto offset = (block % roundBlocks) * blockSize;
        const float* inputs[] = { roundInput[0].data() + offset, roundInput[1].data() + offset };

        if (block == warmupBlocks)
            lateBefore = engine->lateCallbacks();

        const auto callbackStart = monotonicNanoseconds();
        engine->process (inputs, outputs);
        const auto callbackEnd = monotonicNanoseconds();

        if (block >= warmupBlocks)
        {
            durations.push_back (static_cast<double> (callbackEnd - callbackStart));
            if (static_cast<double> (callbackEnd - deadline) > periodNanoseconds)
                ++result.pacedOverruns;
        }
    }
    result.pacedLateCallbacks = engine->lateCallbacks() - lateBefore;

    result.worstPacedPercent = 100.0 * *std::max_element (durations.begin(), durations.end()) / periodNanoseconds;
    result.pacedP999Percent = 100.0 * percentile (durations, 0.999) / periodNanoseconds;
    result.pacedMedianPercent = 100.0 * percentile (durations, 0.5) / periodNanoseconds;
}

} // namespace partita::benchmark
