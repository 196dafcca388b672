// SPDX-License-Identifier: GPL-3.0-or-later
#include "FolderScanner.h"

#include <algorithm>
#include <system_error>
#include <utility>

namespace partita
{

FolderScanner::FolderScanner (IrFileProbe fileProbe, std::shared_ptr<ScanCache> scanCache)
    : probe (fileProbe)
    , cache (scanCache != nullptr ? std::move (scanCache) : std::make_shared<ScanCache>())
    , worker ([this] { run(); })
{
}

FolderScanner::~FolderScanner()
{
    {
        const std::scoped_lock guard (lock);
        stopping = true;
        queue.clear();
        ++cancelGeneration;
    }
    wake.notify_all();
    worker.join();
}

void FolderScanner::scan (const std::vector<std::filesystem::path>& roots)
{
    {
        const std::scoped_lock guard (lock);
        for (const auto& root : roots)
        {
            const bool queued = std::find (queue.begin(), queue.end(), root) != queue.end();
            if (!queued && current != root)
                queue.push_back (root);
        }
    }
    wake.notify_all();
}

void FolderScanner::cancel()
{
    const std::scoped_lock guard (lock);
    queue.clear();
    ++cancelGeneration;
}

FolderScanner::Results FolderScanner::takeResults()
{
    const std::scoped_lock guard (lock);
    return std::exchange (outgoing, {});
}

bool FolderScanner::isScanning() const
{
    const std::scoped_lock guard (lock);
    return current.has_value() || !queue.empty();
}

bool FolderScanner::waitUntilIdle (std::chrono::milliseconds timeout)
{
    std::unique_lock guard (lock);
    return becameIdle.wait_for (guard, timeout, [this] { return !current.has_value() && queue.empty(); });
}

bool FolderScanner::stillWanted (std::uint64_t generation) const noexcept
{
    return cancelGeneration.load() == generation;
}

void FolderScanner::run()
{
    std::unique_lock guard (lock);
    for (;;)
    {
        wake.wait (guard, [this] { return stopping || !queue.empty(); });
        if (stopping)
            return;
        const auto root = queue.front();
        queue.pop_front();
        current = root;
        const auto generation = cancelGeneration.load();
        outgoing.startedRoots.push_back (root);
        guard.unlock();

        const bool completed = scanRoot (root, generation);

        guard.lock();
        if (completed)
            outgoing.finishedRoots.push_back (root);
        current.reset();
        if (queue.empty())
            becameIdle.notify_all();
    }
}

ScannedIrFile FolderScanner::scanFile (const std::filesystem::path& file, const std::filesystem::path& root) const
{
    std::error_code error;
    const auto size = std::filesystem::file_size (file, error);
    const auto modified = std::filesystem::last_write_time (file, error);
    if (!error)
    {
        if (auto cached = cache->find (file, size, modified))
        {
            cached->root = root;
            return *cached;
        }
    }
    auto scanned = probe.probe (file);
    scanned.root = root;
    cache->store (scanned);
    return scanned;
}

void FolderScanner::publish (std::vector<ScannedIrFile>& files)
{
    if (files.empty())
        return;
    const std::scoped_lock guard (lock);
    std::move (files.begin(), files.end(), std::back_inserter (outgoing.files));
    files.clear();
}

bool FolderScanner::scanRoot (const std::filesystem::path& root, std::uint64_t generation)
{
    std::vector<ScannedIrFile> found;
    auto lastPublished = std::chrono::steady_clock::now();
    const auto add = [&] (ScannedIrFile scanned)
    {
        found.push_back (std::move (scanned));
        ++scannedCount;
        const auto now = std::chrono::steady_clock::now();
        if (found.size() >= filesPerBatch || now - lastPublished >= batchInterval)
        {
            publish (found);
            lastPublished = now;
        }
    };
    const auto unreadable = [&root] (const std::filesystem::path& path, std::string reason)
    {
        ScannedIrFile scanned;
        scanned.path = path;
        scanned.root = root;
        scanned.reason = std::move (reason);
        return scanned;
    };

    std::error_code error;
    // A single file asked for by itself (a recent file): its facts only.
    if (std::filesystem::is_regular_file (root, error))
    {
        add (scanFile (root, root));
        publish (found);
        return true;
    }
    if (!std::filesystem::is_directory (root, error))
    {
        const bool missing = !error || error == std::errc::no_such_file_or_directory;
        add (unreadable (root, missing ? std::string ("the folder does not exist (moved, renamed or on a drive "
                                                      "that is not connected)")
                                       : "the folder cannot be read: " + error.message()));
        publish (found);
        return true;
    }

    // Depth first, one folder's listing at a time: memory stays that of the
    // deepest path, whatever the tree's size.
    std::vector<std::filesystem::path> folders { root };
    while (!folders.empty())
    {
        const auto folder = std::move (folders.back());
        folders.pop_back();
        std::filesystem::directory_iterator listing (folder, error);
        if (error)
        {
            add (unreadable (folder, "the folder cannot be read: " + error.message()));
            continue;
        }
        for (const auto end = std::filesystem::directory_iterator(); !error && listing != end;
             listing.increment (error))
        {
            if (!stillWanted (generation))
            {
                publish (found);
                return false;
            }
            const auto& item = *listing;
            std::error_code itemError;
            if (item.is_directory (itemError) && !item.is_symlink (itemError))
                folders.push_back (item.path());
            else if (IrFileProbe::hasAudioExtension (item.path()))
                add (scanFile (item.path(), root));
        }
        if (error)
            add (unreadable (folder, "the folder could not be read to the end: " + error.message()));
    }
    publish (found);
    return stillWanted (generation);
}

} // namespace partita
