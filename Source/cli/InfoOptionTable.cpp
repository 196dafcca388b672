// SPDX-License-Identifier: GPL-3.0-or-later
#include "InfoOptionTable.h"

#include "OptionScanner.h"
#include "StandardStreams.h"
#include "UsageError.h"

#include <algorithm>
#include <array>

namespace partita
{

namespace
{
const std::array<Option<InfoOptions>, 2>& rows()
{
    static const std::array<Option<InfoOptions>, 2> table { {
        { { .longName = "--json",
            .help = "Print JSON for scripts: one object per file, an\n"
                    "array of them for several files (see docs/cli.md)." },
          [] (InfoOptions& o, const OptionSpec&, std::string_view) { o.json = true; } },
        // Answered before parsing (see CommandLineParser): listed, never applied.
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
    if (std::count_if (options.files.begin(), options.files.end(), namesStandardStream) > 1)
        throw UsageError ("standard input ('-') can be read only once");
    return options;
}

} // namespace partita
