// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace partita
{

enum class BandResolution;

/** One octave or fractional-octave band of IEC 61260-1. */
struct FrequencyBand
{
    /** The exact mid-band frequency, base 10: 1000 Hz x G^(x / b) with G = 10^0.3. */
    double centreHz = 0.0;
    /** Its band edges, centreHz x G^(-1 / 2b) and centreHz x G^(1 / 2b). */
    double lowerEdgeHz = 0.0;
    double upperEdgeHz = 0.0;
    /** The nominal mid-band frequency as printed: "63", "1k", "12.5k". */
    std::string label;
};

/** The bands ISO 3382-1 reports: octaves 63 Hz to 8 kHz, or third octaves
    50 Hz to 10 kHz, in rising frequency. */
std::vector<FrequencyBand> roomAcousticBands (BandResolution resolution);

} // namespace partita
