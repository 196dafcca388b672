// SPDX-License-Identifier: GPL-3.0-or-later
#include "BenchmarkOptions.h"

#include <charconv>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace partita::benchmark
{
namespace
{
double parseSeconds (const std::string& option, const std::string& text, bool zeroAllowed)
{
    std::size_t used = 0;
    double value = 0.0;
    try
    {
        value = std::stod (text, &used);
    }
    catch (const std::exception&)
    {
        used = 0;
    }
    if (used != text.size() || !std::isfinite (value) || value < 0.0 || (value == 0.0 && !zeroAllowed))
        throw std::invalid_argument (option + " needs a " + (zeroAllowed ? "non-negative" : "positive")
                                     + " number of seconds, not '" + text + "'");
    return value;
}

double parsePositiveSeconds (const std::string& option, const std::string& text)
{
    return parseSeconds (option, text, false);
}

std::size_t parseCount (const std::string& option, const std::string& text)
{
    std::size_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [position, error] = std::from_chars (text.data(), end, value);
    if (error != std::errc() || position != end)
        throw std::invalid_argument (option + " needs a whole number, not '" + text + "'");
    return value;
}

std::vector<std::string> splitList (const std::string& text)
{
    std::vector<std::string> items;
    std::istringstream stream (text);
    for (std::string item; std::getline (stream, item, ',');)
        items.push_back (item);
    return items;
}

bool isPowerOfTwo (std::size_t value)
{
    return value != 0 && (value & (value - 1)) == 0;
}

EngineKind parseEngine (const std::string& name)
{
    if (name == "partita-nonuniform")
        return EngineKind::partitaNonUniform;
    if (name == "partita-uniform")
        return EngineKind::partitaUniform;
    if (name == "partita-any-cut")
        return EngineKind::partitaAnyCut;
    if (name == "zita")
        return EngineKind::zita;
    if (name == "juce-uniform")
        return EngineKind::juceUniform;
    if (name == "juce-nonuniform")
        return EngineKind::juceNonUniform;
    throw std::invalid_argument (
        "--engines: unknown engine '" + name
        + "' (partita-nonuniform, partita-uniform, partita-any-cut, zita, juce-uniform, juce-nonuniform)");
}
} // namespace

BenchmarkOptions parseBenchmarkOptions (std::span<const std::string> arguments)
{
    BenchmarkOptions options;
    for (std::size_t index = 0; index < arguments.size(); ++index)
    {
        const auto& option = arguments[index];
        const auto value = [&]() -> const std::string&
        {
            if (index + 1 >= arguments.size())
                throw std::invalid_argument (option + " needs a value");
            return arguments[++index];
        };

        if (option == "-h" || option == "--help")
            options.command = BenchmarkCommand::showHelp;
        else if (option == "--seconds")
            options.cell.measuredSeconds = parsePositiveSeconds (option, value());
        else if (option == "--warmup-seconds")
            options.cell.warmupSeconds = parsePositiveSeconds (option, value());
        else if (option == "--round-seconds")
            options.cell.roundSeconds = parsePositiveSeconds (option, value());
        else if (option == "--turn-lead-in-seconds")
            options.cell.turnLeadInSeconds = parseSeconds (option, value(), true);
        else if (option == "--paced-seconds")
            options.cell.pacedSeconds = parsePositiveSeconds (option, value());
        else if (option == "--compare-seconds")
            options.compareSeconds = parsePositiveSeconds (option, value());
        else if (option == "--ir-lengths")
        {
            options.irSeconds.clear();
            for (const auto& item : splitList (value()))
                options.irSeconds.push_back (parsePositiveSeconds (option, item));
        }
        else if (option == "--blocks")
        {
            options.blockSizes.clear();
            for (const auto& item : splitList (value()))
            {
                const auto block = parseCount (option, item);
                if (!isPowerOfTwo (block) || block < 16 || block > 8192)
                    throw std::invalid_argument ("--blocks: " + item + " is not a power of two from 16 to 8192");
                options.blockSizes.push_back (block);
            }
        }
        else if (option == "--engines")
        {
            options.cell.engines.clear();
            for (const auto& item : splitList (value()))
                options.cell.engines.push_back (parseEngine (item));
        }
        else if (option == "--zita-maxpart")
        {
            const auto size = parseCount (option, value());
            if (!isPowerOfTwo (size) || size < 64 || size > 8192)
                throw std::invalid_argument ("--zita-maxpart must be a power of two from 64 to 8192");
            options.cell.peers.zita.maxPartition = size;
        }
        else if (option == "--zita-scalar")
            options.cell.peers.zita.vectorMode = false;
        else if (option == "--juce-head")
            options.cell.peers.juceHeadSize = parseCount (option, value());
        else if (option == "-o" || option == "--output")
            options.output = value();
        else if (option == "--write-offline-files")
        {
            options.command = BenchmarkCommand::writeOfflineFiles;
            options.offlineFolder = value();
        }
        else if (option == "--null-test")
        {
            options.command = BenchmarkCommand::nullTest;
            options.nullTestReference = value();
            options.nullTestOther = value();
        }
        else if (option == "--max-lag")
            options.nullTestMaxLag = parseCount (option, value());
        else
            throw std::invalid_argument ("unknown option '" + option + "' (see --help)");
    }

    if (options.irSeconds.empty() || options.blockSizes.empty() || options.cell.engines.empty())
        throw std::invalid_argument ("--ir-lengths, --blocks and --engines need at least one item each");
    return options;
}

std::string_view benchmarkUsage() noexcept
{
    return R"(partita_peer_benchmark - Partita against zita-convolver and JUCE, same process, same input

Usage:
  partita_peer_benchmark [options]                    run the benchmark matrix
  partita_peer_benchmark --write-offline-files DIR    write the offline job's files
  partita_peer_benchmark --null-test A.wav B.wav [--max-lag N]
                                                      max |A - B| in dB re A's peak,
                                                      B shifted by the best lag
                                                      within +-N frames (16384)

Workload: 48 kHz stereo white noise through a stereo exponentially decaying
noise IR (L to L, R to R). Per cell (IR length, host block): CPU of the whole
process and of the callback thread per output sample and channel, with the
engines interleaved round by round; the worst callback at real-time pacing;
latency (measured with an impulse, and as reported); the largest error
against a double-precision FFT reference, in dB re peak.

Options:
  --seconds S             Audio per engine and cell for the CPU figures, after
                          the warm-up. Default 20.
  --warmup-seconds S      Default 1.
  --round-seconds S       Each engine's turn in a round. Default 1.
  --turn-lead-in-seconds S
                          Audio each engine processes unmeasured at the start
                          of its turn, after the pause that ends the others'
                          (cold caches, a CPU just woken). Default 0.1; 0
                          measures those callbacks too.
  --paced-seconds S       Real-time paced callbacks per engine and cell (after
                          0.5 s not counted). Default 3.
  --compare-seconds S     Output compared with the reference. Default: the IR
                          length plus 1 s.
  --ir-lengths LIST       IR lengths in seconds. Default 0.5,2,8.
  --blocks LIST           Host blocks (powers of two). Default 32,64,256,1024.
  --engines LIST          Any of partita-nonuniform, partita-uniform, partita-any-cut, zita,
                          juce-uniform, juce-nonuniform. Default all.
  --zita-maxpart N        zita's largest partition (64..8192). Default 8192.
  --zita-scalar           zita without OPT_VECTOR_MODE.
  --juce-head N           JUCE NonUniform's head size. Default: per cell, the
                          cheapest of the block, 1024, 4096 and 16384 by a
                          short CPU measurement.
  -o, --output FILE       Write the markdown there (rewritten after every
                          cell). Default: stdout.
  -h, --help              Show this help.
)";
}

} // namespace partita::benchmark
