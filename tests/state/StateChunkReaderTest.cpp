// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/StateChunkReader.h"

#include "state/ByteWriter.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace partita
{
namespace
{

ByteWriter payloadOf (std::vector<std::uint8_t> bytes)
{
    ByteWriter payload;
    payload.addBytes (bytes);
    return payload;
}

std::vector<std::uint8_t> twoChunks()
{
    ByteWriter writer;
    writer.addChunk ("ABCD", payloadOf ({ 1, 2, 3 }));
    writer.addChunk ("EFGH", ByteWriter {});
    return writer.bytes;
}

TEST (StateChunkReader, GivesEachChunksIdAndPayloadInOrder)
{
    const auto bytes = twoChunks();
    StateChunkReader reader (bytes);

    const auto first = reader.next();
    ASSERT_TRUE (first.has_value());
    EXPECT_EQ (first->id, "ABCD");
    EXPECT_EQ (std::vector<std::uint8_t> (first->payload.begin(), first->payload.end()),
               (std::vector<std::uint8_t> { 1, 2, 3 }));

    const auto second = reader.next();
    ASSERT_TRUE (second.has_value());
    EXPECT_EQ (second->id, "EFGH");
    EXPECT_TRUE (second->payload.empty());

    EXPECT_FALSE (reader.next().has_value());
    EXPECT_FALSE (reader.damaged());
}

TEST (StateChunkReader, NoBytesAreNoChunksAndNoDamage)
{
    StateChunkReader reader ({});
    EXPECT_FALSE (reader.next().has_value());
    EXPECT_FALSE (reader.damaged());
}

TEST (StateChunkReader, AChunkCutOffAnywhereIsDamageAfterTheChunksBeforeIt)
{
    const auto bytes = twoChunks();
    const std::size_t firstChunkSize = 4 + 4 + 3;
    // Every cut inside the second chunk's 8-byte id and size.
    for (std::size_t cut = firstChunkSize + 1; cut < bytes.size(); ++cut)
    {
        const auto truncated = std::span<const std::uint8_t> (bytes).first (cut);
        StateChunkReader reader (truncated);
        EXPECT_TRUE (reader.next().has_value()) << "cut at " << cut;
        EXPECT_FALSE (reader.next().has_value()) << "cut at " << cut;
        EXPECT_TRUE (reader.damaged()) << "cut at " << cut;
    }
}

TEST (StateChunkReader, ASizeFieldClaimingMoreThanRemainsIsDamageNotARead)
{
    ByteWriter writer;
    writer.addText ("HUGE");
    writer.addUnsigned (0xFFFFFFFFu, 4);
    writer.addBytes (std::vector<std::uint8_t> (16, 0));

    StateChunkReader reader (writer.bytes);
    EXPECT_FALSE (reader.next().has_value());
    EXPECT_TRUE (reader.damaged());
    // It stays stopped: nothing is read past the damage.
    EXPECT_FALSE (reader.next().has_value());
}

TEST (StateChunkReader, APayloadCutShortIsDamage)
{
    auto bytes = twoChunks();
    bytes.resize (4 + 4 + 2);

    StateChunkReader reader (bytes);
    EXPECT_FALSE (reader.next().has_value());
    EXPECT_TRUE (reader.damaged());
}

} // namespace
} // namespace partita
