// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>

namespace partita
{

/** A private folder under the system's temporary folder (TMPDIR), made with
    mkdtemp (mode 0700, a name no one else holds) and removed with everything
    in it when the object goes. The command line keeps what it reads from
    standard input, and what it will send to standard output, in one: pipes
    cannot seek, and the file readers and writers need to.

    Threading: one thread at a time per object. */
class ScratchFolder
{
public:
    /** Throws std::runtime_error with a one-line message when the folder
        cannot be made. */
    ScratchFolder();
    ~ScratchFolder();
    ScratchFolder (const ScratchFolder&) = delete;
    ScratchFolder& operator= (const ScratchFolder&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const noexcept { return folder; }
    [[nodiscard]] std::filesystem::path operator/ (const std::filesystem::path& name) const { return folder / name; }

private:
    std::filesystem::path folder;
};

} // namespace partita
