// SPDX-License-Identifier: GPL-3.0-or-later
#include "browser/BrowserList.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace partita
{
namespace
{
BrowserEntry factoryEntry (const std::string& name, std::size_t index, std::vector<std::string> tags = {},
                           std::string category = {})
{
    BrowserEntry entry;
    entry.source = BrowserEntry::Source::factory;
    entry.key = BrowserEntry::factoryKey (name + ".wav");
    entry.name = name;
    entry.factoryIndex = index;
    entry.tags = std::move (tags);
    entry.category = std::move (category);
    return entry;
}

ScannedIrFile scannedFile (const std::filesystem::path& root, const std::string& relative, bool readable = true)
{
    ScannedIrFile scanned;
    scanned.root = root;
    scanned.path = root / relative;
    scanned.readable = readable;
    scanned.reason = readable ? "" : "not a WAV file";
    return scanned;
}

BrowserEntry recentEntry (const std::filesystem::path& file)
{
    BrowserEntry entry;
    entry.key = BrowserEntry::fileKey (file);
    entry.name = file.stem().string();
    entry.path = file;
    return entry;
}

/** The rows as text: "# heading", "## subfolder", "name", "!name" (unreadable), "*name" (favourite). */
std::vector<std::string> describe (const BrowserList& list)
{
    std::vector<std::string> text;
    for (const auto& row : list.rows())
    {
        if (row.kind == BrowserRow::Kind::heading)
            text.push_back (std::string (row.depth == 0 ? "# " : "## ") + row.heading);
        else
        {
            std::string line;
            if (!row.entry.readable)
                line += '!';
            if (row.favourite)
                line += '*';
            line += row.entry.name;
            text.push_back (line);
        }
    }
    return text;
}

const std::filesystem::path root = "/irs/My rooms";

BrowserList exampleList()
{
    BrowserList list;
    list.setFactory ({ factoryEntry ("Large hall", 0, { "hall", "large" }, "Halls"),
                       factoryEntry ("Small room", 1, { "room" }, "Rooms"), factoryEntry ("Plate", 2, {}, "Plates") });
    list.setFolders ({ root });
    FolderScanner::Results results;
    results.startedRoots = { root };
    results.files = { scannedFile (root, "Room 10.wav"), scannedFile (root, "room 2.wav"),
                      scannedFile (root, "Halls/Large/01 front.wav"), scannedFile (root, "broken.wav", false),
                      scannedFile (root, "Room 1.wav") };
    results.finishedRoots = { root };
    list.apply (results);
    list.setRecent ({ recentEntry ("/elsewhere/Cab 4x12.wav") });
    return list;
}
} // namespace

TEST (BrowserList, LaysOutSectionsFoldersAndSubfoldersInNaturalOrder)
{
    const auto list = exampleList();
    const std::vector<std::string> expected { "# Factory", "Large hall", "Small room", "Plate",   "# My rooms",
                                              "!broken",   "Room 1",     "room 2",     "Room 10", "## Halls/Large",
                                              "01 front",  "# Recent",   "Cab 4x12" };
    EXPECT_EQ (describe (list), expected);
    EXPECT_EQ (list.entryCount(), 9u);
}

TEST (BrowserList, SearchKeepsTheEntriesWhoseNameTagsCategoryOrFolderHoldEveryWord)
{
    auto list = exampleList();
    list.setSearch ("  HALL   large ");
    EXPECT_EQ (describe (list),
               (std::vector<std::string> { "# Factory", "Large hall", "# My rooms", "## Halls/Large", "01 front" }));

    list.setSearch ("room");
    const std::vector<std::string> rooms { "# Factory", "Small room", "# My rooms", "Room 1", "room 2", "Room 10" };
    EXPECT_EQ (describe (list), rooms);

    // A tag alone, a category alone.
    list.setSearch ("plates");
    EXPECT_EQ (describe (list), (std::vector<std::string> { "# Factory", "Plate" }));

    list.setSearch ("nothing like this");
    EXPECT_TRUE (list.rows().empty());
    EXPECT_FALSE (list.step (std::nullopt, StepDirection::next).has_value());

    list.setSearch ("");
    EXPECT_EQ (list.rows().size(), 13u);
}

TEST (BrowserList, StepsSkipHeadingsAndUnreadableFilesAndWrapAround)
{
    const auto list = exampleList();
    // Rows: 0 # Factory, 1 Large hall, 2 Small room, 3 Plate, 4 # My rooms,
    // 5 !broken, 6 Room 1, 7 room 2, 8 Room 10, 9 ## Halls/Large,
    // 10 01 front, 11 # Recent, 12 Cab 4x12.
    std::vector<std::size_t> forward;
    std::optional<std::size_t> at;
    for (int i = 0; i < 9; ++i)
    {
        at = list.step (at, StepDirection::next);
        ASSERT_TRUE (at.has_value());
        forward.push_back (*at);
    }
    EXPECT_EQ (forward, (std::vector<std::size_t> { 1, 2, 3, 6, 7, 8, 10, 12, 1 }));

    std::vector<std::size_t> backward;
    at.reset();
    for (int i = 0; i < 9; ++i)
    {
        at = list.step (at, StepDirection::previous);
        ASSERT_TRUE (at.has_value());
        backward.push_back (*at);
    }
    EXPECT_EQ (backward, (std::vector<std::size_t> { 12, 10, 8, 7, 6, 3, 2, 1, 12 }));

    // From a heading or an unreadable row, to the next loadable one.
    EXPECT_EQ (list.step (4, StepDirection::next), 6u);
    EXPECT_EQ (list.step (5, StepDirection::previous), 3u);
}

TEST (BrowserList, AStepWithOneLoadableRowHasNowhereToGo)
{
    BrowserList list;
    list.setFactory ({ factoryEntry ("Only", 0) });
    EXPECT_EQ (list.step (std::nullopt, StepDirection::next), 1u);
    EXPECT_EQ (list.step (std::nullopt, StepDirection::previous), 1u);
    EXPECT_FALSE (list.step (1, StepDirection::next).has_value());
    EXPECT_FALSE (list.step (1, StepDirection::previous).has_value());
}

TEST (BrowserList, FavouritesComeFirstOnceAndAreMarkedWhereverTheyShow)
{
    auto list = exampleList();
    list.setFavourites ({ BrowserEntry::fileKey (root / "room 2.wav"), BrowserEntry::factoryKey ("Plate.wav"),
                          "file:/gone/forever.wav" });
    const auto rows = describe (list);
    const std::vector<std::string> head (rows.begin(), rows.begin() + 3);
    EXPECT_EQ (head, (std::vector<std::string> { "# Favourites", "*Plate", "*room 2" }));
    EXPECT_EQ (std::count (rows.begin(), rows.end(), "*Plate"), 2);
    EXPECT_EQ (std::count (rows.begin(), rows.end(), "*room 2"), 2);
    EXPECT_EQ (list.rowOf (BrowserEntry::factoryKey ("Plate.wav")), 1u);
}

TEST (BrowserList, AFolderRemovedTakesItsFilesAndAFolderRescannedDropsFilesGoneFromIt)
{
    auto list = exampleList();
    FolderScanner::Results rescan;
    rescan.startedRoots = { root };
    rescan.files = { scannedFile (root, "Room 1.wav") };
    rescan.finishedRoots = { root };
    list.apply (rescan);
    EXPECT_EQ (describe (list), (std::vector<std::string> { "# Factory", "Large hall", "Small room", "Plate",
                                                            "# My rooms", "Room 1", "# Recent", "Cab 4x12" }));

    list.setFolders ({});
    EXPECT_EQ (list.entryCount(), 4u);
    // A late result for a removed folder is ignored.
    list.apply (rescan);
    EXPECT_EQ (list.entryCount(), 4u);
}

TEST (BrowserList, FilesThatAreOneIrAreOneEntryAndFilesThatAreNotStaySingle)
{
    const std::filesystem::path folder = "/irs/sets";
    const auto mono = [&folder] (const std::string& name, std::size_t channels = 1, bool readable = true)
    {
        auto scanned = scannedFile (folder, name, readable);
        scanned.facts.channels = channels;
        scanned.facts.sampleRate = 48000.0;
        return scanned;
    };
    BrowserList list;
    list.setFolders ({ folder });
    FolderScanner::Results results;
    results.startedRoots = { folder };
    results.files = { mono ("hall_L.wav"), mono ("hall_R.wav"),
                      // Stereo halves are two IRs.
                      mono ("cab_L.wav", 2), mono ("cab_R.wav", 2),
                      // Four paths of one true-stereo IR.
                      mono ("plate_LL.wav"), mono ("plate_LR.wav"), mono ("plate_RL.wav"), mono ("plate_RR.wav"),
                      // One IR at three rates.
                      mono ("room_44k.wav", 2), mono ("room_48k.wav", 2), mono ("room_96k.wav", 2),
                      // An unreadable half joins nothing.
                      mono ("spring_L.wav"), mono ("spring_R.wav", 1, false) };
    results.finishedRoots = { folder };
    list.apply (results);

    std::vector<std::string> shown;
    for (const auto& row : list.rows())
        if (row.kind == BrowserRow::Kind::entry)
            shown.push_back (row.entry.name
                             + (row.entry.setDescription.empty() ? "" : " [" + row.entry.setDescription + "]") + " "
                             + std::to_string (row.entry.facts.channels));
    EXPECT_EQ (shown, (std::vector<std::string> { "cab_L 2", "cab_R 2", "hall [L+R] 2", "plate [LL+LR+RL+RR] 4",
                                                  "room [44.1/48/96 kHz] 2", "spring_L 1", "spring_R 1" }));
    EXPECT_EQ (list.entryCount(), 7u);
    const auto hall = list.rowOf (BrowserEntry::fileKey (folder / "hall_L.wav"));
    ASSERT_TRUE (hall.has_value());
    EXPECT_EQ (list.rows()[*hall].entry.setFiles.size(), 2u);
}

TEST (BrowserList, ARecentFileScannedByItselfShowsItsFactsAndKeepsThemWhenTheListChanges)
{
    auto list = exampleList();
    const std::filesystem::path cab = "/elsewhere/Cab 4x12.wav";
    FolderScanner::Results results;
    results.startedRoots = { cab };
    auto scanned = scannedFile ("/elsewhere", "Cab 4x12.wav");
    scanned.root = cab;
    scanned.facts.channels = 2;
    scanned.facts.frames = 4800;
    scanned.facts.sampleRate = 48000.0;
    results.files = { scanned };
    results.finishedRoots = { cab };
    list.apply (results);
    const auto row = list.rowOfFile (cab);
    ASSERT_TRUE (row.has_value());
    EXPECT_TRUE (list.rows()[*row].entry.hasFacts);
    EXPECT_EQ (list.rows()[*row].entry.facts.channels, 2u);
    EXPECT_EQ (list.entryCount(), 9u) << "a recent file's facts add no folder entry";

    list.setRecent ({ recentEntry ("/elsewhere/new.wav"), recentEntry (cab) });
    const auto again = list.rowOfFile (cab);
    ASSERT_TRUE (again.has_value());
    EXPECT_EQ (list.rows()[*again].entry.facts.frames, 4800u);
}

TEST (BrowserList, NaturalOrderComparesNumbersByValueAndLettersWithoutCase)
{
    EXPECT_TRUE (BrowserList::naturalLess ("Room 2", "room 10"));
    EXPECT_FALSE (BrowserList::naturalLess ("room 10", "Room 2"));
    EXPECT_TRUE (BrowserList::naturalLess ("a", "B"));
    EXPECT_TRUE (BrowserList::naturalLess ("take 007", "take 10"));
    EXPECT_TRUE (BrowserList::naturalLess ("hall", "hall 1"));
    EXPECT_FALSE (BrowserList::naturalLess ("x", "x"));
}

} // namespace partita
