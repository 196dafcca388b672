// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CellBenchmark.h"

#include <string>
#include <vector>

namespace partita::benchmark
{

/** What the report says about the run itself. */
struct ReportContext
{
    std::string commandLine;
    std::string date;
    std::string machine;
    std::string juceFft;
    std::string juceVersion;
    std::string zitaVersion;
    /** /proc/loadavg's 1, 5 and 15 minute figures: other work on the machine. */
    std::string loadAtStart;
    std::string loadAtEnd;
    bool realTimeSchedulingPermitted = false;
    CellSettings settings;
    bool finished = false;
};

/** The run as markdown: a summary of whole-process CPU with each engine's
    ratio to Partita non-uniform, every figure per engine and cell, and how
    each engine was set up. */
std::string formatMarkdownReport (const ReportContext& context, const std::vector<CellResult>& cells);

} // namespace partita::benchmark
