// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

#include <cstddef>
#include <vector>

namespace partita
{

/** A peak or dip of a cabinet's response (RBJ peaking filter). */
struct CabinetPeak
{
    double hz = 1000.0;
    double q = 1.0;
    double gainDb = 0.0;
};

/** What a close-miked speaker cabinet's response is made of. */
struct CabinetDesign
{
    /** The speaker's resonance in its box: a resonant second-order
        high-pass, s^2 / (s^2 + s / Q + 1), |H| = Q at the resonance. */
    double resonanceHz = 100.0;
    double resonanceQ = 1.2;
    /** A second reflection of the cone's sound: from the back wall of a
        closed box through the cone, or the back wave round an open back (a
        negative gain), or a second speaker further from the microphone:
        H = 1 + g e^(-j 2 pi f D / fs), D whole samples. Notches where the
        two are in opposition: at odd multiples of fs / (2 D) for g > 0, at
        multiples of fs / D (and DC) for g < 0. */
    std::size_t combDelaySamples = 60;
    double combGain = 0.3;
    /** Cone break-up, mid scoop, microphone presence. */
    std::vector<CabinetPeak> peaks;
    /** The roll-off: `rollOffSections` second-order low-passes at rollOffHz
        with rollOffQ. */
    double rollOffHz = 5000.0;
    double rollOffQ = 0.8;
    std::size_t rollOffSections = 2;
    /** Long enough for the resonances to ring out (they take a few tens of
        milliseconds at most). */
    std::size_t numFrames = 8192;
};

/** A speaker cabinet's impulse response as a chain of filters: the comb
    (FIR), the resonant high-pass, the peaks and the roll-off, applied to an
    impulse. Each filter's digital response is the bilinear transform of its
    analogue prototype prewarped at its own frequency, so the response at any
    frequency has a closed form (the tests compute it). Mono; faded out over
    the last 10 % and scaled to a peak of -1 dBFS.

    Threading: a pure computation. */
class CabinetModel
{
public:
    CabinetModel (CabinetDesign design, double sampleRate);

    [[nodiscard]] std::size_t numFrames() const noexcept { return design.numFrames; }
    [[nodiscard]] AudioClip render() const;

private:
    CabinetDesign design;
    double rate;
};

} // namespace partita
