// SPDX-License-Identifier: GPL-3.0-or-later
#include "BrowserList.h"

#include "ir/IrFileGrouping.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <unordered_map>
#include <utility>

namespace partita
{
namespace
{
bool isDigit (char c)
{
    return c >= '0' && c <= '9';
}

char lower (char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char> (c - 'A' + 'a') : c;
}

std::string folderName (const std::filesystem::path& root)
{
    auto name = root.filename().string();
    if (name.empty())
        name = root.parent_path().filename().string();
    return name.empty() ? root.string() : name;
}

BrowserRow headingRow (BrowserSection section, std::string text, int depth = 0)
{
    BrowserRow row;
    row.kind = BrowserRow::Kind::heading;
    row.section = section;
    row.heading = std::move (text);
    row.depth = depth;
    return row;
}
} // namespace

bool BrowserList::naturalLess (const std::string& a, const std::string& b)
{
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size())
    {
        if (isDigit (a[i]) && isDigit (b[j]))
        {
            // Compare the runs of digits by value: skip leading zeros, then
            // the longer run is the larger number, else the first digit that
            // differs decides.
            auto endA = i;
            auto endB = j;
            while (endA < a.size() && isDigit (a[endA]))
                ++endA;
            while (endB < b.size() && isDigit (b[endB]))
                ++endB;
            auto startA = i;
            auto startB = j;
            while (startA + 1 < endA && a[startA] == '0')
                ++startA;
            while (startB + 1 < endB && b[startB] == '0')
                ++startB;
            if (endA - startA != endB - startB)
                return endA - startA < endB - startB;
            const auto numberA = a.substr (startA, endA - startA);
            const auto numberB = b.substr (startB, endB - startB);
            if (numberA != numberB)
                return numberA < numberB;
            i = endA;
            j = endB;
            continue;
        }
        const auto ca = lower (a[i]);
        const auto cb = lower (b[j]);
        if (ca != cb)
            return static_cast<unsigned char> (ca) < static_cast<unsigned char> (cb);
        ++i;
        ++j;
    }
    if (a.size() - i != b.size() - j)
        return a.size() - i < b.size() - j;
    // Equal but for case (or zeros): any fixed order, so the sort is stable across rebuilds.
    return a < b;
}

void BrowserList::changed()
{
    dirty = true;
    ++changes;
}

void BrowserList::setFactory (std::vector<BrowserEntry> entries)
{
    factory = std::move (entries);
    changed();
}

void BrowserList::setRecent (std::vector<BrowserEntry> entries)
{
    recent = std::move (entries);
    applyRecentFacts();
    changed();
}

void BrowserList::applyRecentFacts()
{
    for (auto& entry : recent)
    {
        const auto found = recentFacts.find (entry.key);
        if (found == recentFacts.end())
            continue;
        entry.readable = found->second.readable;
        entry.reason = found->second.reason;
        entry.hasFacts = found->second.readable;
        entry.facts = found->second.facts;
    }
}

void BrowserList::setFolders (const std::vector<std::filesystem::path>& newRoots)
{
    roots = newRoots;
    std::erase_if (folders, [this] (const auto& folder)
                   { return std::find (roots.begin(), roots.end(), folder.first) == roots.end(); });
    changed();
}

void BrowserList::setFavourites (std::set<std::string> keys)
{
    favourites = std::move (keys);
    changed();
}

void BrowserList::setSearch (const std::string& text)
{
    search = BrowserSearch (text);
    changed();
}

void BrowserList::apply (const FolderScanner::Results& results)
{
    if (results.empty())
        return;
    const auto known = [this] (const std::filesystem::path& root)
    { return std::find (roots.begin(), roots.end(), root) != roots.end(); };

    for (const auto& root : results.startedRoots)
        if (known (root))
            ++folders[root].scan;
    bool recentChanged = false;
    for (const auto& scanned : results.files)
    {
        if (scanned.root == scanned.path && !known (scanned.root))
        {
            recentFacts[BrowserEntry::fileKey (scanned.path)] = scanned;
            recentChanged = true;
            continue;
        }
        if (!known (scanned.root))
            continue; // removed while it was being scanned
        auto& folder = folders[scanned.root];
        auto entry = BrowserEntry::fromScanned (scanned);
        auto key = entry.key;
        auto [place, isNew] = folder.subfolders.try_emplace (scanned.path.parent_path().native());
        auto& subfolder = place->second;
        if (isNew)
        {
            subfolder.location = entry.location;
            folder.reorder = true;
        }
        subfolder.files[key] = FolderFile { std::move (entry), folder.scan };
        subfolder.regroup = true;
    }
    if (recentChanged)
        applyRecentFacts();
    for (const auto& root : results.finishedRoots)
    {
        if (!known (root))
            continue;
        auto& folder = folders[root];
        for (auto& [path, subfolder] : folder.subfolders)
            if (std::erase_if (subfolder.files, [&folder] (const auto& file) { return file.second.scan < folder.scan; })
                > 0)
                subfolder.regroup = true;
        if (std::erase_if (folder.subfolders, [] (const auto& subfolder) { return subfolder.second.files.empty(); })
            > 0)
            folder.reorder = true;
    }
    changed();
}

