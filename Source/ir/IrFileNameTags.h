// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace partita
{

/** The channel a file of a set holds, from the tag at the end of its name. */
enum class IrChannelTag
{
    /** No channel tag: the file is a whole IR (or a rate variant of one). */
    none,
    /** A left or right half of a stereo IR: `L`, `left`, `R`, `right`. */
    left,
    right,
    /** A path of a true-stereo IR, input then output: `LL`, `LR`, `RL`, `RR`. */
    leftToLeft,
    leftToRight,
    rightToLeft,
    rightToRight,
};

/** What a file's name says about its place in a set: the name without its
    tags, the channel it holds and the sample rate it was made at. */
struct IrFileNameTags
{
    /** The name before the tags and their separators, as written ("Hall" of
        "Hall_L_48k"); the whole name when there is no tag. */
    std::string base;
    IrChannelTag channel = IrChannelTag::none;
    /** The rate the name states (`48k` -> 48000, `44.1k`, `44k` -> 44100). */
    std::optional<double> sampleRate;

    [[nodiscard]] bool hasTag() const noexcept { return channel != IrChannelTag::none || sampleRate.has_value(); }
};

/** Reads the tags at the end of a file name without its extension (`stem`):
    a channel tag and a rate tag, in either order (`hall_L_48k`,
    `hall_48k_L`). Rules:
    - a tag is a whole word after a separator: one or more of `_`, `-`,
      space and `.`; a name with nothing before the separator has no tag
      (`_L`), and so has a letter run on without a separator (`hallL`,
      `walr`);
    - channel tags, any case: L, R, left, right (a stereo half), LL, LR, RL,
      RR (a true-stereo path);
    - rate tags, any case: a number with `k` or `kHz` in kHz (`48k`,
      `44.1k`, `88.2kHz`; the customary short forms `11k`, `22k`, `44k`,
      `88k`, `176k`, `352k` are the 44.1 kHz family), or a whole rate in Hz
      with or without `Hz` (`44100`, `48000Hz`). Only the usual rates from
      8 kHz to 384 kHz count, so that `hall_2` or `take_12k` is a name, not
      a rate.

    Threading: a pure function. */
[[nodiscard]] IrFileNameTags parseIrFileName (std::string_view stem);

/** "L", "R", "LL", ... ("" for none): how a tag is written in messages. */
[[nodiscard]] std::string_view toString (IrChannelTag tag) noexcept;

} // namespace partita
