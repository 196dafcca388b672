// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace partita
{

/** How the files of one IR combine. */
enum class IrFileSetLayout
{
    /** One file is the whole IR (mono, stereo, any channel count). */
    single,
    /** Two mono files, left and right half of one stereo IR. */
    leftRight,
    /** Four mono files, the paths of one true-stereo IR: LL, LR, RL, RR
        (input then output, engine/ChannelRouting.h's order). */
    trueStereo,
};

/** One IR of a set at one sample rate: its files in channel order (single:
    1; leftRight: L, R; trueStereo: LL, LR, RL, RR). */
struct IrFileSetVariant
{
    /** The rate the names state; none when they state none (a set with one
        variant only). */
    std::optional<double> sampleRate;
    std::vector<std::filesystem::path> files;

    friend bool operator== (const IrFileSetVariant&, const IrFileSetVariant&) = default;
};

/** One entry of a folder as the user sees it: a file, or files that are one
    IR (a left/right pair, a true-stereo quad, the same IR at several rates,
    or pairs and quads at several rates).

    Threading: a value; copy it anywhere. */
struct IrFileSet
{
    /** The entry's name: a single file's name without extension ("hall_L"
        for a lone half); a set's name without its tags ("hall"). */
    std::string name;
    IrFileSetLayout layout = IrFileSetLayout::single;
    /** At least one; several when the names state several rates, in
        increasing rate. */
    std::vector<IrFileSetVariant> variants;

    /** More than one file makes the IR (a pair, a quad or rate variants). */
    [[nodiscard]] bool isSet() const noexcept { return layout != IrFileSetLayout::single || variants.size() > 1; }
    /** Every file of every variant, variant by variant. */
    [[nodiscard]] std::vector<std::filesystem::path> allFiles() const;
    /** Whether `file` is one of allFiles(). */
    [[nodiscard]] bool contains (const std::filesystem::path& file) const;

    friend bool operator== (const IrFileSet&, const IrFileSet&) = default;
};

/** The variant to load at `sessionRate`: the one at that rate; else the
    closest higher rate (it holds the whole band the session plays, and
    downsampling only removes what the session cannot play; a lower rate would
    leave the top of the band empty); else the closest lower rate. A set
    without rate tags has one variant, which is returned. */
[[nodiscard]] const IrFileSetVariant& chooseIrFileSetVariant (const IrFileSet& set, double sessionRate);

/** "left/right pair", "true-stereo quad", "single file". */
[[nodiscard]] std::string_view describeIrFileSetLayout (IrFileSetLayout layout) noexcept;

} // namespace partita
