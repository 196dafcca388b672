// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <bit>
#include <cstdint>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace partita
{

/** Builds the bytes of a state: little-endian integers and doubles, text,
    and chunks (a four-letter id, a u32 size, the payload), whatever the
    machine's byte order.

    Threading: one thread at a time per object. */
class ByteWriter
{
public:
    void addBytes (std::span<const std::uint8_t> data) { bytes.insert (bytes.end(), data.begin(), data.end()); }
    void addText (std::string_view text)
    {
        for (const char c : text)
            bytes.push_back (static_cast<std::uint8_t> (c));
    }

    void addUnsigned (std::uint64_t value, int numBytes)
    {
        for (int i = 0; i < numBytes; ++i)
            bytes.push_back (static_cast<std::uint8_t> ((value >> (8 * i)) & 0xffu));
    }

    void addDouble (double value) { addUnsigned (std::bit_cast<std::uint64_t> (value), 8); }

    /** Throws std::invalid_argument for a payload that a u32 cannot size. */
    void addChunk (std::string_view id, const ByteWriter& payload)
    {
        if (payload.bytes.size() > std::numeric_limits<std::uint32_t>::max())
            throw std::invalid_argument ("the state's " + std::string { id } + " chunk is larger than 4 GiB");
        addText (id);
        addUnsigned (payload.bytes.size(), 4);
        addBytes (payload.bytes);
    }

    std::vector<std::uint8_t> bytes;
};

} // namespace partita
