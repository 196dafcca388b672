// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace partita
{

/** What a measurement sweep is asked to be: the parameters `partita sweep`
    takes and stores in the file's metadata. The sweep actually generated is
    the synchronized swept sine nearest to this (SynchronizedSweep): its
    duration is rounded so that f1 * L is a whole number, which is what puts
    every harmonic's impulse response at exactly L ln(n) before the linear one
    with the phase of the fundamental. */
struct SweepSpec
{
    /** The start and end frequencies; 0 < startHz < endHz <= sampleRate / 2. */
    double startHz = 20.0;
    double endHz = 20000.0;
    /** The requested duration of one sweep; the synchronized duration
        (SynchronizedSweep::durationSeconds) differs from it by less than
        ln(endHz / startHz) / (2 startHz). */
    double durationSeconds = 10.0;
    double sampleRate = 48000.0;
    /** The sweep's amplitude in dB relative to full scale (a sine's peak). */
    double levelDbfs = -12.0;
    /** The raised-cosine fade-in, in whole periods of startHz: a fade over
        whole periods starts the sine at a zero of its phase and keeps its
        spectrum free of the broadband click that an abrupt start spreads
        (the pre-ringing of badly faded sweeps). */
    double fadeInPeriods = 1.0;
    /** The raised-cosine fade-out at the sweep's end, in seconds; short,
        because the sweep spends little time near endHz. */
    double fadeOutSeconds = 0.005;
    /** Silence after each sweep, for the room's decay. */
    double silenceSeconds = 3.0;
    /** Sweeps in a row, each followed by its silence; deconvolution averages them. */
    std::size_t repeats = 1;
    /** Channels in the file, all carrying the same sweep. */
    std::size_t numChannels = 1;
};

} // namespace partita
