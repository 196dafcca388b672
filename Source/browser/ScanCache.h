// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ScannedIrFile.h"

#include <cstddef>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace partita
{

/** What earlier scans found, by path, valid while the file keeps its size and
    modification time: a rescan of a folder (the editor reopened, a folder
    added again) reads only the files that changed. Shared by every scanner
    of the process (the plugin's instances and editors), so it is locked.

    Threading: any thread; every call takes the lock briefly. */
class ScanCache
{
public:
    /** The file's earlier result, if its size and time are still these. */
    [[nodiscard]] std::optional<ScannedIrFile> find (const std::filesystem::path& file, std::uintmax_t size,
                                                     std::filesystem::file_time_type modified) const;
    void store (const ScannedIrFile& scanned);
    [[nodiscard]] std::size_t size() const;

    /** Beyond this many files half of them are dropped (no folder of
        reasonable size comes near it; a cap keeps the memory bounded). */
    static constexpr std::size_t maxFiles = 200000;

private:
    mutable std::mutex lock;
    std::unordered_map<std::string, ScannedIrFile> files;
};

} // namespace partita
