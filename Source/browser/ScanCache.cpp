// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScanCache.h"

namespace partita
{

std::optional<ScannedIrFile> ScanCache::find (const std::filesystem::path& file, std::uintmax_t size,
                                              std::filesystem::file_time_type modified) const
{
    const std::scoped_lock guard (lock);
    const auto found = files.find (file.string());
    if (found == files.end() || found->second.size != size || found->second.modified != modified)
        return std::nullopt;
    return found->second;
}

void ScanCache::store (const ScannedIrFile& scanned)
{
    const std::scoped_lock guard (lock);
    if (files.size() >= maxFiles)
    {
        // No order is kept: dropping any half costs one rescan of those files.
        auto erase = files.size() / 2;
        for (auto it = files.begin(); it != files.end() && erase > 0; --erase)
            it = files.erase (it);
    }
    files[scanned.path.string()] = scanned;
}

std::size_t ScanCache::size() const
{
    const std::scoped_lock guard (lock);
    return files.size();
}

} // namespace partita
