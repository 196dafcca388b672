// SPDX-License-Identifier: GPL-3.0-or-later
#include "VectorArithmetic.h"

#include "SimdDispatch.h"

namespace partita
{
namespace
{
template <typename Sample>
void addIntoInPlace (Sample* destination, const Sample* source, std::size_t count) noexcept
{
    for (std::size_t n = 0; n < count; ++n)
        destination[n] += source[n];
}
} // namespace

PARTITA_SIMD_CLONES
void addInto (float* destination, const float* source, std::size_t count) noexcept
{
    addIntoInPlace (destination, source, count);
}

PARTITA_SIMD_CLONES
void addInto (double* destination, const double* source, std::size_t count) noexcept
{
    addIntoInPlace (destination, source, count);
}

} // namespace partita
