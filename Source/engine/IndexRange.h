// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace partita
{

/** Indices [first, end) of partitions, bins or sums: the pieces a level's
    job is cut into name their work with these instead of rows of size_t. */
struct IndexRange
{
    std::size_t first = 0;
    std::size_t end = 0;

    [[nodiscard]] constexpr std::size_t size() const noexcept { return end - first; }
};

} // namespace partita
