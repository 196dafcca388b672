// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AnalyzeOptions.h"
#include "CorrelateOptions.h"
#include "DeconvolveOptions.h"
#include "InfoOptions.h"
#include "OptionSpec.h"
#include "RenderOptions.h"
#include "SweepOptions.h"

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace partita
{

enum class CommandKind
{
    help,
    version,
    render,
    info,
    correlate,
    sweep,
    deconvolve,
    analyze,
};

struct Command;

/** A command line understood: which command, and its options. Only the member
    for `kind` is meaningful. */
struct ParsedCommand
{
    CommandKind kind = CommandKind::help;
    /** For kind help: the command whose help was asked for, or nothing for
        the general help. */
    const Command* helpTopic = nullptr;
    RenderOptions render;
    InfoOptions info;
    CorrelateOptions correlate;
    SweepOptions sweep;
    DeconvolveOptions deconvolve;
    AnalyzeOptions analyze;
};

/** A subcommand of `partita`: a row of the command table (CommandTable.h),
    from which the top-level parser, the general help and the "see
    'partita X --help'" hints come. Adding a command is a row, its options
    member in ParsedCommand and its own files. */
struct Command
{
    CommandKind kind;
    std::string_view name;
    /** Its usage line in the general help: "partita info FILE...". */
    std::string_view synopsis;
    /** Its paragraph in the general help, unwrapped. */
    std::string (*summary)();
    /** Its own --help. */
    std::string (*help)();
    /** Fills its member of ParsedCommand from the arguments after its name;
        throws UsageError. */
    void (*parse) (std::span<const std::string> arguments, ParsedCommand& command);
    /** Runs it and returns the exit status (see runApplication). */
    int (*run) (const ParsedCommand& command, std::ostream& out, std::ostream& err);
    /** Its option rows: the man page and the shell completions are made
        from them (ManPage.h, ShellCompletions.h), as its help is. */
    std::vector<const OptionSpec*> (*options)();
};

} // namespace partita
