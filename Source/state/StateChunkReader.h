// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace partita
{

/** One chunk of a state: its four-letter id and its payload, both viewing
    the bytes the reader was given. */
struct StateChunk
{
    std::string_view id;
    std::span<const std::uint8_t> payload;
};

/** Walks the chunks of a state (id: 4 bytes, size: u32 little-endian, then
    size bytes) without trusting a size: a chunk cut off in its id or size, or
    whose size claims more bytes than remain, ends the walk as damaged, so
    that what came before it is kept and nothing is read past the end.

    Threading: one thread at a time per object; the bytes must outlive it. */
class StateChunkReader
{
public:
    /** bytes: what follows the state's identifier and version. */
    explicit StateChunkReader (std::span<const std::uint8_t> bytes) noexcept;

    /** The next chunk, or nothing once the bytes are used up or a chunk is
        damaged (then damaged() says so and every later call gives nothing). */
    [[nodiscard]] std::optional<StateChunk> next() noexcept;

    /** Whether the walk stopped at a chunk that was cut off or oversized. */
    [[nodiscard]] bool damaged() const noexcept { return isDamaged; }

private:
    std::span<const std::uint8_t> remaining;
    bool isDamaged = false;
};

} // namespace partita
