// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/SndfileHandle.h"

#include <cstdint>
#include <span>
#include <vector>

namespace partita
{

/** A file in memory for libsndfile's virtual I/O, so that a state's IR audio
    is encoded and decoded without touching the disk: read-only over a span,
    or writable into a growing vector (FLAC's encoder seeks back to finish its
    header, so writing must support seeks). Offsets come from file headers,
    so a seek before the start or past what sf_count_t can hold is refused.

    Threading: one thread at a time per object; the bytes must outlive it. */
class MemoryFile
{
public:
    explicit MemoryFile (std::span<const std::uint8_t> bytesToRead) noexcept;
    explicit MemoryFile (std::vector<std::uint8_t>& destination) noexcept;

    /** The callbacks for sf_open_virtual, with this object as its user data. */
    static SF_VIRTUAL_IO callbacks() noexcept;

    [[nodiscard]] sf_count_t length() const noexcept;
    /** The new position, or -1 (nothing moved) for a position before the
        start or beyond sf_count_t. */
    sf_count_t seek (sf_count_t offset, int whence) noexcept;
    /** Bytes read: 0 at or past the end, and always 0 for a writable file. */
    sf_count_t read (void* destination, sf_count_t count) noexcept;
    /** Bytes written (the vector grows), 0 for a read-only file or when
        memory runs out. */
    sf_count_t write (const void* source, sf_count_t count) noexcept;
    [[nodiscard]] sf_count_t tell() const noexcept { return position; }

private:
    std::span<const std::uint8_t> readOnly;
    std::vector<std::uint8_t>* writable = nullptr;
    sf_count_t position = 0;
};

} // namespace partita
