// SPDX-License-Identifier: GPL-3.0-or-later
#include "FftSize.h"

#include <array>

namespace partita
{

std::size_t fastFftSize (std::size_t frames) noexcept
{
    for (std::size_t size = frames < 2 ? 2 : frames + (frames % 2);; size += 2)
    {
        std::size_t rest = size;
        for (const std::size_t factor : std::array<std::size_t, 3> { 2, 3, 5 })
            while (rest % factor == 0)
                rest /= factor;
        if (rest == 1)
            return size;
    }
}

} // namespace partita
