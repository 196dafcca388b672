// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace partita::test
{

/** Synthetic room IRs and an independent reverberation-time measurement for
    the envelope's tests, written here in double precision without any of
    the code under test (analysis/EnergyDecayCurve uses Lundeby's iteration
    and a compensation term; this uses a fixed truncation and Chu's noise
    subtraction instead). */

/** A direct sound of 8 at directFrame (silence before it), then Gaussian
    noise (seeded) under an exponential envelope that falls 60 dB in
    reverbSeconds from an RMS of 1, plus
    stationary Gaussian noise at floorDb (RMS, relative to the decay's RMS at
    its start) over the whole length. */
std::vector<double> decayingRoom (double reverbSeconds, double floorDb, double seconds, double rate,
                                  std::size_t directFrame, std::uint32_t seed);

/** The frame where a room from decayingRoom meets its noise floor (the
    decay's mean energy equals the floor's). */
std::size_t floorCrossingFrame (double reverbSeconds, double floorDb, double rate, std::size_t directFrame);

/** Where an IR's decay meets its noise: the first 20 ms window after the
    loudest one whose mean energy is at most twice the mean energy of the
    IR's last tenth (the decay and the noise are then equal). */
std::size_t estimatedFloorCrossing (const std::vector<std::vector<double>>& channels, double rate);

/** The reverberation time from a least-squares line through Schroeder's
    backward integral (the channels' energies summed) between its first
    crossings of fromDb and toDb. The integral stops at `truncation`; with
    subtractNoise, the mean energy of the last tenth of the IR is first
    subtracted from every frame (Chu), for an IR whose noise is stationary. */
double referenceReverbTime (const std::vector<std::vector<double>>& channels, double rate, std::size_t truncation,
                            bool subtractNoise, double fromDb = -5.0, double toDb = -35.0);

} // namespace partita::test
