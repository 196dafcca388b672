// SPDX-License-Identifier: GPL-3.0-or-later
// partita_peer_benchmark: Partita, zita-convolver and JUCE's dsp::Convolution
// on the same input in one process. See --help and RESULTS.md.
#include "BenchmarkOptions.h"
#include "BenchmarkReport.h"
#include "CellBenchmark.h"
#include "JuceBenchmarkEngine.h"
#include "NullTest.h"
#include "OfflineJobFiles.h"
#include "ScopedRealTimePriority.h"
#include "ZitaBenchmarkEngine.h"

#include "io/AudioFileReader.h"

#include <ctime>
#include <exception>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace
{
using namespace partita;
using namespace partita::benchmark;

std::string shellQuoted (const std::string& argument)
{
    if (! argument.empty() && argument.find_first_not_of ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                          "0123456789-_./=,:+")
                                  == std::string::npos)
        return argument;
    std::string quoted (1, '\'');
    for (const auto character : argument)
    {
        if (character == '\'')
            quoted.append ("'\\''");
        else
            quoted.push_back (character);
    }
    quoted.push_back ('\'');
    return quoted;
}

std::string commandLine (int argc, char** argv)
{
    std::string text;
    for (int index = 0; index < argc; ++index)
    {
        if (index > 0)
            text.push_back (' ');
        text.append (shellQuoted (argv[index]));
    }
    return text;
}

std::string currentDate()
{
    const auto now = std::time (nullptr);
    std::tm local {};
    localtime_r (&now, &local);
    char text[64];
    std::strftime (text, sizeof (text), "%Y-%m-%d %H:%M:%S %Z", &local);
    return text;
}

std::string describeMachine()
{
    std::ifstream cpuInfo ("/proc/cpuinfo");
    std::string model = "unknown CPU";
    bool avx2 = false;
    bool avx512 = false;
    for (std::string line; std::getline (cpuInfo, line);)
    {
        if (line.rfind ("model name", 0) == 0 && model == "unknown CPU")
            model = line.substr (line.find (':') + 2);
        if (line.rfind ("flags", 0) == 0)
        {
            avx2 = avx2 || line.find (" avx2") != std::string::npos;
            avx512 = avx512 || line.find (" avx512f") != std::string::npos;
        }
    }
    std::ostringstream text;
    text << model << ", " << std::thread::hardware_concurrency() << " logical CPUs, AVX2 " << (avx2 ? "yes" : "no")
         << ", AVX-512F " << (avx512 ? "yes" : "no");
    return text.str();
}

std::string loadAverage()
{
    std::ifstream file ("/proc/loadavg");
    std::string one, five, fifteen;
    file >> one >> five >> fifteen;
    return file ? one + " " + five + " " + fifteen : std::string ("unknown");
}

void writeReport (const BenchmarkOptions& options, const ReportContext& context, const std::vector<CellResult>& cells)
{
    const auto report = formatMarkdownReport (context, cells);
    if (! options.output)
    {
        if (context.finished)
            std::cout << report << std::flush;
        return;
    }
    std::ofstream file (*options.output);
    file << report;
    if (! file)
        throw std::runtime_error ("could not write " + options.output->string());
}

int runBenchmark (const BenchmarkOptions& options, const std::string& command)
{
    ReportContext context;
    context.commandLine = command;
    context.date = currentDate();
    context.machine = describeMachine();
    context.loadAtStart = loadAverage();
    context.juceFft = JuceBenchmarkEngine::fftBackend();
    context.juceVersion = JuceBenchmarkEngine::libraryVersion();
    context.zitaVersion = ZitaBenchmarkEngine::libraryVersion();
    context.realTimeSchedulingPermitted = ScopedRealTimePriority::isPermitted();
    context.settings = options.cell;
    if (! context.realTimeSchedulingPermitted)
        std::cerr << "note: SCHED_FIFO refused; paced callbacks and zita's workers run under SCHED_OTHER\n";

    std::vector<CellResult> cells;
    std::uint32_t seed = 100;
    for (const auto irSeconds : options.irSeconds)
    {
        const auto ir = makeStereoDecayingIr (framesForSeconds (irSeconds), seed += 2);
        const auto comparedFrames = framesForSeconds (options.compareSeconds.value_or (irSeconds + 1.0));
        std::cerr << "IR " << irSeconds << " s: double-precision reference over " << comparedFrames << " frames\n";
        const auto reference = makeAccuracyReference (ir, comparedFrames);

        for (const auto blockSize : options.blockSizes)
        {
            std::cerr << "cell: IR " << irSeconds << " s, block " << blockSize << '\n';
            CellBenchmark cell (ir, irSeconds, reference, blockSize, options.cell);
            cells.push_back (cell.run (std::cerr));
            writeReport (options, context, cells);
        }
    }
    context.finished = true;
    context.loadAtEnd = loadAverage();
    writeReport (options, context, cells);
    return 0;
}

int runNullTest (const BenchmarkOptions& options)
{
    const auto reference = readAudioFile (options.nullTestReference);
    const auto other = readAudioFile (options.nullTestOther);
    const auto result = nullTest (reference, other, options.nullTestMaxLag);
    std::cout << "null test: " << options.nullTestOther.string() << " against " << options.nullTestReference.string()
              << ": lag " << result.lag << " frames, " << result.comparedFrames << " frames x "
              << result.comparedChannels << " channels compared, max difference " << std::setprecision (4)
              << result.maxDifferenceDb << " dB re peak; gain " << std::setprecision (7) << result.gain
              << ", after dividing by it " << std::setprecision (4) << result.maxDifferenceAfterGainDb << " dB re peak\n";
    return 0;
}
} // namespace

int main (int argc, char** argv)
{
    try
    {
        const std::vector<std::string> arguments (argv + 1, argv + argc);
        const auto options = parseBenchmarkOptions (arguments);
        switch (options.command)
        {
            case BenchmarkCommand::showHelp:
                std::cout << benchmarkUsage();
                return 0;
            case BenchmarkCommand::writeOfflineFiles:
                writeOfflineJobFiles (options.offlineFolder);
                std::cout << "wrote in.wav, ir.wav and ir_left.txt to " << options.offlineFolder.string() << '\n';
                return 0;
            case BenchmarkCommand::nullTest:
                return runNullTest (options);
            case BenchmarkCommand::runBenchmark:
                return runBenchmark (options, commandLine (argc, argv));
        }
    }
    catch (const std::invalid_argument& error)
    {
        std::cerr << "partita_peer_benchmark: " << error.what() << '\n';
        return 2;
    }
    catch (const std::exception& error)
    {
        std::cerr << "partita_peer_benchmark: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
