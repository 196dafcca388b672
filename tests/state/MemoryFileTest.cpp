// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/MemoryFile.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <limits>
#include <vector>

namespace partita
{
namespace
{

TEST (MemoryFile, ReadsWhatItHoldsAndNothingPastTheEnd)
{
    const std::vector<std::uint8_t> bytes { 1, 2, 3, 4, 5 };
    MemoryFile file { std::span<const std::uint8_t> (bytes) };
    std::array<std::uint8_t, 8> destination {};

    EXPECT_EQ (file.seek (3, SEEK_SET), 3);
    EXPECT_EQ (file.read (destination.data(), 8), 2);
    EXPECT_EQ (destination[0], 4);
    EXPECT_EQ (destination[1], 5);
    EXPECT_EQ (file.read (destination.data(), 8), 0);
    EXPECT_EQ (file.tell(), 5);
}

TEST (MemoryFile, RefusesSeeksBeforeTheStartOrBeyondItsRangeAndStaysPut)
{
    const std::vector<std::uint8_t> bytes (10);
    MemoryFile file { std::span<const std::uint8_t> (bytes) };
    file.seek (4, SEEK_SET);

    EXPECT_EQ (file.seek (-5, SEEK_CUR), -1);
    EXPECT_EQ (file.seek (std::numeric_limits<sf_count_t>::max(), SEEK_END), -1);
    EXPECT_EQ (file.tell(), 4);
    EXPECT_EQ (file.seek (-2, SEEK_END), 8);
}

TEST (MemoryFile, WritesGrowTheVectorAndMayGoBackToPatchAHeader)
{
    std::vector<std::uint8_t> bytes;
    MemoryFile file { bytes };
    const std::array<std::uint8_t, 4> data { 9, 8, 7, 6 };

    EXPECT_EQ (file.write (data.data(), 4), 4);
    file.seek (1, SEEK_SET);
    EXPECT_EQ (file.write (data.data(), 1), 1);
    EXPECT_EQ (bytes, (std::vector<std::uint8_t> { 9, 9, 7, 6 }));
    EXPECT_EQ (file.length(), 4);
}

TEST (MemoryFile, AReadOnlyFileTakesNoWritesAndAWritableOneGivesNoReads)
{
    const std::vector<std::uint8_t> source { 1, 2 };
    MemoryFile readOnly { std::span<const std::uint8_t> (source) };
    std::vector<std::uint8_t> destination { 1, 2 };
    MemoryFile writable { destination };
    std::array<std::uint8_t, 2> buffer {};

    EXPECT_EQ (readOnly.write (buffer.data(), 2), 0);
    EXPECT_EQ (writable.read (buffer.data(), 2), 0);
}

} // namespace
} // namespace partita
