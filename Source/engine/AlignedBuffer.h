// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>
#include <span>
#include <type_traits>

namespace partita
{

/** A fixed-size, zero-initialised array aligned to 64 bytes (a cache line, and
    the width of an AVX-512 register), for sample and spectrum storage that SIMD
    loops and FFTW read fastest when aligned. Allocates only in its constructor.

    Threading: a plain container; no synchronisation. */
template <typename Element>
class AlignedBuffer
{
    static_assert (std::is_trivially_copyable_v<Element>);

public:
    static constexpr std::size_t alignment = 64;

    AlignedBuffer() = default;

    explicit AlignedBuffer (std::size_t numElements)
        : storage (allocate (numElements)), count (numElements)
    {
        clear();
    }

    void clear() noexcept { std::fill_n (storage.get(), count, Element {}); }

    [[nodiscard]] Element* data() noexcept { return storage.get(); }
    [[nodiscard]] const Element* data() const noexcept { return storage.get(); }
    [[nodiscard]] std::size_t size() const noexcept { return count; }
    [[nodiscard]] std::span<Element> span() noexcept { return { storage.get(), count }; }
    [[nodiscard]] std::span<const Element> span() const noexcept { return { storage.get(), count }; }
    Element& operator[] (std::size_t index) noexcept { return storage[index]; }
    const Element& operator[] (std::size_t index) const noexcept { return storage[index]; }

    /** Element count rounded up so that consecutive rows of this many elements
        each start on an aligned address. */
    static constexpr std::size_t alignedStride (std::size_t numElements) noexcept
    {
        constexpr auto perLine = std::max<std::size_t> (1, alignment / sizeof (Element));
        return (numElements + perLine - 1) / perLine * perLine;
    }

private:
    struct Release
    {
        void operator() (Element* pointer) const noexcept
        {
#if defined(_WIN32)
            _aligned_free (pointer);
#else
            std::free (pointer);
#endif
        }
    };

    static Element* allocate (std::size_t numElements)
    {
        if (numElements == 0)
            return nullptr;

        const auto bytes = (numElements * sizeof (Element) + alignment - 1) / alignment * alignment;
#if defined(_WIN32)
        void* memory = _aligned_malloc (bytes, alignment);
#else
        void* memory = std::aligned_alloc (alignment, bytes);
#endif
        if (memory == nullptr)
            throw std::bad_alloc();
        return static_cast<Element*> (memory);
    }

    std::unique_ptr<Element[], Release> storage;
    std::size_t count = 0;
};

} // namespace partita
