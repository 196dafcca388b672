// SPDX-License-Identifier: GPL-3.0-or-later
#include "FrequencyBands.h"

#include "RoomAcousticAnalysis.h"

#include <array>
#include <cmath>
#include <string_view>

namespace partita
{
namespace
{
/** IEC 61260-1's octave ratio in base 10 (not 2: the exact mid-band
    frequencies then repeat every decade, 1000 Hz x 10^(x/10) for thirds). */
const double octaveRatio = std::pow (10.0, 0.3);

/** The nominal names of the third-octave mid-band frequencies 50 Hz to 10 kHz
    (IEC 61260-1, Annex E); every third one is an octave's. */
constexpr std::array<std::string_view, 24> thirdOctaveNames { "50",    "63",  "80",    "100",  "125", "160",
                                                              "200",   "250", "315",   "400",  "500", "630",
                                                              "800",   "1k",  "1.25k", "1.6k", "2k",  "2.5k",
                                                              "3.15k", "4k",  "5k",    "6.3k", "8k",  "10k" };
/** Index of 1 kHz in thirdOctaveNames. */
constexpr int thirdOctaveOfReference = 13;

FrequencyBand bandAt (int index, int bandsPerOctave)
{
    const double fraction = 1.0 / static_cast<double> (bandsPerOctave);
    FrequencyBand band;
    band.centreHz = 1000.0 * std::pow (octaveRatio, static_cast<double> (index) * fraction);
    band.lowerEdgeHz = band.centreHz * std::pow (octaveRatio, -0.5 * fraction);
    band.upperEdgeHz = band.centreHz * std::pow (octaveRatio, 0.5 * fraction);
    const int third = thirdOctaveOfReference + index * (3 / bandsPerOctave);
    band.label = std::string (thirdOctaveNames[static_cast<std::size_t> (third)]);
    return band;
}
} // namespace

std::vector<FrequencyBand> roomAcousticBands (BandResolution resolution)
{
    std::vector<FrequencyBand> bands;
    if (resolution == BandResolution::octave)
        for (int index = -4; index <= 3; ++index) // 63 Hz to 8 kHz
            bands.push_back (bandAt (index, 1));
    else
        for (int index = -13; index <= 10; ++index) // 50 Hz to 10 kHz
            bands.push_back (bandAt (index, 3));
    return bands;
}

} // namespace partita
