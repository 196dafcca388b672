// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BrowserEntry.h"
#include "BrowserSearch.h"
#include "FolderScanner.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace partita
{

/** One line of the browser: a heading (a section, a folder or a subfolder)
    or an IR. */
struct BrowserRow
{
    enum class Kind
    {
        heading,
        entry,
    };

    Kind kind = Kind::entry;
    BrowserSection section = BrowserSection::folder;
    /** The heading's text ("Factory", a folder's name, "Halls/Large"). */
    std::string heading;
    /** 0 for a section or a folder, 1 for a subfolder. */
    int depth = 0;
    /** Kind::entry only. */
    BrowserEntry entry;
    bool favourite = false;

    [[nodiscard]] bool isLoadable() const noexcept { return kind == Kind::entry && entry.readable; }
};

/** Which way a step goes. */
enum class StepDirection
{
    previous,
    next,
};

/** The browser's list: the factory IRs, the user's folders (what their
    scans found, subfolder by subfolder), the recent files and the
    favourites among them, filtered by the search and laid out as rows with
    headings; and the step order through them.

    - Sections in this order: Favourites (when there are any), Factory, each
      folder in the order the user added them, Recent. Recent comes last
      because loading an IR moves it to the top of the recent list: stepping
      through a folder must not shift the rows above it.
    - In a folder, files that are one IR (a left/right pair, a true-stereo
      quad, the same IR at several rates: ir/IrFileGrouping's rules) are one
      entry, named without their tags; files that cannot be read are kept
      out of sets. Entries sort by subfolder, then by name, in any case and
      with numbers by value ("Room 2" before "Room 10"); each subfolder has
      a heading.
    - A file that cannot be read stays in the list with its reason.
    - Stepping goes to the previous or next loadable row (an IR that can be
      read), skipping headings and unreadable files, and wraps around at the
      ends; with nothing selected, next goes to the first and previous to
      the last.

    Threading: a value, for one thread at a time (the message thread). */
class BrowserList
{
public:
    void setFactory (std::vector<BrowserEntry> entries);
    void setRecent (std::vector<BrowserEntry> entries);
    /** The user's folders, in order; a folder no longer listed drops its
        entries. */
    void setFolders (const std::vector<std::filesystem::path>& roots);
    void setFavourites (std::set<std::string> keys);
    void setSearch (const std::string& text);

    /** What a scanner found: files replace earlier results for the same
        path; a folder scanned to the end drops what it no longer holds. A
        file scanned by itself (its root is the file) gives its facts to the
        recent entry of that path. */
    void apply (const FolderScanner::Results& results);

    [[nodiscard]] const std::vector<BrowserRow>& rows() const;
    /** Every entry of the list's sections (factory, folders, recent),
        before the search. */
    [[nodiscard]] std::size_t entryCount() const;

    /** The row the step lands on, or none when no row is loadable (or the
        only loadable row is `from` itself). */
    [[nodiscard]] std::optional<std::size_t> step (std::optional<std::size_t> from, StepDirection direction) const;

    /** The first row showing the IR with this key. */
    [[nodiscard]] std::optional<std::size_t> rowOf (const std::string& key) const;
    /** The first row whose IR is or holds this file (a set's files too). */
    [[nodiscard]] std::optional<std::size_t> rowOfFile (const std::filesystem::path& file) const;

    /** Goes up on every change of the rows, for a view to know when to
        redraw. */
    [[nodiscard]] std::uint64_t version() const noexcept { return changes; }

    /** Orders names as the folder rows do: case-insensitive, numbers by
        value. */
    [[nodiscard]] static bool naturalLess (const std::string& a, const std::string& b);

private:
    struct FolderFile
    {
        BrowserEntry entry;
        /** The scan of its folder that last found it. */
        std::uint64_t scan = 0;
    };
    /** The files of one directory: grouping (sets) never crosses
        directories, so a batch regroups only the directories it touched. */
    struct Subfolder
    {
        std::map<std::string, FolderFile> files;
        /** The files as the user chooses from them: sets as one entry,
            sorted by name; rebuilt when the files change. */
        std::vector<BrowserEntry> entries;
        /** BrowserEntry::location of its files. */
        std::string location;
        bool regroup = true;
    };
    struct Folder
    {
        /** By the directory's path. */
        std::map<std::string, Subfolder> subfolders;
        std::uint64_t scan = 0;
        /** The subfolders in the order shown (by location); rebuilt when
            one comes or goes. */
        std::vector<Subfolder*> ordered;
        bool reorder = true;
    };

    /** Subfolder::entries from Subfolder::files. */
    static void group (Subfolder& subfolder);
    /** The folder's entries in the order shown, grouping what changed. */
    static void collect (Folder& folder, std::vector<const BrowserEntry*>& entries);

    void changed();
    void rebuild() const;

    std::vector<BrowserEntry> factory;
    std::vector<BrowserEntry> recent;
    /** Facts of recent files scanned by themselves, by key: kept across
        setRecent (the list is set anew whenever it changes). */
    std::map<std::string, ScannedIrFile> recentFacts;
    void applyRecentFacts();
    std::vector<std::filesystem::path> roots;
    mutable std::map<std::filesystem::path, Folder> folders;
    std::set<std::string> favourites;
    BrowserSearch search;
    std::uint64_t changes = 0;

    mutable bool dirty = true;
    mutable std::vector<BrowserRow> laidOut;
};

} // namespace partita
