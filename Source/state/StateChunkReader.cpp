// SPDX-License-Identifier: GPL-3.0-or-later
#include "StateChunkReader.h"

#include "ByteReader.h"

namespace partita
{

StateChunkReader::StateChunkReader (std::span<const std::uint8_t> bytes) noexcept
    : remaining (bytes)
{
}

std::optional<StateChunk> StateChunkReader::next() noexcept
{
    if (isDamaged || remaining.empty())
        return std::nullopt;

    ByteReader reader (remaining);
    const auto id = reader.takeBytes (4);
    const auto size = id.has_value() ? reader.takeUnsigned (4) : std::nullopt;
    const auto payload = size.has_value() ? reader.takeBytes (static_cast<std::size_t> (*size)) : std::nullopt;
    if (!payload.has_value())
    {
        isDamaged = true;
        return std::nullopt;
    }

    remaining = reader.rest();
    return StateChunk { { reinterpret_cast<const char*> (id->data()), id->size() }, *payload };
}

} // namespace partita
