// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "IrFileProbe.h"
#include "ScanCache.h"
#include "ScannedIrFile.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace partita
{

/** Scans the user's IR folders, subfolders included, on its own thread: each
    file with an audio extension is probed (IrFileProbe) or taken from the
    cache when its size and time have not changed; files of other kinds are
    not IRs and are passed over. A folder that cannot be listed, and a root
    that does not exist, are reported as unreadable entries with the reason,
    like a file that cannot be read.

    One thread, one job: the job is a queue of folders, scanned one after
    the other. The results are collected and published in batches (every 64
    files or 50 ms) for the message thread to take when it polls
    (takeResults), so a folder of thousands of files costs the message thread
    one short lock per poll. Symbolic links to folders are not followed (a
    link to a parent would never end).

    Threading: scan(), cancel(), takeResults() and the queries from one
    thread (the message thread), the work on the scanner's own. The
    destructor cancels and joins. */
class FolderScanner
{
public:
    /** What the thread found since the last takeResults(). */
    struct Results
    {
        /** Folders whose scan began: what the list held under them and is not
            found again by their end has gone from the disk. */
        std::vector<std::filesystem::path> startedRoots;
        std::vector<ScannedIrFile> files;
        /** Folders scanned to the end (not cancelled), after their files. */
        std::vector<std::filesystem::path> finishedRoots;

        [[nodiscard]] bool empty() const noexcept
        {
            return startedRoots.empty() && files.empty() && finishedRoots.empty();
        }
    };

    FolderScanner (IrFileProbe probe, std::shared_ptr<ScanCache> cache);
    ~FolderScanner();
    FolderScanner (const FolderScanner&) = delete;
    FolderScanner& operator= (const FolderScanner&) = delete;

    /** Queues the folders behind those queued (a folder already queued or
        being scanned is not queued twice). A root that is a file is probed
        by itself (the recent files' facts). */
    void scan (const std::vector<std::filesystem::path>& roots);

    /** Stops the folder being scanned at the next file and forgets the
        queue; what was found so far stays to be taken. */
    void cancel();

    [[nodiscard]] Results takeResults();

    /** Whether a folder is being scanned or waits. */
    [[nodiscard]] bool isScanning() const;
    /** Files handled since construction, for a progress line. */
    [[nodiscard]] std::size_t filesScanned() const noexcept { return scannedCount.load(); }

    /** Waits until the queue is empty and no folder is being scanned. */
    bool waitUntilIdle (std::chrono::milliseconds timeout);

    static constexpr std::size_t filesPerBatch = 64;
    static constexpr std::chrono::milliseconds batchInterval { 50 };

private:
    void run();
    /** False when cancelled or stopping before the end. */
    bool scanRoot (const std::filesystem::path& root, std::uint64_t generation);
    [[nodiscard]] ScannedIrFile scanFile (const std::filesystem::path& file, const std::filesystem::path& root) const;
    void publish (std::vector<ScannedIrFile>& files);
    [[nodiscard]] bool stillWanted (std::uint64_t generation) const noexcept;

    IrFileProbe probe;
    std::shared_ptr<ScanCache> cache;

    mutable std::mutex lock;
    std::condition_variable wake;
    std::condition_variable becameIdle;
    std::deque<std::filesystem::path> queue;
    std::optional<std::filesystem::path> current;
    Results outgoing;
    bool stopping = false;
    std::atomic<std::uint64_t> cancelGeneration { 0 };
    std::atomic<std::size_t> scannedCount { 0 };
    /** Last: started when everything it uses exists. */
    std::thread worker;
};

} // namespace partita
