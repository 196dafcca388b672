// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace partita
{

/** The smallest even size at or above `frames` whose only prime factors are
    2, 3 and 5: sizes FFTW transforms fast. */
std::size_t fastFftSize (std::size_t frames) noexcept;

} // namespace partita
