// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OctaveBands.h"
#include "io/AudioClip.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace partita
{

/** What a plate IR is made of. */
struct PlateDesign
{
    /** Reverberation time per octave band, in seconds (the damper's setting
        and the plate's losses, which rise at high frequencies). */
    OctaveBandValues reverbTime = flatBands (2.0);
    /** Plate thickness, metres (steel: 0.5 mm in the classic plates). Thinner
        plates are more dispersive. */
    double thickness = 0.0005;
    /** From the driver to the left and right pickups, metres. */
    double pickupDistanceLeft = 0.6;
    double pickupDistanceRight = 0.9;
    /** Below this the plate hardly moves (second-order high-pass, twice). */
    double lowCutHz = 120.0;
    /** A shelf above 3 kHz: the plate's brightness, dB. */
    double brightnessDb = 3.0;
    double lengthSeconds = 2.5;
    std::uint64_t seed = 1;
};

/** A steel plate reverb: bending waves are dispersive (their group velocity
    2 sqrt (2 pi f kappa), kappa = h c_L / sqrt 12, rises with frequency), so
    at a pickup the high frequencies arrive first and the low ones up to
    tens of milliseconds later; after that the plate's modes are so dense
    that the response is noise-like from the first milliseconds, each octave
    band decaying at its own rate. Made as decorrelated noise per pickup whose
    band b starts at distance / group velocity (f_b) and decays by 60 dB in
    reverbTime[b], summed through OctaveBandMixer, then the plate's low cut
    and brightness; peak at -1 dBFS.

    Threading: a pure computation. */
class PlateModel
{
public:
    PlateModel (PlateDesign design, double sampleRate);

    [[nodiscard]] std::size_t numFrames() const noexcept;
    /** Stereo: the left and right pickups. */
    [[nodiscard]] AudioClip render() const;

    /** The first arrival of band b at a pickup `distance` metres away. */
    [[nodiscard]] double arrivalSeconds (std::size_t band, double distance) const noexcept;

private:
    [[nodiscard]] std::vector<double> renderPickup (double distance, std::uint64_t seed) const;

    PlateDesign design;
    double rate;
};

} // namespace partita
