// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CorrelateOptions.h"

#include <ostream>

namespace partita
{

/** `partita correlate A B`: the cross-correlation of A with B (B slid along
    A without being flipped: scipy.signal.correlate (A, B, mode)), channel by
    channel: channel i of A with channel i of B when both have as many
    channels, or a mono file against each channel of the other; anything
    else is refused. Prints, per channel pair, the lag of the peak of |r| in
    samples and milliseconds (positive: A is later than B, see
    correlationLag), and writes the correlations to -o when given (one
    channel per pair, at the files' rate), with render's output rules: never
    over an input, never over an existing file without --force, never half
    written.

    Returns 0 when everything was done. Throws, with a one-line message, for
    a file that cannot be read, paired, correlated or written: runApplication
    prints it as "partita: error: ..." and exits with status 1.

    Threading: call from one thread; it starts and joins its own. */
int runCorrelateCommand (const CorrelateOptions& options, std::ostream& out, std::ostream& err);

} // namespace partita
