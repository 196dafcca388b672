// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandTable.h"

#include "AnalyzeCommand.h"
#include "AnalyzeHelpText.h"
#include "AnalyzeOptionTable.h"
#include "CorrelateCommand.h"
#include "CorrelateOptionTable.h"
#include "DeconvolveCommand.h"
#include "DeconvolveOptionTable.h"
#include "HelpText.h"
#include "InfoCommand.h"
#include "InfoOptionTable.h"
#include "RenderCommand.h"
#include "RenderOptionTable.h"
#include "SweepCommand.h"
#include "SweepOptionTable.h"

#include <array>

namespace partita
{

namespace
{
constexpr std::array commands {
    Command { CommandKind::render, "render", "partita render INPUT... --ir IR -o OUTPUT [options]", renderSummary,
              renderHelp,
              [] (std::span<const std::string> arguments, ParsedCommand& command)
              { command.render = parseRenderArguments (arguments); },
              [] (const ParsedCommand& command, std::ostream& out, std::ostream& err)
              { return runRenderCommand (command.render, out, err); },
              [] { return specsOf (renderOptionTable()); } },
    Command { CommandKind::info, "info", "partita info FILE...", infoSummary, infoHelp,
              [] (std::span<const std::string> arguments, ParsedCommand& command)
              { command.info = parseInfoArguments (arguments); },
              [] (const ParsedCommand& command, std::ostream& out, std::ostream& err)
              { return runInfoCommand (command.info, out, err); },
              [] { return specsOf (infoOptionTable()); } },
    Command { CommandKind::correlate, "correlate", "partita correlate A B [-o OUTPUT] [options]", correlateSummary,
              correlateHelp,
              [] (std::span<const std::string> arguments, ParsedCommand& command)
              { command.correlate = parseCorrelateArguments (arguments); },
              [] (const ParsedCommand& command, std::ostream& out, std::ostream& err)
              { return runCorrelateCommand (command.correlate, out, err); },
              [] { return specsOf (correlateOptionTable()); } },
    Command { CommandKind::sweep, "sweep", "partita sweep -o SWEEP [options]", sweepSummary, sweepHelp,
              [] (std::span<const std::string> arguments, ParsedCommand& command)
              { command.sweep = parseSweepArguments (arguments); },
              [] (const ParsedCommand& command, std::ostream& out, std::ostream& err)
              { return runSweepCommand (command.sweep, out, err); },
              [] { return specsOf (sweepOptionTable()); } },
    Command { CommandKind::deconvolve, "deconvolve", "partita deconvolve RECORDING... --sweep SWEEP -o IR [options]",
              deconvolveSummary, deconvolveHelp,
              [] (std::span<const std::string> arguments, ParsedCommand& command)
              { command.deconvolve = parseDeconvolveArguments (arguments); },
              [] (const ParsedCommand& command, std::ostream& out, std::ostream& err)
              { return runDeconvolveCommand (command.deconvolve, out, err); },
              [] { return specsOf (deconvolveOptionTable()); } },
    Command { CommandKind::analyze, "analyze",
              "partita analyze IR... [--bands octave|third] [--json|--csv] [--plot SVG]", analyzeSummary, analyzeHelp,
              [] (std::span<const std::string> arguments, ParsedCommand& command)
              { command.analyze = parseAnalyzeArguments (arguments); },
              [] (const ParsedCommand& command, std::ostream& out, std::ostream& err)
              { return runAnalyzeCommand (command.analyze, out, err); },
              [] { return specsOf (analyzeOptionTable()); } },
};
} // namespace

std::span<const Command> commandTable()
{
    return commands;
}

const Command* findCommand (std::string_view name) noexcept
{
    for (const auto& command : commands)
        if (command.name == name)
            return &command;
    return nullptr;
}

std::string commandNames()
{
    std::string names;
    for (std::size_t index = 0; index < commands.size(); ++index)
    {
        if (index > 0)
            names += index + 1 == commands.size() ? " and " : ", ";
        names.append ("'").append (commands[index].name).append ("'");
    }
    return names;
}

} // namespace partita
