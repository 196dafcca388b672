// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

namespace partita
{

/** The largest state file readStateFile accepts: an IR at the limits
    (irReadLimits) stored as 64-bit float WAV is 512 MiB. */
inline constexpr std::uintmax_t maxStateFileBytes = std::uintmax_t { 1 } << 30;

/** Reads a preset or state file (the bytes of getStateInformation). Throws
    StateError with a one-line message naming the file: missing, not a regular
    file, unreadable, or larger than maxStateFileBytes. Does not parse. */
std::vector<std::uint8_t> readStateFile (const std::filesystem::path& path);

/** Writes a state file through a temporary file renamed over the target, so
    a failed write never leaves a half-written preset. Replaces an existing
    file. Throws StateError with a one-line message. */
void writeStateFile (const std::filesystem::path& path, std::span<const std::uint8_t> bytes);

} // namespace partita
