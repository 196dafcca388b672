// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ir/ImpulseResponseReadLimits.h"

namespace partita
{

/** What the plugin (and `partita render --state`) accept as an IR, from a file
    or from a saved state: the project's IR limits (rates 8 kHz to 384 kHz,
    2^23 frames) with 8 channels, since the plugin routes 1, 2 and 4 (more are
    refused with a clear message rather than by the router). */
inline constexpr AudioReadLimits irReadLimits = impulseResponseReadLimits (8);

} // namespace partita
