// SPDX-License-Identifier: GPL-3.0-or-later
#include "browser/FolderScanner.h"

#include "GeneratedIrTree.h"
#include "TemporaryDirectory.h"
#include "browser/BrowserList.h"
#include "ir/ImpulseResponseReadLimits.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <map>
#include <thread>

namespace partita
{
namespace
{
using namespace std::chrono_literals;

IrFileProbe pluginProbe()
{
    return IrFileProbe (impulseResponseReadLimits (8));
}

/** Takes results until the scanner is idle, as the editor's timer does. */
FolderScanner::Results collectAll (FolderScanner& scanner)
{
    FolderScanner::Results all;
    const auto deadline = std::chrono::steady_clock::now() + 120s;
    for (;;)
    {
        // Idle first, then take: what was published before idling is in the batch.
        const bool idle = scanner.waitUntilIdle (20ms);
        auto batch = scanner.takeResults();
        all.startedRoots.insert (all.startedRoots.end(), batch.startedRoots.begin(), batch.startedRoots.end());
        std::move (batch.files.begin(), batch.files.end(), std::back_inserter (all.files));
        all.finishedRoots.insert (all.finishedRoots.end(), batch.finishedRoots.begin(), batch.finishedRoots.end());
        if (idle || std::chrono::steady_clock::now() > deadline)
            return all;
    }
}
} // namespace

TEST (FolderScanner, ListsEveryReadableFileOfAGeneratedTreeOnceAndEveryUnreadableOneWithItsReason)
{
    test::TemporaryDirectory directory;
    const test::GeneratedIrTree tree (directory / "irs", 3000);
    ASSERT_GT (tree.unreadableCount(), 25u);

    FolderScanner scanner (pluginProbe(), nullptr);
    scanner.scan ({ tree.root() });
    const auto results = collectAll (scanner);

    EXPECT_EQ (results.startedRoots, std::vector<std::filesystem::path> { tree.root() });
    EXPECT_EQ (results.finishedRoots, std::vector<std::filesystem::path> { tree.root() });
    std::map<std::filesystem::path, int> seen;
    for (const auto& scanned : results.files)
    {
        ++seen[scanned.path];
        EXPECT_EQ (scanned.root, tree.root());
        const auto written = tree.files().find (scanned.path);
        ASSERT_NE (written, tree.files().end()) << "not an IR that was written: " << scanned.path;
        EXPECT_EQ (scanned.readable, written->second.readable) << scanned.path << ": " << scanned.reason;
        if (written->second.readable)
        {
            EXPECT_TRUE (scanned.reason.empty());
            EXPECT_EQ (scanned.facts.channels, written->second.channels);
            EXPECT_EQ (scanned.facts.sampleRate, written->second.sampleRate);
            EXPECT_EQ (scanned.facts.frames, written->second.frames);
        }
        else
        {
            // The reader's one line, naming the file.
            EXPECT_FALSE (scanned.reason.empty()) << scanned.path;
            EXPECT_NE (scanned.reason.find (scanned.path.filename().string()), std::string::npos) << scanned.reason;
        }
    }
    EXPECT_EQ (seen.size(), tree.files().size());
    for (const auto& [path, count] : seen)
        EXPECT_EQ (count, 1) << path;

    // The list shows them all, with a heading per subfolder.
    BrowserList list;
    list.setFolders ({ tree.root() });
    list.apply (results);
    EXPECT_EQ (list.entryCount(), tree.files().size());
    std::size_t entries = 0;
    std::size_t unreadable = 0;
    std::size_t subfolders = 0;
    for (const auto& row : list.rows())
    {
        entries += row.kind == BrowserRow::Kind::entry ? 1 : 0;
        unreadable += row.kind == BrowserRow::Kind::entry && !row.entry.readable ? 1 : 0;
        subfolders += row.kind == BrowserRow::Kind::heading && row.depth == 1 ? 1 : 0;
    }
    EXPECT_EQ (entries, tree.files().size());
    EXPECT_EQ (unreadable, tree.unreadableCount());
    EXPECT_EQ (subfolders, 3000u / 50u); // bank<k>/set<j>, 50 files each
}

TEST (FolderScanner, CancellingMidScanStopsSoonAndTheNextScanListsEverything)
{
    test::TemporaryDirectory directory;
    const test::GeneratedIrTree tree (directory / "irs", 3000);

    FolderScanner scanner (pluginProbe(), nullptr);
    scanner.scan ({ tree.root() });
    // Wait for the first batch: the scan is under way.
    FolderScanner::Results first;
    for (int i = 0; i < 2000 && first.files.empty(); ++i)
    {
        std::this_thread::sleep_for (1ms);
        first = scanner.takeResults();
    }
    ASSERT_FALSE (first.files.empty());
    scanner.cancel();
    ASSERT_TRUE (scanner.waitUntilIdle (5s));
    EXPECT_FALSE (scanner.isScanning());
    const auto rest = scanner.takeResults();
    EXPECT_TRUE (rest.finishedRoots.empty()) << "a cancelled folder is not reported as scanned to the end";
    const auto partial = first.files.size() + rest.files.size();
    EXPECT_LT (partial, tree.files().size());

    // The list keeps what a cancelled scan found, drops nothing, and a
    // second scan completes it, each file once.
    BrowserList list;
    list.setFolders ({ tree.root() });
    list.apply (first);
    list.apply (rest);
    EXPECT_EQ (list.entryCount(), partial);

    scanner.scan ({ tree.root() });
    list.apply (collectAll (scanner));
    EXPECT_EQ (list.entryCount(), tree.files().size());
}

TEST (FolderScanner, AFolderThatDoesNotExistIsListedWithTheReason)
{
    test::TemporaryDirectory directory;
    FolderScanner scanner (pluginProbe(), nullptr);
    const auto missing = directory / "unplugged drive";
    scanner.scan ({ missing });
    const auto results = collectAll (scanner);
    ASSERT_EQ (results.files.size(), 1u);
    EXPECT_FALSE (results.files[0].readable);
    EXPECT_NE (results.files[0].reason.find ("does not exist"), std::string::npos) << results.files[0].reason;
}

TEST (FolderScanner, ARescanTakesUnchangedFilesFromTheCacheAndSeesChangedAndRemovedOnes)
{
    test::TemporaryDirectory directory;
    const test::GeneratedIrTree tree (directory / "irs", 120);
    auto cache = std::make_shared<ScanCache>();
    BrowserList list;
    list.setFolders ({ tree.root() });
    {
        FolderScanner scanner (pluginProbe(), cache);
        scanner.scan ({ tree.root() });
        list.apply (collectAll (scanner));
    }
    EXPECT_EQ (cache->size(), tree.files().size());
    EXPECT_EQ (list.entryCount(), tree.files().size());

    // One file removed, one rewritten with another length (its size changes).
    const auto removed = tree.files().begin()->first;
    std::filesystem::remove (removed);
    const auto changed = std::next (tree.files().begin(), 5)->first;
    ASSERT_TRUE (std::next (tree.files().begin(), 5)->second.readable);
    {
        std::ofstream (changed, std::ios::binary) << "no longer audio";
    }

    FolderScanner scanner (pluginProbe(), cache);
    scanner.scan ({ tree.root() });
    list.apply (collectAll (scanner));
    EXPECT_EQ (list.entryCount(), tree.files().size() - 1);
    EXPECT_FALSE (list.rowOf (BrowserEntry::fileKey (removed)).has_value());
    const auto row = list.rowOf (BrowserEntry::fileKey (changed));
    ASSERT_TRUE (row.has_value());
    EXPECT_FALSE (list.rows()[*row].entry.readable);
}

} // namespace partita
