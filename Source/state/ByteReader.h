// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <bit>
#include <cstdint>
#include <optional>
#include <span>

namespace partita
{

/** Reads little-endian values from a state's bytes. The bytes come from a
    file or a host and may be cut off or damaged, so every read checks the
    bytes that remain and returns nothing when there are too few.

    Threading: one thread at a time per object. */
class ByteReader
{
public:
    explicit ByteReader (std::span<const std::uint8_t> data) noexcept
        : remaining (data)
    {
    }

    [[nodiscard]] std::size_t size() const noexcept { return remaining.size(); }

    /** What has not been read yet. */
    [[nodiscard]] std::span<const std::uint8_t> rest() const noexcept { return remaining; }

    std::optional<std::span<const std::uint8_t>> takeBytes (std::size_t count) noexcept
    {
        if (count > remaining.size())
            return std::nullopt;
        const auto taken = remaining.first (count);
        remaining = remaining.subspan (count);
        return taken;
    }

    std::optional<std::uint64_t> takeUnsigned (int numBytes) noexcept
    {
        const auto data = takeBytes (static_cast<std::size_t> (numBytes));
        if (!data.has_value())
            return std::nullopt;
        std::uint64_t value = 0;
        for (int i = 0; i < numBytes; ++i)
            value |= static_cast<std::uint64_t> ((*data)[static_cast<std::size_t> (i)]) << (8 * i);
        return value;
    }

    std::optional<double> takeDouble() noexcept
    {
        const auto bits = takeUnsigned (8);
        if (!bits.has_value())
            return std::nullopt;
        return std::bit_cast<double> (*bits);
    }

private:
    std::span<const std::uint8_t> remaining;
};

} // namespace partita
