// SPDX-License-Identifier: GPL-3.0-or-later
#include "OutputTarget.h"

#include "FileFailure.h"

#include <system_error>

namespace partita::detail
{
namespace
{

void checkExistingTarget (const std::filesystem::path& path, std::filesystem::file_type type, OverwritePolicy overwrite)
{
    if (type == std::filesystem::file_type::directory)
        failToWrite (path, "it is a folder");

    // symlink_status: a dangling link is still a name that refuse must not replace.
    std::error_code error;
    if (std::filesystem::exists (std::filesystem::symlink_status (path, error)))
    {
        if (overwrite == OverwritePolicy::refuse)
            failTargetExists (path);
        // Renaming over a device or fifo would replace it with a plain file.
        if (type != std::filesystem::file_type::regular && type != std::filesystem::file_type::not_found)
            failToWrite (path, "not a regular file");
    }
}

void checkTargetFolder (const std::filesystem::path& path)
{
    std::error_code error;
    const auto folder = path.parent_path().empty() ? std::filesystem::path { "." } : path.parent_path();
    const auto folderStatus = std::filesystem::status (folder, error);
    if (folderStatus.type() == std::filesystem::file_type::not_found)
        failToWrite (path, "the folder " + quoted (folder) + " does not exist");
    if (error)
        failToWrite (path, error.message());
    if (folderStatus.type() != std::filesystem::file_type::directory)
        failToWrite (path, quoted (folder) + " is not a folder");
}

} // namespace

void checkOutputTarget (const std::filesystem::path& path, OverwritePolicy overwrite)
{
    std::error_code error;
    checkExistingTarget (path, std::filesystem::status (path, error).type(), overwrite);
    checkTargetFolder (path);
}

} // namespace partita::detail
