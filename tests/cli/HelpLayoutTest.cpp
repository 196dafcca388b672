// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/HelpLayout.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace partita
{

TEST (HelpLayout, WrapsAtTheWidthWithoutSplittingWords)
{
    EXPECT_EQ (wrapText ("aa bb cc dd", 5, 2), "  aa bb\n  cc dd\n");
    EXPECT_EQ (wrapText ("averyveryverylongword x", 5, 0), "averyveryverylongword\nx\n");
}

TEST (HelpLayout, PutsShortLabelsBesideTheirHelpAndLongOnesAbove)
{
    const OptionSpec shortOne { .longName = "--quiet", .shortName = "-q", .section = "Options:", .help = "Quiet." };
    const OptionSpec longOne { .longName = "--a-very-long-option-name",
                               .value = OptionValue::required,
                               .valueName = "VALUE",
                               .section = "Options:",
                               .help = "First line.\nSecond line." };
    const OptionSpec required {
        .longName = "--in", .value = OptionValue::required, .valueName = "F", .section = "Required:", .help = "Input."
    };
    const std::vector<const OptionSpec*> rows { &required, &shortOne, &longOne };

    EXPECT_EQ (formatOptionSections (rows), "Required:\n"
                                            "  --in F                  Input.\n"
                                            "\n"
                                            "Options:\n"
                                            "  -q, --quiet             Quiet.\n"
                                            "  --a-very-long-option-name VALUE\n"
                                            "                          First line.\n"
                                            "                          Second line.\n");
    EXPECT_EQ (optionNameList (rows), "--in, -q/--quiet, --a-very-long-option-name");
}

TEST (HelpLayout, NoHelpLineIsWiderThan79Columns)
{
    const OptionSpec wordy { .longName = "--wordy",
                             .help = "A help text written as one long line, which the layout has to wrap for the "
                                     "reader, because nobody wrapped it by hand in the table." };
    const std::vector<const OptionSpec*> rows { &wordy };
    std::istringstream lines (formatOptionSections (rows));
    std::size_t count = 0;
    for (std::string line; std::getline (lines, line); ++count)
        EXPECT_LE (line.size(), 79u) << line;
    EXPECT_GT (count, 3u);
}

} // namespace partita
