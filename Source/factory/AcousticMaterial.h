// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OctaveBands.h"

namespace partita
{

/** Random-incidence absorption coefficients of common surfaces per octave
    band (62.5 Hz ... 8 kHz), rounded from the usual published tables
    (e.g. Vorländer, Auralization, appendix; the 63 Hz and 8 kHz values
    extrapolated from their neighbours where the tables stop). Typical
    values to give rooms a plausible colour, not measurements of any one
    material. The hard surfaces (concrete, plaster, brick, stone, tile) are
    given as a surface of a real room is, with its doors, vents, fixtures and
    panel resonances: their low-frequency absorption is several times the
    bare material's, which would otherwise ring for tens of seconds below
    250 Hz in a large stone room, as no real one does. */
namespace acousticMaterial
{
inline constexpr OctaveBandValues concrete { 0.08, 0.08, 0.06, 0.05, 0.05, 0.05, 0.06, 0.07 };
inline constexpr OctaveBandValues plaster { 0.12, 0.11, 0.08, 0.05, 0.05, 0.05, 0.05, 0.06 };
inline constexpr OctaveBandValues brick { 0.08, 0.08, 0.06, 0.05, 0.05, 0.06, 0.07, 0.08 };
inline constexpr OctaveBandValues stone { 0.07, 0.06, 0.05, 0.04, 0.04, 0.05, 0.05, 0.06 };
inline constexpr OctaveBandValues glazedTile { 0.05, 0.04, 0.03, 0.03, 0.03, 0.04, 0.05, 0.06 };
inline constexpr OctaveBandValues woodPanel { 0.25, 0.28, 0.22, 0.17, 0.09, 0.10, 0.11, 0.11 };
inline constexpr OctaveBandValues woodFloor { 0.15, 0.15, 0.11, 0.10, 0.07, 0.06, 0.07, 0.07 };
inline constexpr OctaveBandValues carpet { 0.02, 0.02, 0.06, 0.14, 0.37, 0.60, 0.65, 0.65 };
inline constexpr OctaveBandValues heavyCurtain { 0.05, 0.07, 0.31, 0.49, 0.75, 0.70, 0.60, 0.55 };
inline constexpr OctaveBandValues seatedAudience { 0.30, 0.39, 0.57, 0.80, 0.94, 0.92, 0.87, 0.85 };
inline constexpr OctaveBandValues upholsteredSeats { 0.30, 0.44, 0.60, 0.77, 0.89, 0.82, 0.70, 0.65 };
inline constexpr OctaveBandValues acousticCeiling { 0.20, 0.30, 0.50, 0.70, 0.80, 0.80, 0.75, 0.70 };
inline constexpr OctaveBandValues window { 0.35, 0.35, 0.25, 0.18, 0.12, 0.07, 0.04, 0.03 };
inline constexpr OctaveBandValues foamPanel { 0.10, 0.15, 0.35, 0.70, 0.90, 0.95, 0.95, 0.95 };
inline constexpr OctaveBandValues bassTrappedWall { 0.45, 0.50, 0.45, 0.40, 0.35, 0.30, 0.30, 0.30 };
} // namespace acousticMaterial

/** A mixture of materials over one surface: their coefficients weighted by
    the share of the area each covers (the shares add up to 1). */
[[nodiscard]] OctaveBandValues mixMaterials (const OctaveBandValues& first, double firstShare,
                                             const OctaveBandValues& second) noexcept;

} // namespace partita
