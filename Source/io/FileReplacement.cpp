// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileReplacement.h"

#include <cerrno>
#include <cstdio>

#if defined(__linux__)
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace partita
{
namespace
{
std::error_code portableMove (const std::filesystem::path& from, const std::filesystem::path& to,
                              OverwritePolicy overwrite)
{
    std::error_code error;
    // Not atomic: a file created between the check and the rename is replaced.
    if (overwrite == OverwritePolicy::refuse && std::filesystem::exists (std::filesystem::symlink_status (to, error)))
        return std::make_error_code (std::errc::file_exists);
    error.clear();
    std::filesystem::rename (from, to, error);
    return error;
}

#if defined(__linux__) && defined(RENAME_NOREPLACE) && defined(RENAME_EXCHANGE)
/** The file system or kernel lacks the flag (FUSE, NFS, Linux before 3.15). */
bool unsupported (int error) noexcept
{
    return error == EINVAL || error == ENOSYS || error == EOPNOTSUPP;
}

int renameWith (const std::filesystem::path& from, const std::filesystem::path& to, unsigned flags) noexcept
{
    return ::renameat2 (AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), flags) == 0 ? 0 : errno;
}

std::error_code systemError (int error)
{
    return { error, std::generic_category() };
}
#endif
} // namespace

std::error_code moveIntoPlace (const std::filesystem::path& from, const std::filesystem::path& to,
                               OverwritePolicy overwrite)
{
#if defined(__linux__) && defined(RENAME_NOREPLACE) && defined(RENAME_EXCHANGE)
    if (overwrite == OverwritePolicy::refuse)
    {
        const int error = renameWith (from, to, RENAME_NOREPLACE);
        if (error == 0)
            return {};
        if (error == EEXIST)
            return std::make_error_code (std::errc::file_exists);
        if (!unsupported (error))
            return systemError (error);
        return portableMove (from, to, overwrite);
    }

    // Only a regular file is exchanged: a link is replaced itself, as rename
    // does, and a missing target needs no exchange (and no forced write).
    struct stat target
    {
    };
    if (::lstat (to.c_str(), &target) == 0 && S_ISREG (target.st_mode))
    {
        const int error = renameWith (from, to, RENAME_EXCHANGE);
        if (error == 0)
        {
            // `from` now names the old file. Should something other than a
            // file have taken the target's name since lstat (a folder), the
            // unlink fails: the names go back and the move fails, as rename
            // over a folder does. Should they fail to go back, the new file
            // holds the name and the move has succeeded; what the target
            // named stays under `from`, which the caller must then keep.
            if (::unlink (from.c_str()) == 0)
                return {};
            const int unlinkError = errno;
            if (renameWith (from, to, RENAME_EXCHANGE) != 0)
                return {};
            return systemError (unlinkError);
        }
        if (!unsupported (error) && error != ENOENT)
            return systemError (error);
    }
#endif
    return portableMove (from, to, overwrite);
}

} // namespace partita
