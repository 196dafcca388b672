// SPDX-License-Identifier: GPL-3.0-or-later
// The man page is made from the command and option tables: every option of
// every command must be in it, and groff must read it without a warning.
#include "cli/ManPage.h"

#include "CliRunner.h"
#include "TemporaryDirectory.h"
#include "cli/CommandTable.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace partita
{
namespace
{
bool groffIsInstalled()
{
    return std::system ("command -v groff >/dev/null 2>&1") == 0;
}

/** Runs a shell command; its stdout and stderr, and whether it exited 0. */
struct ShellResult
{
    bool succeeded = false;
    std::string out;
    std::string err;
};

ShellResult runShell (const std::string& command)
{
    const test::TemporaryDirectory scratch;
    const auto outPath = scratch / "out";
    const auto errPath = scratch / "err";
    const int status = std::system ((command + " >'" + outPath.string() + "' 2>'" + errPath.string() + "'").c_str());
    return { status == 0, test::readBytes (outPath), test::readBytes (errPath) };
}
} // namespace

TEST (ManPage, EveryCommandOffersItsOptionRows)
{
    for (const auto& command : commandTable())
    {
        ASSERT_NE (command.options, nullptr) << command.name;
        EXPECT_FALSE (command.options().empty()) << command.name;
    }
}

TEST (ManPage, HasTheSectionsInOrderAndEveryOptionOfEveryCommand)
{
    const auto page = manPage();
    std::size_t position = 0;
    for (const char* section : { ".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH COMMANDS", ".SH \"EXIT STATUS\"",
                                 ".SH EXAMPLES", ".SH \"SEE ALSO\"" })
    {
        const auto found = page.find (std::string ("\n") + section + "\n", position);
        ASSERT_NE (found, std::string::npos) << section << " missing or out of order";
        position = found;
    }

    for (const auto& command : commandTable())
    {
        EXPECT_NE (page.find (".B " + troffEscaped (command.synopsis) + "\n"), std::string::npos) << command.name;
        EXPECT_NE (page.find (".TP\n.B " + troffEscaped (command.name) + "\n"), std::string::npos) << command.name;
        for (const auto* option : command.options())
            EXPECT_NE (page.find (".TP\n.B " + troffEscaped (option->helpLabel()) + "\n"), std::string::npos)
                << command.name << " " << option->longName;
    }
}

TEST (ManPage, TroffEscapesWhatTroffWouldReadAsRequestsOrEscapes)
{
    EXPECT_EQ (troffEscaped ("--mix"), "\\-\\-mix");
    EXPECT_EQ (troffEscaped ("a\\b"), "a\\eb");
    EXPECT_EQ (troffEscaped (".hidden"), "\\&.hidden");
    EXPECT_EQ (troffEscaped ("'quoted'"), "\\&'quoted'");
    EXPECT_EQ (troffEscaped ("20 \xC2\xB5s at 90\xC2\xB0"), "20 \\[u00B5]s at 90\\[u00B0]");
}

TEST (ManPage, GroffRendersItWithoutWarningsAndShowsEveryOption)
{
    if (!groffIsInstalled())
        GTEST_SKIP() << "groff is not installed";

    const test::TemporaryDirectory directory;
    test::writeBytes (directory / "partita.1", manPage());
    const auto page = (directory / "partita.1").string();

    // -ww: every warning; -z: no output, only the diagnostics.
    const auto check = runShell ("groff -man -Tutf8 -ww -z '" + page + "'");
    EXPECT_TRUE (check.succeeded);
    EXPECT_EQ (check.err, "");

    // As a reader sees it (ASCII, no hyphenation): every option label.
    const auto text = runShell ("groff -man -Tascii -rHY=0 -P-cbou '" + page + "'");
    ASSERT_TRUE (text.succeeded) << text.err;
    for (const auto& command : commandTable())
        for (const auto* option : command.options())
            EXPECT_NE (text.out.find (option->helpLabel()), std::string::npos) << option->helpLabel();
}

} // namespace partita
