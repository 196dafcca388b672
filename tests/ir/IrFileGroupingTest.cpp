// SPDX-License-Identifier: GPL-3.0-or-later
#include "ir/IrFileGrouping.h"

#include "ir/IrFileNameTags.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace partita
{
namespace
{
using Paths = std::vector<std::filesystem::path>;

Paths inFolder (std::initializer_list<const char*> names)
{
    Paths files;
    for (const auto* name : names)
        files.push_back (std::filesystem::path ("/irs") / name);
    return files;
}

std::filesystem::path at (const char* name)
{
    return std::filesystem::path ("/irs") / name;
}

/** The entries as "name: layout [rate: files...]" lines, to compare whole
    groupings at a glance. */
std::vector<std::string> describe (const std::vector<IrFileSet>& entries)
{
    std::vector<std::string> lines;
    for (const auto& entry : entries)
    {
        std::ostringstream line;
        line << entry.name << ": " << describeIrFileSetLayout (entry.layout);
        for (const auto& variant : entry.variants)
        {
            line << " [";
            if (variant.sampleRate)
                line << static_cast<int> (*variant.sampleRate) << ":";
            for (const auto& file : variant.files)
                line << " " << file.filename().string();
            line << "]";
        }
        lines.push_back (line.str());
    }
    return lines;
}

std::vector<std::string> grouped (std::initializer_list<const char*> names)
{
    return describe (groupIrFiles (inFolder (names)));
}
} // namespace

TEST (IrFileNameTags, ReadsChannelAndRateTagsInEitherOrderWhateverTheirCase)
{
    struct Expected
    {
        const char* stem;
        const char* base;
        IrChannelTag channel;
        double rate; // 0: none
    };
    const std::vector<Expected> table {
        { "hall_L", "hall", IrChannelTag::left, 0 },
        { "hall_r", "hall", IrChannelTag::right, 0 },
        { "hall-left", "hall", IrChannelTag::left, 0 },
        { "hall-RIGHT", "hall", IrChannelTag::right, 0 },
        { "Hall L", "Hall", IrChannelTag::left, 0 },
        { "Big Hall R", "Big Hall", IrChannelTag::right, 0 },
        { "hall.L", "hall", IrChannelTag::left, 0 },
        { "Room A - L", "Room A", IrChannelTag::left, 0 },
        { "hall_LL", "hall", IrChannelTag::leftToLeft, 0 },
        { "hall_lr", "hall", IrChannelTag::leftToRight, 0 },
        { "hall RL", "hall", IrChannelTag::rightToLeft, 0 },
        { "hall-RR", "hall", IrChannelTag::rightToRight, 0 },
        { "hall_44k", "hall", IrChannelTag::none, 44100 },
        { "hall_44.1k", "hall", IrChannelTag::none, 44100 },
        { "hall_44.1kHz", "hall", IrChannelTag::none, 44100 },
        { "hall_48k", "hall", IrChannelTag::none, 48000 },
        { "hall_48K", "hall", IrChannelTag::none, 48000 },
        { "hall_88.2k", "hall", IrChannelTag::none, 88200 },
        { "hall_96k", "hall", IrChannelTag::none, 96000 },
        { "hall_192k", "hall", IrChannelTag::none, 192000 },
        { "hall_22k", "hall", IrChannelTag::none, 22050 },
        { "hall_44100", "hall", IrChannelTag::none, 44100 },
        { "hall_48000", "hall", IrChannelTag::none, 48000 },
        { "hall 96000Hz", "hall", IrChannelTag::none, 96000 },
        { "hall.48000", "hall", IrChannelTag::none, 48000 },
        { "hall_L_48k", "hall", IrChannelTag::left, 48000 },
        { "hall_48k_R", "hall", IrChannelTag::right, 48000 },
        { "hall_96k_RL", "hall", IrChannelTag::rightToLeft, 96000 },
        // No tag: no separator, nothing before it, not a word, not a usual rate.
        { "wall", "wall", IrChannelTag::none, 0 },
        { "walr", "walr", IrChannelTag::none, 0 },
        { "hallL", "hallL", IrChannelTag::none, 0 },
        { "hall48k", "hall48k", IrChannelTag::none, 0 },
        { "L", "L", IrChannelTag::none, 0 },
        { "_L", "_L", IrChannelTag::none, 0 },
        { "48k", "48k", IrChannelTag::none, 0 },
        { "hall_2", "hall_2", IrChannelTag::none, 0 },
        { "take_12k", "take_12k", IrChannelTag::none, 0 },
        { "hall_44.1", "hall_44.1", IrChannelTag::none, 0 },
        { "hall_lrr", "hall_lrr", IrChannelTag::none, 0 },
        { "hall_LRL", "hall_LRL", IrChannelTag::none, 0 },
        { "hall_center", "hall_center", IrChannelTag::none, 0 },
        { "plate_large", "plate_large", IrChannelTag::none, 0 },
    };
    for (const auto& expected : table)
    {
        const auto tags = parseIrFileName (expected.stem);
        EXPECT_EQ (tags.base, expected.base) << expected.stem;
        EXPECT_EQ (tags.channel, expected.channel) << expected.stem;
        EXPECT_EQ (tags.sampleRate.value_or (0.0), expected.rate) << expected.stem;
    }
}

TEST (IrFileGrouping, LeftAndRightHalvesAreOnePairWhateverTheirSeparatorAndCase)
{
    EXPECT_EQ (grouped ({ "hall_L.wav", "hall_R.wav" }),
               (std::vector<std::string> { "hall: left/right pair [ hall_L.wav hall_R.wav]" }));
    EXPECT_EQ (grouped ({ "hall-right.wav", "hall-left.wav" }),
               (std::vector<std::string> { "hall: left/right pair [ hall-left.wav hall-right.wav]" }));
    EXPECT_EQ (grouped ({ "Hall R.wav", "Hall L.wav" }),
               (std::vector<std::string> { "Hall: left/right pair [ Hall L.wav Hall R.wav]" }));
    EXPECT_EQ (grouped ({ "hall.L.wav", "hall.R.wav" }),
               (std::vector<std::string> { "hall: left/right pair [ hall.L.wav hall.R.wav]" }));
    EXPECT_EQ (grouped ({ "HALL_l.WAV", "hall_r.wav" }),
               (std::vector<std::string> { "HALL: left/right pair [ HALL_l.WAV hall_r.wav]" }));
    // A left that says L and a right that says right still pair (same name).
    EXPECT_EQ (grouped ({ "hall_L.wav", "hall_right.wav" }),
               (std::vector<std::string> { "hall: left/right pair [ hall_L.wav hall_right.wav]" }));
}

TEST (IrFileGrouping, FourPathsAreOneTrueStereoQuadInLlLrRlRrOrder)
{
    EXPECT_EQ (
        grouped ({ "room_RR.wav", "room_LR.wav", "room_LL.wav", "room_RL.wav" }),
        (std::vector<std::string> { "room: true-stereo quad [ room_LL.wav room_LR.wav room_RL.wav room_RR.wav]" }));
    // With a pair of the same name next to it, both are found.
    EXPECT_EQ (
        grouped ({ "room_RR.wav", "room_LR.wav", "room_LL.wav", "room_RL.wav", "room_L.wav", "room_R.wav" }),
        (std::vector<std::string> { "room: left/right pair [ room_L.wav room_R.wav]",
                                    "room: true-stereo quad [ room_LL.wav room_LR.wav room_RL.wav room_RR.wav]" }));
}

TEST (IrFileGrouping, RateVariantsAreOneEntryInIncreasingRate)
{
    EXPECT_EQ (grouped ({ "hall_96k.wav", "hall_44k.wav", "hall_48000.wav" }),
               (std::vector<std::string> { "hall: single file [44100: hall_44k.wav] [48000: hall_48000.wav] "
                                           "[96000: hall_96k.wav]" }));
    EXPECT_EQ (grouped ({ "hall_44.1k.wav", "hall_192k.wav" }),
               (std::vector<std::string> { "hall: single file [44100: hall_44.1k.wav] [192000: hall_192k.wav]" }));
}

TEST (IrFileGrouping, PairsAndQuadsAtSeveralRatesAreOneEntry)
{
    EXPECT_EQ (grouped ({ "hall_L_44k.wav", "hall_R_44k.wav", "hall_48k_L.wav", "hall_48k_R.wav" }),
               (std::vector<std::string> { "hall: left/right pair [44100: hall_L_44k.wav hall_R_44k.wav] "
                                           "[48000: hall_48k_L.wav hall_48k_R.wav]" }));
    EXPECT_EQ (grouped ({ "c_LL_48k.wav", "c_LR_48k.wav", "c_RL_48k.wav", "c_RR_48k.wav", "c_LL_96k.wav",
                          "c_LR_96k.wav", "c_RL_96k.wav", "c_RR_96k.wav" }),
               (std::vector<std::string> { "c: true-stereo quad [48000: c_LL_48k.wav c_LR_48k.wav c_RL_48k.wav "
                                           "c_RR_48k.wav] [96000: c_LL_96k.wav c_LR_96k.wav c_RL_96k.wav "
                                           "c_RR_96k.wav]" }));
    // A rate whose pair is incomplete leaves its half alone; the others pair.
    EXPECT_EQ (grouped ({ "hall_L_44k.wav", "hall_R_44k.wav", "hall_L_48k.wav", "hall_R_48k.wav", "hall_L_96k.wav" }),
               (std::vector<std::string> { "hall: left/right pair [44100: hall_L_44k.wav hall_R_44k.wav] "
                                           "[48000: hall_L_48k.wav hall_R_48k.wav]",
                                           "hall_L_96k: single file [ hall_L_96k.wav]" }));
}

TEST (IrFileGrouping, NamesThatMustNotPairStaySingle)
{
    const std::map<std::string, std::vector<const char*>> mustNotPair {
        { "no separator", { "wall.wav", "walr.wav" } },
        { "no separator, capital", { "hallL.wav", "hallR.wav" } },
        { "a lone left half", { "hall_L.wav" } },
        { "a lone right half", { "hall-right.wav" } },
        { "LR alone", { "hall_LR.wav" } },
        { "three of four paths", { "hall_LL.wav", "hall_LR.wav", "hall_RL.wav" } },
        { "different names", { "hall_L.wav", "room_R.wav" } },
        { "different extensions", { "hall_L.wav", "hall_R.aif" } },
        { "different folders", { "a/hall_L.wav", "b/hall_R.wav" } },
        { "a doubled half", { "hall_L.wav", "hall-L.wav", "hall_R.wav" } },
        { "a lone rate", { "hall_48k.wav" } },
        { "a rate and no rate", { "hall.wav", "hall_48k.wav" } },
        { "a pair without rate and halves with", { "hall_L.wav", "hall_R_48k.wav" } },
        { "nothing before the tag", { "_L.wav", "_R.wav" } },
        { "numbers that are not rates", { "take_2.wav", "take_3.wav" } },
    };
    for (const auto& [why, names] : mustNotPair)
    {
        Paths files;
        for (const auto* name : names)
            files.push_back (at (name));
        const auto entries = groupIrFiles (files);
        EXPECT_EQ (entries.size(), names.size()) << why;
        for (const auto& entry : entries)
        {
            EXPECT_FALSE (entry.isSet()) << why << ": " << entry.name;
            EXPECT_EQ (entry.name, entry.variants.front().files.front().stem().string()) << why;
        }
    }
}

TEST (IrFileGrouping, TheGoldenRendersIrsStaySingleSoTheirRendersKeepTheirBits)
{
    // scripts/golden-renders.sh renders with these (Resources/demo, Resources/factory
    // and the inputs it derives into one folder): none may pull in a partner.
    for (const auto& folder :
         { inFolder ({ "dry_clip.flac", "hall_ir.wav" }), inFolder ({ "cabinet.wav", "plate.wav", "small_room.wav" }),
           inFolder ({ "dry_short.wav", "dry_mono.wav", "room_true_stereo.wav", "room_44k.wav" }) })
        for (const auto& entry : groupIrFiles (folder))
            EXPECT_FALSE (entry.isSet()) << entry.name;
}

TEST (IrFileGrouping, HalvesThatAreNotMonoAreNotAPair)
{
    const auto files =
        inFolder ({ "hall_L.wav", "hall_R.wav", "room_L.wav", "room_R.wav", "cab_44k.wav", "cab_48k.wav" });
    const IrChannelCountLookup counts = [] (const std::filesystem::path& file) -> std::optional<std::size_t>
    {
        const auto name = file.stem().string();
        if (name.starts_with ("hall"))
            return 2; // stereo halves: two stereo IRs, not one
        if (name == "cab_44k")
            return 1;
        if (name == "cab_48k")
            return 2;        // not the same IR at another rate
        return std::nullopt; // unknown: the names decide
    };
    EXPECT_EQ (describe (groupIrFiles (files, counts)),
               (std::vector<std::string> { "cab_44k: single file [ cab_44k.wav]", "cab_48k: single file [ cab_48k.wav]",
                                           "hall_L: single file [ hall_L.wav]", "hall_R: single file [ hall_R.wav]",
                                           "room: left/right pair [ room_L.wav room_R.wav]" }));
}

TEST (IrFileGrouping, EveryFileIsInExactlyOneEntry)
{
    const auto files = inFolder ({ "a_L.wav", "a_R.wav", "a_LL.wav", "a_44k.wav", "a_48k.wav", "b.wav", "b_L.wav",
                                   "c_LL.wav", "c_LR.wav", "c_RL.wav", "c_RR.wav", "c_RR.flac", "d_L_48k.wav",
                                   "d_R_48k.wav", "d_L_96k.wav", "d_R_96k.wav", "d_L.wav" });
    std::map<std::filesystem::path, int> seen;
    for (const auto& entry : groupIrFiles (files))
        for (const auto& file : entry.allFiles())
            ++seen[file];
    EXPECT_EQ (seen.size(), files.size());
    for (const auto& [file, count] : seen)
        EXPECT_EQ (count, 1) << file;
}

TEST (IrFileGrouping, OneFileFindsItsSetInItsFolder)
{
    const auto folder = inFolder ({ "hall_L.wav", "hall_R.wav", "plate.wav", "room_LL.wav", "room_LR.wav",
                                    "room_RL.wav", "room_RR.wav", "cab_44k.wav", "cab_48k.wav" });
    const auto hall = findIrFileSetAmong (at ("hall_R.wav"), folder);
    EXPECT_EQ (hall.layout, IrFileSetLayout::leftRight);
    EXPECT_EQ (hall.variants.front().files, (Paths { at ("hall_L.wav"), at ("hall_R.wav") }));
    EXPECT_EQ (findIrFileSetAmong (at ("room_RL.wav"), folder).layout, IrFileSetLayout::trueStereo);
    EXPECT_EQ (findIrFileSetAmong (at ("cab_48k.wav"), folder).variants.size(), 2u);

    const auto plate = findIrFileSetAmong (at ("plate.wav"), folder);
    EXPECT_FALSE (plate.isSet());
    EXPECT_EQ (plate.name, "plate");
    // A file the listing does not hold (just written) is found with its partners.
    EXPECT_EQ (findIrFileSetAmong (at ("plate_R.wav"), inFolder ({ "plate_L.wav" })).layout,
               IrFileSetLayout::leftRight);
}

TEST (IrFileSetVariant, TheSessionRateElseTheClosestHigherElseTheClosestLower)
{
    const auto set = groupIrFiles (inFolder ({ "hall_44k.wav", "hall_48k.wav", "hall_96k.wav" })).front();
    auto chosen = [&] (double rate) { return chooseIrFileSetVariant (set, rate).files.front().filename().string(); };
    EXPECT_EQ (chosen (44100.0), "hall_44k.wav");
    EXPECT_EQ (chosen (48000.0), "hall_48k.wav");
    EXPECT_EQ (chosen (96000.0), "hall_96k.wav");
    EXPECT_EQ (chosen (88200.0), "hall_96k.wav");
    EXPECT_EQ (chosen (32000.0), "hall_44k.wav");
    EXPECT_EQ (chosen (192000.0), "hall_96k.wav");

    const auto pair = groupIrFiles (inFolder ({ "hall_L.wav", "hall_R.wav" })).front();
    EXPECT_EQ (chooseIrFileSetVariant (pair, 48000.0).files.size(), 2u);
}

} // namespace partita
