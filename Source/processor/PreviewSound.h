// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

namespace partita
{

/** The preview's dry sound, made here (no third-party audio), mono, at
    `sampleRate`: a snare hit (a pitched body falling from 240 to 180 Hz and a
    band of noise, both decaying within about 150 ms) and, 0.45 s later, an
    E major chord strummed on six plucked strings (Karplus-Strong: a burst of
    noise circulating in a delay line of one period, averaged and damped on
    each pass), ringing out over about 1.5 s. 2 s long, peak 0.5 (-6 dBFS).
    The same samples at a given rate every time (its noise is a fixed
    sequence), so that a preview compares IRs, not random draws.

    Threading: a pure function; allocates (call it off the audio thread). */
[[nodiscard]] std::vector<float> makePreviewSound (double sampleRate);

} // namespace partita