std::size_t BrowserList::entryCount() const
{
    auto count = factory.size() + recent.size();
    std::vector<const BrowserEntry*> entries;
    for (auto& folder : folders)
    {
        entries.clear();
        collect (folder.second, entries);
        count += entries.size();
    }
    return count;
}

void BrowserList::collect (Folder& folder, std::vector<const BrowserEntry*>& entries)
{
    if (folder.reorder)
    {
        folder.reorder = false;
        folder.ordered.clear();
        for (auto& subfolder : folder.subfolders)
            folder.ordered.push_back (&subfolder.second);
        std::sort (folder.ordered.begin(), folder.ordered.end(),
                   [] (const Subfolder* a, const Subfolder* b) { return naturalLess (a->location, b->location); });
    }
    for (auto* subfolder : folder.ordered)
    {
        if (subfolder->regroup)
            group (*subfolder);
        for (const auto& entry : subfolder->entries)
            entries.push_back (&entry);
    }
}

void BrowserList::group (Subfolder& folder)
{
    folder.regroup = false;
    folder.entries.clear();

    // Readable files are grouped by name, with the channel counts the scan
    // read (a pair of stereo files is two IRs); unreadable ones stay single.
    std::vector<std::filesystem::path> readable;
    std::unordered_map<std::string, const BrowserEntry*> byPath;
    for (const auto& file : folder.files)
    {
        if (file.second.entry.readable && file.second.entry.root != file.second.entry.path)
        {
            readable.push_back (file.second.entry.path);
            byPath[file.second.entry.path.native()] = &file.second.entry;
        }
        else
        {
            folder.entries.push_back (file.second.entry);
        }
    }
    const auto channels = [&byPath] (const std::filesystem::path& file) -> std::optional<std::size_t>
    {
        const auto found = byPath.find (file.native());
        if (found == byPath.end())
            return std::nullopt;
        return found->second->facts.channels;
    };
    for (const auto& set : groupIrFiles (readable, channels))
    {
        const auto& first = set.variants.front().files.front();
        if (!set.isSet())
        {
            folder.entries.push_back (*byPath.at (first.native()));
            continue;
        }
        // The facts of the highest rate's first file, the channels of the
        // combination (each half or path is mono).
        const auto& shown = set.variants.back();
        auto entry = *byPath.at (shown.files.front().native());
        entry.key = BrowserEntry::fileKey (first);
        entry.path = first;
        entry.name = set.name;
        entry.setFiles = set.allFiles();
        if (set.layout != IrFileSetLayout::single)
            entry.facts.channels = shown.files.size();
        std::string description = set.layout == IrFileSetLayout::leftRight    ? "L+R"
                                  : set.layout == IrFileSetLayout::trueStereo ? "LL+LR+RL+RR"
                                                                              : "";
        if (set.variants.size() > 1)
        {
            std::string rates;
            for (const auto& variant : set.variants)
            {
                if (!rates.empty())
                    rates += '/';
                char text[16];
                std::snprintf (text, sizeof (text), "%g", variant.sampleRate.value_or (0.0) / 1000.0);
                rates += text;
            }
            description += (description.empty() ? "" : ", ") + rates + " kHz";
        }
        entry.setDescription = description;
        folder.entries.push_back (std::move (entry));
    }
    std::sort (folder.entries.begin(), folder.entries.end(),
               [] (const BrowserEntry& a, const BrowserEntry& b) { return naturalLess (a.name, b.name); });
}

const std::vector<BrowserRow>& BrowserList::rows() const
{
    if (dirty)
        rebuild();
    return laidOut;
}

