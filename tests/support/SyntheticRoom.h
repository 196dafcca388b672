// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <vector>

namespace partita
{

/** A room whose decay is known band by band: in each octave band (63 Hz to
    8 kHz) a band-limited signal decaying by 60 dB in that band's
    reverberation time, the bands summed; then stationary Gaussian noise at a
    chosen level; all after a short silence. Built here in double, from
    nothing the analysis under test uses.

    Each band's signal is a linear sweep across the band's middle quarter
    octave over the whole IR, under an exponential envelope: its energy is
    exactly the exponential, with no fluctuation about it. Gaussian noise (or
    a sum of random partials) would not do: the energy of one realisation
    fluctuates about its exponential, so its Schroeder curve's slope differs
    from the nominal T by a few percent at random (ISO 3382-2, Annex A: about
    0.88 T / sqrt (B T) for one decay; 5 to 20 % for the EDT of the 63 Hz band
    in trials), and a test could not tell a 2 % error of the analysis from
    chance. A quarter octave keeps each band's sweep 15 dB or more down in
    its neighbours' filters. */
struct SyntheticRoom
{
    static constexpr std::size_t bandCount = 8;
    /** The octave bands' exact mid-band frequencies (base 10): 1000 x 10^(0.3 (band - 4)). */
    static double centreHz (std::size_t band);

    std::vector<double> reverbSeconds = std::vector<double> (bandCount, 1.0);
    /** The power per sample of the noise relative to the decays' total power
        per sample at their start, in dB (-200 for none). */
    double noiseFloorDb = -200.0;
    double sampleRate = 48000.0;
    double seconds = 3.0;
    /** Silence before the decays start (the direct sound's onset). */
    double preDelaySeconds = 0.005;
    /** Seed of the noise floor. */
    unsigned seed = 1;

    /** The impulse response, its decays' powers equal in every band (scaled by 1/4). */
    [[nodiscard]] std::vector<float> render() const;

    /** The mean power per sample of one band's decay at its start, relative
        to the whole room's. */
    [[nodiscard]] static double bandShare() { return 1.0 / static_cast<double> (bandCount); }
};

} // namespace partita
