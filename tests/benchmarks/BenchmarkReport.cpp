// SPDX-License-Identifier: GPL-3.0-or-later
#include "BenchmarkReport.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <sstream>

namespace partita::benchmark
{
namespace
{
std::string fixed (double value, int decimals)
{
    char text[64];
    std::snprintf (text, sizeof (text), "%.*f", decimals, value);
    return text;
}

std::string formatSeconds (double seconds)
{
    std::ostringstream text;
    text << seconds;
    return text.str();
}

const EngineResult* findEngine (const CellResult& cell, EngineKind kind)
{
    const auto found = std::find_if (cell.engines.begin(), cell.engines.end(),
                                     [kind] (const EngineResult& result) { return result.kind == kind; });
    return found == cell.engines.end() ? nullptr : &*found;
}

std::string formatLatency (const EngineResult& result)
{
    std::string text = result.measuredLatency ? std::to_string (*result.measuredLatency) : "not found";
    text += " (";
    text += result.reportedLatency ? std::to_string (*result.reportedLatency) : "-";
    text += ")";
    if (result.measuredLatency && result.reportedLatency && *result.measuredLatency != *result.reportedLatency)
        text += " MISMATCH";
    return text;
}

std::string formatError (const EngineResult& result)
{
    if (! result.maxErrorDb)
        return "-";
    return *result.maxErrorDb <= -399.0 ? "exact" : fixed (*result.maxErrorDb, 1);
}

void writeSummary (std::ostringstream& out, const CellSettings& settings, const std::vector<CellResult>& cells)
{
    out << "## Whole-process CPU, ns per output sample and channel (ratio to Partita non-uniform)\n\n"
        << "Ratios are engine / Partita non-uniform: above 1 means Partita non-uniform is faster. "
        << "The last column is the fastest peer (zita or JUCE) over Partita non-uniform.\n\n";
    out << "| IR | block |";
    for (const auto kind : settings.engines)
        out << ' ' << labelOf (kind) << " |";
    out << " fastest peer / Partita NU |\n|---|---|";
    for (std::size_t index = 0; index < settings.engines.size(); ++index)
        out << "---|";
    out << "---|\n";

    for (const auto& cell : cells)
    {
        const auto* partita = findEngine (cell, EngineKind::partitaNonUniform);
        out << "| " << formatSeconds (cell.irSeconds) << " s | " << cell.blockSize << " |";
        double fastestPeer = std::numeric_limits<double>::infinity();
        for (const auto kind : settings.engines)
        {
            const auto* result = findEngine (cell, kind);
            if (result == nullptr)
            {
                out << " - |";
                continue;
            }
            out << ' ' << fixed (result->processNanosecondsPerSample, 1);
            if (partita != nullptr && kind != EngineKind::partitaNonUniform)
                out << " (x" << fixed (result->processNanosecondsPerSample / partita->processNanosecondsPerSample, 2) << ')';
            out << " |";
            if (kind == EngineKind::zita || kind == EngineKind::juceUniform || kind == EngineKind::juceNonUniform)
                fastestPeer = std::min (fastestPeer, result->processNanosecondsPerSample);
        }
        if (partita != nullptr && fastestPeer < std::numeric_limits<double>::infinity())
            out << " x" << fixed (fastestPeer / partita->processNanosecondsPerSample, 2) << " |\n";
        else
            out << " - |\n";
    }
    out << '\n';
}

void writeDetails (std::ostringstream& out, const std::vector<CellResult>& cells)
{
    out << "## Every figure\n\n"
        << "- process: CPU time of all threads of the process (CLOCK_PROCESS_CPUTIME_ID, so zita's worker threads "
           "count) per output sample and channel; callback: CPU time of the calling thread alone "
           "(CLOCK_THREAD_CPUTIME_ID).\n"
        << "- paced: callbacks at real-time deadlines (sleep until each block is due), wall time of each process() "
           "call in percent of the block period: worst, 99.9th percentile and median; overruns: callbacks that "
           "ended after their period; late: callbacks in which zita's workers were not done (its output is then "
           "wrong).\n"
        << "- latency: measured (an impulse in, the first sample from which 16 consecutive output samples equal "
           "the IR's first 16 within 1e-4 of its peak) and, in parentheses, what the engine reports to a host (zita has no "
           "latency query: -).\n"
        << "- error: the largest |output - exact| over both channels, after aligning by the measured latency, "
           "in dB re the exact output's peak; exact = the input convolved in double precision (FFT, about "
           "-290 dB accurate).\n\n";
    out << "| IR | block | engine | process ns | callback ns | x Partita NU | paced worst % | paced p99.9 % | "
           "paced median % | overruns | late | latency (reported) | error dB re peak |\n"
        << "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    for (const auto& cell : cells)
    {
        const auto* partita = findEngine (cell, EngineKind::partitaNonUniform);
        for (const auto& result : cell.engines)
        {
            out << "| " << formatSeconds (cell.irSeconds) << " s | " << cell.blockSize << " | " << labelOf (result.kind)
                << " | " << fixed (result.processNanosecondsPerSample, 1) << " | "
                << fixed (result.callbackNanosecondsPerSample, 1) << " | "
                << (partita != nullptr ? fixed (result.processNanosecondsPerSample / partita->processNanosecondsPerSample, 2)
                                       : std::string ("-"))
                << " | " << fixed (result.worstPacedPercent, 1) << " | " << fixed (result.pacedP999Percent, 1) << " | "
                << fixed (result.pacedMedianPercent, 1) << " | " << result.pacedOverruns << " | "
                << result.pacedLateCallbacks + result.unpacedLateCallbacks << " | " << formatLatency (result) << " | "
                << formatError (result) << " |\n";
        }
    }
    out << '\n';
}

void writeConfigurations (std::ostringstream& out, const std::vector<CellResult>& cells)
{
    out << "## How each engine was set up\n\n";
    for (const auto& cell : cells)
    {
        out << "- IR " << formatSeconds (cell.irSeconds) << " s (" << cell.irFrames << " frames), block "
            << cell.blockSize << ", error compared over " << cell.comparedFrames << " frames:\n";
        for (const auto& result : cell.engines)
            out << "  - " << labelOf (result.kind) << ": " << result.configuration << '\n';
    }
    out << '\n';
}
} // namespace

std::string formatMarkdownReport (const ReportContext& context, const std::vector<CellResult>& cells)
{
    std::ostringstream out;
    out << "# Partita peer benchmark\n\n"
        << "Command: `" << context.commandLine << "`\n\n"
        << "- date: " << context.date << (context.finished ? "" : " (incomplete: still running or stopped)") << '\n'
        << "- machine: " << context.machine << '\n'
        << "- load average (1, 5, 15 min) at the start: " << context.loadAtStart
        << (context.loadAtEnd.empty() ? std::string() : ", at the end: " + context.loadAtEnd) << '\n'
        << "- " << context.juceVersion << ", FFT: " << context.juceFft << '\n'
        << "- zita-convolver " << context.zitaVersion << '\n'
        << "- workload: 48 kHz stereo white noise, stereo exponentially decaying noise IR (-60 dB at its end), "
           "L to L and R to R\n"
        << "- per engine and cell: " << formatSeconds (context.settings.measuredSeconds) << " s of audio after "
        << formatSeconds (context.settings.warmupSeconds) << " s of warm-up, in rounds of "
        << formatSeconds (context.settings.roundSeconds) << " s with the engines interleaved (the first engine rotates), "
        << formatSeconds (context.settings.turnLeadInSeconds) << " s unmeasured at the start of each turn; "
        << formatSeconds (context.settings.pacedSeconds) << " s of paced callbacks\n"
        << "- paced callbacks and zita's workers under "
        << (context.realTimeSchedulingPermitted ? "SCHED_FIFO (callback priority 80, zita's workers below)"
                                                 : "SCHED_OTHER (SCHED_FIFO was refused)")
        << "\n\n";
    writeSummary (out, context.settings, cells);
    writeDetails (out, cells);
    writeConfigurations (out, cells);
    return out.str();
}

} // namespace partita::benchmark
