// SPDX-License-Identifier: GPL-3.0-or-later
#include "MemoryFile.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <limits>
#include <new>

namespace partita
{

MemoryFile::MemoryFile (std::span<const std::uint8_t> bytesToRead) noexcept
    : readOnly (bytesToRead)
{
}

MemoryFile::MemoryFile (std::vector<std::uint8_t>& destination) noexcept
    : writable (&destination)
{
}

SF_VIRTUAL_IO MemoryFile::callbacks() noexcept
{
    SF_VIRTUAL_IO io {};
    io.get_filelen = [] (void* self) { return static_cast<MemoryFile*> (self)->length(); };
    io.seek = [] (sf_count_t offset, int whence, void* self)
    { return static_cast<MemoryFile*> (self)->seek (offset, whence); };
    io.read = [] (void* destination, sf_count_t count, void* self)
    { return static_cast<MemoryFile*> (self)->read (destination, count); };
    io.write = [] (const void* source, sf_count_t count, void* self)
    { return static_cast<MemoryFile*> (self)->write (source, count); };
    io.tell = [] (void* self) { return static_cast<MemoryFile*> (self)->tell(); };
    return io;
}

sf_count_t MemoryFile::length() const noexcept
{
    return static_cast<sf_count_t> (writable != nullptr ? writable->size() : readOnly.size());
}

sf_count_t MemoryFile::seek (sf_count_t offset, int whence) noexcept
{
    sf_count_t base = 0;
    if (whence == SEEK_CUR)
        base = position;
    else if (whence == SEEK_END)
        base = length();

    if ((offset > 0 && base > std::numeric_limits<sf_count_t>::max() - offset) || base + offset < 0)
        return -1;

    position = base + offset;
    return position;
}

sf_count_t MemoryFile::read (void* destination, sf_count_t count) noexcept
{
    const auto size = length();
    if (writable != nullptr || count <= 0 || position >= size)
        return 0;

    const auto available = std::min (count, size - position);
    std::memcpy (destination, readOnly.data() + position, static_cast<std::size_t> (available));
    position += available;
    return available;
}

sf_count_t MemoryFile::write (const void* source, sf_count_t count) noexcept
{
    if (writable == nullptr || count <= 0)
        return 0;

    try
    {
        const auto end = static_cast<std::size_t> (position + count);
        if (end > writable->size())
            writable->resize (end);
    }
    catch (const std::bad_alloc&)
    {
        return 0;
    }

    std::memcpy (writable->data() + position, source, static_cast<std::size_t> (count));
    position += count;
    return count;
}

} // namespace partita
