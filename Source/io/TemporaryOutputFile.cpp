// SPDX-License-Identifier: GPL-3.0-or-later
#include "TemporaryOutputFile.h"

#include "FileFailure.h"

#include <atomic>
#include <cerrno>
#include <fstream>
#include <random>
#include <system_error>
#include <utility>

#if defined(_WIN32)
#include <process.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace partita::detail
{

TemporaryOutputFile::TemporaryOutputFile (const std::filesystem::path& target)
    : temporary (nameBeside (target, nextSuffix()))
{
}

TemporaryOutputFile::~TemporaryOutputFile()
{
    closeDescriptor();
    // Only a file this object made: a name it could not take belongs to
    // someone else.
    if (created && !committed)
    {
        std::error_code ignored;
        std::filesystem::remove (temporary, ignored);
    }
}

void TemporaryOutputFile::create (const std::filesystem::path& target)
{
    errno = 0;
#if defined(_WIN32)
    std::ofstream create (temporary, std::ios::binary | std::ios::trunc);
    created = static_cast<bool> (create);
#else
    for (int attempt = 0; attempt < maxAttempts; ++attempt)
    {
        if (attempt > 0)
            temporary = nameBeside (target, nextSuffix (true));
        descriptor = ::open (temporary.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (descriptor >= 0 || errno != EEXIST)
            break;
    }
    created = descriptor >= 0;
#endif
    if (!created)
    {
        const int reason = errno;
        failToWrite (target, reason != 0 ? std::generic_category().message (reason)
                                         : std::string { "the folder is not writable" });
    }
}

SndfileHandle TemporaryOutputFile::open (SF_INFO& info) const noexcept
{
    if (descriptor >= 0)
        return SndfileHandle { sf_open_fd (descriptor, SFM_WRITE, &info, SF_FALSE) };
    return openSndfile (temporary, SFM_WRITE, info);
}

int TemporaryOutputFile::closeDescriptor() noexcept
{
#if !defined(_WIN32)
    if (descriptor >= 0 && ::close (std::exchange (descriptor, -1)) != 0)
        return errno;
#endif
    return 0;
}

std::string TemporaryOutputFile::nextSuffix (bool random)
{
    static std::atomic<unsigned> counter { 0 };
#if defined(_WIN32)
    const auto processId = _getpid();
#else
    const auto processId = ::getpid();
#endif
    auto suffix = std::to_string (processId) + '-' + std::to_string (counter++);
    if (random)
    {
        suffix += '-';
        suffix += std::to_string (std::random_device {}());
    }
    return suffix;
}

std::filesystem::path TemporaryOutputFile::nameBeside (const std::filesystem::path& target, const std::string& suffix)
{
    // Built by appending: GCC 12 warns falsely (-Wrestrict, bug 105651)
    // about "." + std::string.
    std::string name (1, '.');
    name += target.filename().string();
    name += ".partial-";
    name += suffix;
    return target.parent_path() / name;
}

} // namespace partita::detail
