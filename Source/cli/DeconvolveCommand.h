// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DeconvolveOptions.h"

#include <ostream>

namespace partita
{

/** `partita deconvolve RECORDING... --sweep SWEEP -o IR`: the impulse
    responses of every channel of the recordings (SweepDeconvolver), written
    as one file with a channel per recorded channel; with --harmonics N also
    the harmonic distortion IRs, as IR_harmonic2.wav and so on beside it.
    Prints, per channel, the peak-to-noise ratio, the latency found and the
    length kept. Never writes over an input, nor over an existing file
    without --force.

    Returns 0 when the IR was written. Throws, with a one-line message, for a
    file that cannot be read or written and for a recording that is not of
    this sweep: runApplication prints it as "partita: error: ..." and exits
    with status 1. */
int runDeconvolveCommand (const DeconvolveOptions& options, std::ostream& out, std::ostream& err);

} // namespace partita
