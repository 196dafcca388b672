// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace partita
{

/** destination[n] += source[n] for n < count: the per-sample sum that the
    streaming levels (output and overlap) and the offline overlap-add share.
    Compiled as SIMD clones (the baseline build adds four floats at a time);
    element-wise, so every clone gives the same bits. The two arrays may not
    overlap. Real-time safe: no allocation, no lock. */
void addInto (float* destination, const float* source, std::size_t count) noexcept;
void addInto (double* destination, const double* source, std::size_t count) noexcept;

} // namespace partita
