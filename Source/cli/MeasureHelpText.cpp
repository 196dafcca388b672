// SPDX-License-Identifier: GPL-3.0-or-later
// The help of the measuring commands, `sweep` and `deconvolve` (declared in
// HelpText.h with the others').
#include "DeconvolveOptionTable.h"
#include "HelpLayout.h"
#include "HelpText.h"
#include "SweepOptionTable.h"

namespace partita
{

std::string sweepSummary()
{
    return "Write an exponential sine sweep for measuring a room (the synchronized swept sine of Novak et al.), "
           "its parameters stored in the file for 'partita deconvolve'.";
}

std::string sweepHelp()
{
    return R"(partita sweep - write a sweep for measuring an impulse response

Usage:
  partita sweep -o SWEEP [options]

Writes the synchronized swept sine of Novak, Simon and Lotton (JAES 2015):
x(t) = A sin(2 pi f1 L (exp(t / L) - 1)), L = round(T f1 / ln(f2 / f1)) / f1.
Because f1 L is a whole number, the n-th harmonic that a distorting
loudspeaker adds is the sweep itself, L ln(n) earlier: deconvolution puts
its impulse response exactly that far before the linear one, where it is
cut away (or kept, with deconvolve --harmonics). The duration is the
synchronized one nearest to the one asked, and is printed. The sweep fades
in over whole periods of the start frequency (its phase starts at a zero)
and out over a few ms, so its spectrum has no broadband click and the IR no
pre-ringing. Each sweep is followed by silence for the room's decay; with
--repeats the sweep and its silence are repeated and deconvolve averages
them. Every channel carries the same sweep.

The parameters are printed and stored in the file's comment (a WAV's
LIST/INFO ICMT, a FLAC's Vorbis comment), one line beginning
"partita-sweep/1", from which deconvolve builds the exact analytic inverse.

)" + formatOptionSections (specsOf (sweepOptionTable()))
           + R"(
Examples:
  partita sweep -o sweep.wav
  partita sweep -o sweep.wav --duration 20 --repeats 4 --level -6
  partita sweep -o sweep96.flac --rate 96000 --start 10 --end 40k --format 24
)";
}

std::string deconvolveSummary()
{
    return "Turn recordings of a sweep into impulse responses (per channel, harmonic distortion separated, repeats "
           "averaged, the end found from the noise floor) and print each channel's peak-to-noise ratio, latency "
           "and length.";
}

std::string deconvolveHelp()
{
    return R"(partita deconvolve - impulse responses from recordings of a sweep

Usage:
  partita deconvolve RECORDING... --sweep SWEEP -o IR [options]

Deconvolves every channel of every recording (mono, stereo, binaural,
B-format) by the sweep: analytically (Novak 2015) for a sweep written by
'partita sweep', whose metadata gives its parameters; by regularised
spectral division (Kirkeby) for any other sweep file, inside the band found
in its spectrum. The IR file has one channel per recorded channel, in the
order given.

Harmonic distortion lands before the linear IR (L ln n for the n-th
harmonic) and is cut away; --harmonics N writes the 2nd to (N+1)-th
harmonic IRs too, to IR_harmonic2.wav and so on, each aligned with the
linear one. Repeats of the sweep in a recording are averaged, one period
apart, after deconvolution. The first arrival is found per channel (where
the IR first comes within 20 dB of its peak); by default the latency before
the earliest of them is removed, the same for every channel, so the
channels keep their relative delays and the IR starts 1 ms before the
direct sound. The end is where the decay meets the noise (Lundeby's
method), followed by a fade over a tenth of the length; --length cuts it
instead.

Per channel it prints the peak-to-noise ratio (the peak sample's energy
over the noise's mean), the latency found and the length kept. A recording
at another sample rate, shorter than the sweep, silent, clipped, or with no
response to the sweep in it gets one line and exit status 1, and no IR.

)" + formatOptionSections (specsOf (deconvolveOptionTable()))
           + R"(
Examples:
  partita deconvolve room.wav --sweep sweep.wav -o room_ir.wav
  partita deconvolve left.wav right.wav --sweep sweep.wav -o stereo.wav
  partita deconvolve take.wav --sweep sweep.wav -o ir.wav --latency keep
  partita deconvolve take.wav --sweep sweep.wav -o ir.wav --reference 3
  partita deconvolve take.wav --sweep sweep.wav -o ir.wav --harmonics 3
)";
}

} // namespace partita
