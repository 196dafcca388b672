// SPDX-License-Identifier: GPL-3.0-or-later
#include "InfoOptionTable.h"

#include "OptionScanner.h"
#include "UsageError.h"

#include <array>

namespace partita
{

namespace
{
const std::array<Option<InfoOptions>, 1>& rows()
{
    // Answered before parsing (see CommandLineParser): listed, never applied.
    static const std::array<Option<InfoOptions>, 1> table { {
        { { .longName = "--help", .shortName = "-h", .help = "Show this help." }, nullptr },
    } };
    return table;
}
} // namespace

std::span<const Option<InfoOptions>> infoOptionTable()
{
    return rows();
}

InfoOptions parseInfoArguments (std::span<const std::string> arguments)
{
    InfoOptions options;
    scanArguments (arguments, infoOptionTable(), "a file", options,
                   [&] (std::string_view file) { options.files.emplace_back (std::string (file)); });

    if (options.files.empty())
        throw UsageError ("no files given");
    return options;
}

} // namespace partita
