// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchFolder.h"

#include <cerrno>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <system_error>

namespace partita
{

ScratchFolder::ScratchFolder()
{
    std::error_code error;
    auto base = std::filesystem::temp_directory_path (error);
    if (error)
        base = "/tmp";

    auto pattern = (base / "partita-XXXXXX").string();
    if (::mkdtemp (pattern.data()) == nullptr)
        throw std::runtime_error ("cannot make a temporary folder in " + base.string() + ": "
                                  + std::generic_category().message (errno));
    folder = pattern;
}

ScratchFolder::~ScratchFolder()
{
    std::error_code ignored;
    std::filesystem::remove_all (folder, ignored);
}

} // namespace partita
