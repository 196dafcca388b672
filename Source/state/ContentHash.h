// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

#include <cstdint>
#include <string>

namespace partita
{

/** A fingerprint of an IR's audio: 64-bit FNV-1a over the sample rate, the
    channel and frame counts and every sample as an IEEE double (little-endian,
    -0 counted as +0), so the same audio gives the same value on every machine
    and through any lossless encoding. It tells a damaged embedded IR or a file
    that changed since the session was saved from the original; it is not a
    cryptographic hash.

    Threading: a pure function. */
std::uint64_t contentHash (const AudioClip& clip) noexcept;

/** The hash as 16 lower-case hex digits, for messages and logs. */
std::string toHexString (std::uint64_t hash);

} // namespace partita
