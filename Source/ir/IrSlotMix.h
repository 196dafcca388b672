// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/ChannelRouting.h"
#include "io/AudioClip.h"

#include <cstddef>
#include <optional>

namespace partita
{

/** One IR slot's placement in the blend: level, polarity, delay and pan. */
struct IrSlotSettings
{
    double levelDb = 0.0;
    bool invert = false;
    /** Delay in ms at the session rate; any fraction of a sample. */
    double delayMs = 0.0;
    /** -100 (left) to 100 (right); acts on a stereo output only. */
    double panPercent = 0.0;
};

/** The two slots' gains from the blend. */
struct SlotBlendGains
{
    double a = 1.0;
    double b = 1.0;
};

/** The blend law, b = blendPercent / 100: A's gain min (1, 2 (1 - b)), B's
    min (1, 2 b), so both are at full level from the middle, and the far ends
    play one slot only. A slot that is alone plays at its own level whatever
    the blend (gain 1). */
[[nodiscard]] SlotBlendGains blendGains (double blendPercent, bool hasSlotA, bool hasSlotB) noexcept;

/** The gains of the left and right output. */
struct PanGains
{
    double left = 1.0;
    double right = 1.0;
};

/** The pan law, p = panPercent / 100. A mono IR is panned at constant power
    with the centre at unity: left sqrt 2 cos (pi (1 + p) / 4), right
    sqrt 2 sin (pi (1 + p) / 4), so left^2 + right^2 = 2 everywhere and a hard
    pan is +3 dB on its side. An IR with two or more channels (stereo, true
    stereo) is balanced: left min (1, 1 - p), right min (1, 1 + p), so its
    image is kept and only the far side is turned down. At 0 both are exactly
    1. */
[[nodiscard]] PanGains panGains (double panPercent, std::size_t irChannels) noexcept;

/** The wiring the two slots are folded for: the session's buses and what
    the IR's channels mean (ir/IrLayout.h's channelMeaningOf). */
struct SlotRouting
{
    std::size_t numInputs = 2;
    std::size_t numOutputs = 2;
    IrChannelMeaning meaning = IrChannelMeaning::byCount;
};

/** A slot's shaped IR (at the session rate) with its gain (level, polarity
    and the blend's), delay and, on a stereo output, pan applied. A mono IR
    panned off centre becomes two channels, one per output; any other
    channel c feeds output c mod 2 (stereo: L, R; true stereo: LL, LR, RL,
    RR). A slot whose settings are neutral comes back untouched, bit for bit.

    Threading: a pure function; any thread. */
[[nodiscard]] AudioClip placeSlot (AudioClip shaped, const IrSlotSettings& settings, double blendGain,
                                   std::size_t numOutputs);

/** The sum of two placed slots as one IR for the routing: when their
    channel counts differ, both are brought to the richer wiring first, the
    other slot's channel count if the poorer slot's paths fit it (mono on
    every channel to per-channel stereo: the mono IR on both), else the full
    inputs x outputs matrix (stereo to true stereo: L, 0, 0, R). The shorter
    slot is padded with zeros. Throws std::invalid_argument, naming both
    counts, when the slots cannot share a wiring.

    Threading: a pure function; any thread. */
[[nodiscard]] AudioClip sumSlots (const AudioClip& slotA, const AudioClip& slotB, const SlotRouting& routing);

} // namespace partita
