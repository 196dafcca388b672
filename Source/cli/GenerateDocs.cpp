// SPDX-License-Identifier: GPL-3.0-or-later
// partita_docs: writes the man page or a shell completion script, made from
// the same command and option tables as `partita --help`. Run by the build
// (Source/cli/CMakeLists.txt): partita_docs man|bash|zsh OUTPUT_FILE
#include "ManPage.h"
#include "ShellCompletions.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>

int main (int argc, char* argv[])
{
    if (argc != 3)
    {
        std::fputs ("usage: partita_docs man|bash|zsh OUTPUT_FILE\n", stderr);
        return 2;
    }
    const std::string_view kind = argv[1];
    std::string text;
    if (kind == "man")
        text = partita::manPage();
    else if (kind == "bash")
        text = partita::bashCompletion();
    else if (kind == "zsh")
        text = partita::zshCompletion();
    else
    {
        std::fprintf (stderr, "partita_docs: unknown kind '%s'; man, bash or zsh\n", argv[1]);
        return 2;
    }

    std::ofstream file (argv[2], std::ios::binary | std::ios::trunc);
    file << text;
    file.close();
    if (!file)
    {
        std::fprintf (stderr, "partita_docs: cannot write %s\n", argv[2]);
        return 1;
    }
    return 0;
}
