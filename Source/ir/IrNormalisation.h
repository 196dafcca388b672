// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

#include <optional>
#include <string_view>

namespace partita
{

/** How an impulse response's level is set before convolution. */
enum class IrNormalisation
{
    /** The IR is used as recorded. */
    none,
    /** Scaled so that the IR channel with the most energy has a sum of squares
        of 1: white noise keeps its power through that path, so IRs of very
        different lengths come out at comparable loudness. */
    energy,
    /** Scaled so that the largest absolute sample of all channels is 1. */
    peak,
};

/** "none", "energy" or "peak". */
std::optional<IrNormalisation> parseIrNormalisation (std::string_view text) noexcept;
std::string_view toString (IrNormalisation normalisation) noexcept;

/** Scales every channel of the IR by one common factor (so the balance
    between channels and paths is kept). Throws std::invalid_argument when a
    normalisation is asked for and the IR is silent, since no factor can give
    it the requested level. Returns the factor applied (1 for none). */
double normaliseImpulseResponse (AudioClip& impulseResponse, IrNormalisation normalisation);

} // namespace partita
