// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrFileGrouping.h"

#include "IrFileNameTags.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <tuple>

namespace partita
{

namespace
{
std::string lowerCase (std::string text)
{
    std::transform (text.begin(), text.end(), text.begin(),
                    [] (unsigned char character) { return static_cast<char> (std::tolower (character)); });
    return text;
}

struct TaggedFile
{
    std::filesystem::path file;
    IrFileNameTags tags;
};

/** One IR's files at one rate, before rates are merged. */
struct Candidate
{
    IrFileSetLayout layout;
    IrFileSetVariant variant;
};

IrFileSet singleEntry (const std::filesystem::path& file)
{
    return { file.stem().string(), IrFileSetLayout::single, { IrFileSetVariant { std::nullopt, { file } } } };
}

bool allMono (const std::vector<std::filesystem::path>& files, const IrChannelCountLookup& channelCounts)
{
    if (!channelCounts)
        return true;
    return std::all_of (files.begin(), files.end(),
                        [&] (const std::filesystem::path& file)
                        {
                            const auto count = channelCounts (file);
                            return !count || *count == 1;
                        });
}

bool sameChannelCounts (const std::vector<Candidate>& candidates, const IrChannelCountLookup& channelCounts)
{
    if (!channelCounts)
        return true;
    std::optional<std::size_t> first;
    for (const auto& candidate : candidates)
        if (const auto count = channelCounts (candidate.variant.files.front()))
        {
            if (first && *first != *count)
                return false;
            first = count;
        }
    return true;
}

/** The files of one rate in one group: a quad, a pair, a whole file, and
    what is left over. */
void sortBucket (const std::vector<const TaggedFile*>& bucket, std::optional<double> rate,
                 const IrChannelCountLookup& channelCounts, std::vector<Candidate>& candidates,
                 std::vector<std::filesystem::path>& leftovers)
{
    std::map<IrChannelTag, std::vector<const TaggedFile*>> byTag;
    for (const auto* file : bucket)
        byTag[file->tags.channel].push_back (file);

    auto once = [&] (IrChannelTag tag) { return byTag.count (tag) != 0 && byTag[tag].size() == 1; };
    auto take = [&] (std::span<const IrChannelTag> tags, IrFileSetLayout layout)
    {
        for (const auto tag : tags)
            if (!once (tag))
                return;
        IrFileSetVariant variant { rate, {} };
        for (const auto tag : tags)
            variant.files.push_back (byTag[tag].front()->file);
        if (layout != IrFileSetLayout::single && !allMono (variant.files, channelCounts))
            return;
        candidates.push_back ({ layout, std::move (variant) });
        for (const auto tag : tags)
            byTag.erase (tag);
    };

    constexpr std::array quad { IrChannelTag::leftToLeft, IrChannelTag::leftToRight, IrChannelTag::rightToLeft,
                                IrChannelTag::rightToRight };
    constexpr std::array pair { IrChannelTag::left, IrChannelTag::right };
    constexpr std::array whole { IrChannelTag::none };
    take (quad, IrFileSetLayout::trueStereo);
    take (pair, IrFileSetLayout::leftRight);
    take (whole, IrFileSetLayout::single);

    for (const auto& [tag, files] : byTag)
        for (const auto* file : files)
            leftovers.push_back (file->file);
}

/** One group's entries: files of one folder, extension and base name. */
void groupOneName (const std::vector<TaggedFile>& group, const IrChannelCountLookup& channelCounts,
                   std::vector<IrFileSet>& entries)
{
    // Rates as keys; -1 for names without a rate tag (kept apart from rated ones).
    std::map<double, std::vector<const TaggedFile*>> buckets;
    for (const auto& file : group)
        buckets[file.tags.sampleRate.value_or (-1.0)].push_back (&file);

    std::vector<Candidate> candidates;
    std::vector<std::filesystem::path> leftovers;
    for (const auto& [rate, bucket] : buckets)
        sortBucket (bucket, rate < 0.0 ? std::nullopt : std::optional<double> (rate), channelCounts, candidates,
                    leftovers);

    const auto& base = group.front().tags.base;
    for (const auto layout : { IrFileSetLayout::single, IrFileSetLayout::leftRight, IrFileSetLayout::trueStereo })
    {
        std::vector<Candidate> rated;
        for (auto& candidate : candidates)
        {
            if (candidate.layout != layout)
                continue;
            if (candidate.variant.sampleRate)
                rated.push_back (candidate);
            else if (layout == IrFileSetLayout::single)
                leftovers.push_back (candidate.variant.files.front());
            else
                entries.push_back ({ base, layout, { candidate.variant } });
        }
        if (rated.empty())
            continue;
        // A whole file with a rate tag and no other rate is just a file; so
        // are whole files whose channel counts say they are not one IR.
        if (layout == IrFileSetLayout::single && (rated.size() == 1 || !sameChannelCounts (rated, channelCounts)))
        {
            for (const auto& candidate : rated)
                leftovers.push_back (candidate.variant.files.front());
            continue;
        }
        IrFileSet entry { base, layout, {} };
        for (auto& candidate : rated)
            entry.variants.push_back (std::move (candidate.variant));
        entries.push_back (std::move (entry));
    }

    for (const auto& file : leftovers)
        entries.push_back (singleEntry (file));
}
} // namespace

std::vector<IrFileSet> groupIrFiles (std::span<const std::filesystem::path> files,
                                     const IrChannelCountLookup& channelCounts)
{
    std::vector<IrFileSet> entries;
    std::map<std::tuple<std::string, std::string, std::string>, std::vector<TaggedFile>> groups;
    for (const auto& file : files)
    {
        auto tags = parseIrFileName (file.stem().string());
        if (!tags.hasTag())
        {
            entries.push_back (singleEntry (file));
            continue;
        }
        auto key =
            std::make_tuple (file.parent_path().string(), lowerCase (tags.base), lowerCase (file.extension().string()));
        groups[std::move (key)].push_back ({ file, std::move (tags) });
    }
    for (const auto& [key, group] : groups)
        groupOneName (group, channelCounts, entries);

    std::sort (entries.begin(), entries.end(),
               [] (const IrFileSet& a, const IrFileSet& b)
               {
                   const auto nameA = lowerCase (a.name);
                   const auto nameB = lowerCase (b.name);
                   if (nameA != nameB)
                       return nameA < nameB;
                   return a.variants.front().files.front() < b.variants.front().files.front();
               });
    return entries;
}

IrFileSet findIrFileSetAmong (const std::filesystem::path& file, std::span<const std::filesystem::path> folderFiles,
                              const IrChannelCountLookup& channelCounts)
{
    std::vector<std::filesystem::path> files;
    for (const auto& other : folderFiles)
        if (other.parent_path() == file.parent_path())
            files.push_back (other);
    if (std::find (files.begin(), files.end(), file) == files.end())
        files.push_back (file);

    for (auto& entry : groupIrFiles (files, channelCounts))
        if (entry.contains (file))
            return entry;
    return singleEntry (file);
}

} // namespace partita
