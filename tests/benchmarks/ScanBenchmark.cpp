// SPDX-License-Identifier: GPL-3.0-or-later
// partita_scan_benchmark: how long the IR browser's folder scan takes on a
// generated tree of small IR files (tests/browser/GeneratedIrTree), cold (every
// file probed: header, decode, reverberation time) and warm (every file from
// the scan cache), and how long the message thread holds the results lock.
// A program, not a test: it reports times, it does not judge them.
//
//   partita_scan_benchmark [--files N] [--rounds R]
#include "GeneratedIrTree.h"
#include "TemporaryDirectory.h"
#include "browser/BrowserList.h"
#include "browser/FolderScanner.h"
#include "ir/ImpulseResponseReadLimits.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace
{
using Clock = std::chrono::steady_clock;

double milliseconds (Clock::duration duration)
{
    return std::chrono::duration<double, std::milli> (duration).count();
}

struct Round
{
    double scanMs = 0.0;
    std::size_t files = 0;
    std::size_t batches = 0;
    double longestTakeMs = 0.0;
    double longestApplyMs = 0.0;
    /** Of which laying out the rows (grouping, sorting). */
    double longestRowsMs = 0.0;
    double relayoutMs = 0.0;
};

/** Scans the tree as the editor does: polls takeResults() every 100 ms and
    applies the batch to a list (the message thread's share of the work). */
Round scanOnce (const std::filesystem::path& root, const std::shared_ptr<partita::ScanCache>& cache)
{
    Round round;
    partita::BrowserList list;
    list.setFolders ({ root });
    const auto start = Clock::now();
    partita::FolderScanner scanner (partita::IrFileProbe (partita::impulseResponseReadLimits (8)), cache);
    scanner.scan ({ root });
    for (bool idle = false; !idle;)
    {
        idle = scanner.waitUntilIdle (std::chrono::milliseconds (100));
        const auto takeStart = Clock::now();
        auto results = scanner.takeResults();
        const auto applyStart = Clock::now();
        list.apply (results);
        const auto rowsStart = Clock::now();
        (void)list.rows();
        const auto applyEnd = Clock::now();
        round.longestRowsMs = std::max (round.longestRowsMs, milliseconds (applyEnd - rowsStart));
        round.longestTakeMs = std::max (round.longestTakeMs, milliseconds (applyStart - takeStart));
        round.longestApplyMs = std::max (round.longestApplyMs, milliseconds (applyEnd - applyStart));
        round.batches += results.empty() ? 0u : 1u;
    }
    round.scanMs = milliseconds (Clock::now() - start);
    round.files = list.entryCount();
    // The rows laid out again with nothing regrouped (a search typed).
    const auto relayoutStart = Clock::now();
    list.setSearch ("ir");
    (void)list.rows();
    round.relayoutMs = milliseconds (Clock::now() - relayoutStart);
    return round;
}
} // namespace

int main (int argc, char** argv)
{
    std::size_t fileCount = 5000;
    int rounds = 3;
    for (int i = 1; i + 1 < argc; i += 2)
    {
        if (std::strcmp (argv[i], "--files") == 0)
            fileCount = static_cast<std::size_t> (std::strtoul (argv[i + 1], nullptr, 10));
        else if (std::strcmp (argv[i], "--rounds") == 0)
            rounds = std::max (1, std::atoi (argv[i + 1]));
        else
        {
            std::fprintf (stderr, "usage: partita_scan_benchmark [--files N] [--rounds R]\n");
            return 2;
        }
    }

    partita::test::TemporaryDirectory directory;
    const auto generateStart = Clock::now();
    const partita::test::GeneratedIrTree tree (directory / "irs", fileCount);
    std::printf ("Generated %zu IR files (%zu unreadable) in %zu folders in %.0f ms\n", tree.files().size(),
                 tree.unreadableCount(), (fileCount + 49) / 50, milliseconds (Clock::now() - generateStart));

    for (int r = 0; r < rounds; ++r)
    {
        auto cache = std::make_shared<partita::ScanCache>();
        const auto cold = scanOnce (tree.root(), cache);
        const auto warm = scanOnce (tree.root(), cache);
        std::printf ("round %d: cold scan %zu entries in %.0f ms (%.1f us per file, %zu batches; message thread: "
                     "take %.3f ms, apply %.1f ms at most, of which rows %.1f ms; a search over them %.1f ms); warm "
                     "(cached) scan %.0f ms\n",
                     r + 1, cold.files, cold.scanMs, 1000.0 * cold.scanMs / static_cast<double> (fileCount),
                     cold.batches, cold.longestTakeMs, cold.longestApplyMs, cold.longestRowsMs, cold.relayoutMs,
                     warm.scanMs);
    }
    return 0;
}
