// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace partita
{

/** Which channels of an IR file the chain uses. Applied to the file's own
    channels, before their layout is read (IrLayout.h): one channel, or the
    sum, is a mono IR. The values are the indices of the parameter
    `irChannel`'s choices (ParameterTable.h): never reorder them. */
enum class IrChannelSelection
{
    /** Every channel, read by the layout (the behaviour before the parameter). */
    all = 0,
    channel1,
    channel2,
    channel3,
    channel4,
    channel5,
    channel6,
    channel7,
    channel8,
    /** The average of every channel. */
    sumToMono,
};

/** The highest channel that can be chosen: the plugin reads IR files of up
    to 8 channels (state/IrReadLimits.h). */
inline constexpr std::size_t maxSelectableIrChannel = 8;

/** In IrChannelSelection's order. */
inline constexpr std::array<std::string_view, 10> irChannelChoices { "All", "1", "2", "3", "4",
                                                                     "5",   "6", "7", "8", "Sum to mono" };

/** An IR after channel selection. */
struct SelectedIrChannels
{
    AudioClip clip;
    /** The chosen channel is beyond the IR's channels: channel 1 was taken
        instead, so that an IR browsed to with the setting left on a higher
        channel still plays (and the user is told). */
    bool fellBackToFirst = false;
};

/** The channels the selection asks for:
    - all: the clip unchanged;
    - channel k: channel k alone (mono), its samples untouched; channel 1
      when the IR has fewer than k channels (fellBackToFirst);
    - sumToMono: one channel, the average of all, (c1 + ... + cN) / N. The
      average rather than the plain sum: channels that are alike (a mono IR
      stored twice, two close microphones) keep their level, so switching
      between All and Sum to mono does not jump by 6 dB or more with auto
      gain off, and the sum of N full-scale channels cannot exceed full scale.

    Threading: a pure function; call it from any thread. */
SelectedIrChannels selectIrChannels (const AudioClip& impulseResponse, IrChannelSelection selection);

/** What the selection did to an IR of numChannels, for the editor and the
    message bar: "" (all, or a mono IR's only channel), "channel 2 of 4",
    "4 channels summed", "no channel 3 in 2 channels: channel 1
    plays". */
std::string describeIrChannelSelection (IrChannelSelection selection, std::size_t numChannels, bool fellBackToFirst);

} // namespace partita
