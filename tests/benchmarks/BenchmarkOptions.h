// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CellBenchmark.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace partita::benchmark
{

enum class BenchmarkCommand
{
    runBenchmark,
    writeOfflineFiles,
    nullTest,
    showHelp,
};

struct BenchmarkOptions
{
    BenchmarkCommand command = BenchmarkCommand::runBenchmark;
    std::vector<double> irSeconds { 0.5, 2.0, 8.0 };
    std::vector<std::size_t> blockSizes { 32, 64, 256, 1024 };
    CellSettings cell;
    /** Seconds of output compared with the exact convolution; empty: the IR
        length plus one second, so the whole IR is exercised. */
    std::optional<double> compareSeconds;
    /** Where the markdown goes; empty: stdout. */
    std::optional<std::filesystem::path> output;

    std::filesystem::path offlineFolder;
    std::filesystem::path nullTestReference;
    std::filesystem::path nullTestOther;
    std::size_t nullTestMaxLag = 16384;
};

/** Parses the arguments after the program name. Throws std::invalid_argument
    with a one-line message for an unknown option, a missing or malformed
    value, or a value out of range. */
BenchmarkOptions parseBenchmarkOptions (std::span<const std::string> arguments);

std::string_view benchmarkUsage() noexcept;

} // namespace partita::benchmark
