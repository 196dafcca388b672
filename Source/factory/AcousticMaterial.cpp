// SPDX-License-Identifier: GPL-3.0-or-later
#include "AcousticMaterial.h"

#include <cstddef>

namespace partita
{

OctaveBandValues mixMaterials (const OctaveBandValues& first, double firstShare,
                               const OctaveBandValues& second) noexcept
{
    OctaveBandValues mixed {};
    for (std::size_t b = 0; b < octaveBandCount; ++b)
        mixed[b] = firstShare * first[b] + (1.0 - firstShare) * second[b];
    return mixed;
}

} // namespace partita
