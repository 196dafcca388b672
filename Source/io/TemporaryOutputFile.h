// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SndfileHandle.h"

#include <filesystem>
#include <string>

namespace partita::detail
{

/** The hidden temporary file a writer fills beside its target, so that a
    failed or interrupted write never leaves a partial file under the
    output's name. Removed on destruction unless commit() said it was moved
    into place; a name this object could not take is never removed (it
    belongs to someone else).

    Threading: one thread at a time per object. */
class TemporaryOutputFile
{
public:
    /** Chooses the name; nothing is created until create(). */
    explicit TemporaryOutputFile (const std::filesystem::path& target);
    ~TemporaryOutputFile();

    TemporaryOutputFile (const TemporaryOutputFile&) = delete;
    TemporaryOutputFile& operator= (const TemporaryOutputFile&) = delete;

    /** Creates the file ourselves: the operating system's reason ("Permission
        denied", "Read-only file system") is clearer than libsndfile's generic
        system error. On POSIX the file is opened here and libsndfile writes
        through this descriptor: opening the path itself, libsndfile would
        truncate the file just made (O_TRUNC), and on ext4 truncating marks a
        file to be written out when it is closed (auto_da_alloc), 24 MB of a
        render forced to the disk before the render can end. A name already
        taken (a crashed run with the same process id, as in containers, or
        another writer in the folder) is left alone for another. Throws
        AudioFileError naming the target. */
    void create (const std::filesystem::path& target);

    /** libsndfile writing the file, through the descriptor where there is one. */
    [[nodiscard]] SndfileHandle open (SF_INFO& info) const noexcept;

    /** 0, or the error that closing reported (a write the system deferred). */
    int closeDescriptor() noexcept;

    [[nodiscard]] const std::filesystem::path& path() const noexcept { return temporary; }

    /** The file now has the target's name: nothing to remove. */
    void commit() noexcept { committed = true; }

private:
    static constexpr int maxAttempts = 16;

    /** The process id and a count, and after a name was taken a random
        number too. */
    static std::string nextSuffix (bool random = false);

    /** A hidden name, so that a crash leaves nothing that looks like output. */
    static std::filesystem::path nameBeside (const std::filesystem::path& target, const std::string& suffix);

    std::filesystem::path temporary;
    int descriptor = -1;
    bool created = false;
    bool committed = false;
};

} // namespace partita::detail