void BrowserList::rebuild() const
{
    dirty = false;
    laidOut.clear();

    const auto entryRow = [this] (BrowserSection section, const BrowserEntry& entry)
    {
        BrowserRow row;
        row.kind = BrowserRow::Kind::entry;
        row.section = section;
        row.entry = entry;
        row.favourite = favourites.contains (entry.key);
        return row;
    };
    /** Adds the heading and the entries that pass the search; the heading
        only if one does. */
    const auto addSection = [this, &entryRow] (BrowserRow heading, const std::vector<const BrowserEntry*>& entries)
    {
        bool headed = false;
        for (const auto* entry : entries)
        {
            if (!search.matches (*entry))
                continue;
            if (!headed)
                laidOut.push_back (heading);
            headed = true;
            laidOut.push_back (entryRow (heading.section, *entry));
        }
    };

    // Folder files, sorted, for the favourites and their own sections.
    std::vector<std::vector<const BrowserEntry*>> folderEntries;
    for (const auto& root : roots)
    {
        auto& sorted = folderEntries.emplace_back();
        if (const auto found = folders.find (root); found != folders.end())
            collect (found->second, sorted);
    }

    if (!favourites.empty())
    {
        std::vector<const BrowserEntry*> chosen;
        std::set<std::string> seen;
        const auto collect = [&] (const BrowserEntry& entry)
        {
            if (favourites.contains (entry.key) && seen.insert (entry.key).second)
                chosen.push_back (&entry);
        };
        for (const auto& entry : factory)
            collect (entry);
        for (const auto& entries : folderEntries)
            for (const auto* entry : entries)
                collect (*entry);
        for (const auto& entry : recent)
            collect (entry);
        std::stable_sort (chosen.begin(), chosen.end(),
                          [] (const BrowserEntry* a, const BrowserEntry* b) { return naturalLess (a->name, b->name); });
        addSection (headingRow (BrowserSection::favourites, "Favourites"), chosen);
    }

    std::vector<const BrowserEntry*> factoryEntries;
    for (const auto& entry : factory)
        factoryEntries.push_back (&entry);
    addSection (headingRow (BrowserSection::factory, "Factory"), factoryEntries);

    for (std::size_t i = 0; i < roots.size(); ++i)
    {
        // The folder's heading always shows while nothing is searched for,
        // so that an empty or still-scanning folder is seen to be there.
        const auto rootHeading = headingRow (BrowserSection::folder, folderName (roots[i]));
        if (search.empty())
            laidOut.push_back (rootHeading);
        bool rootHeaded = search.empty();
        std::optional<std::string> location;
        for (const auto* entry : folderEntries[i])
        {
            if (!search.matches (*entry))
                continue;
            if (!rootHeaded)
                laidOut.push_back (rootHeading);
            rootHeaded = true;
            if (!entry->location.empty() && location != entry->location)
                laidOut.push_back (headingRow (BrowserSection::folder, entry->location, 1));
            location = entry->location;
            laidOut.push_back (entryRow (BrowserSection::folder, *entry));
        }
    }

    std::vector<const BrowserEntry*> recentEntries;
    for (const auto& entry : recent)
        recentEntries.push_back (&entry);
    addSection (headingRow (BrowserSection::recent, "Recent"), recentEntries);
}

std::optional<std::size_t> BrowserList::step (std::optional<std::size_t> from, StepDirection direction) const
{
    const auto& all = rows();
    const auto count = all.size();
    if (count == 0)
        return std::nullopt;
    const bool forward = direction == StepDirection::next;
    // Without a start, begin just outside the list so the first step lands
    // on the first (or last) row.
    auto position = from.has_value() && *from < count ? *from : (forward ? count - 1 : 0);
    const bool startIsRow = from.has_value() && *from < count;
    for (std::size_t tried = 0; tried < count; ++tried)
    {
        position = forward ? (position + 1) % count : (position + count - 1) % count;
        if (startIsRow && position == *from)
            return std::nullopt;
        if (all[position].isLoadable())
            return position;
    }
    // Without a start, the loop visits every row once (the last visit being
    // the row it began beside).
    return std::nullopt;
}

std::optional<std::size_t> BrowserList::rowOfFile (const std::filesystem::path& file) const
{
    const auto key = BrowserEntry::fileKey (file);
    const auto& all = rows();
    for (std::size_t i = 0; i < all.size(); ++i)
    {
        if (all[i].kind != BrowserRow::Kind::entry)
            continue;
        const auto& files = all[i].entry.setFiles;
        if (all[i].entry.key == key
            || std::any_of (files.begin(), files.end(),
                            [&key] (const std::filesystem::path& f) { return BrowserEntry::fileKey (f) == key; }))
            return i;
    }
    return std::nullopt;
}

std::optional<std::size_t> BrowserList::rowOf (const std::string& key) const
{
    const auto& all = rows();
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i].kind == BrowserRow::Kind::entry && all[i].entry.key == key)
            return i;
    return std::nullopt;
}

} // namespace partita
