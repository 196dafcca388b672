// SPDX-License-Identifier: GPL-3.0-or-later
#include "AnalyzeHelpText.h"

#include "AnalyzeOptionTable.h"
#include "HelpLayout.h"

namespace partita
{

std::string analyzeSummary()
{
    return "Measure the ISO 3382-1 room-acoustic parameters of impulse responses, per octave or third-octave band and "
           "broadband: EDT, T20, T30 (with each fit's r), C50, C80, D50, the centre time Ts and the peak-to-noise "
           "ratio; values the decay does not support are flagged. A table, JSON (--json), CSV (--csv), and the "
           "decay curves as SVG (--plot).";
}

std::string analyzeHelp()
{
    return R"(partita analyze - room-acoustic parameters of impulse responses (ISO 3382-1)

Usage:
  partita analyze IR... [--bands octave|third] [--json | --csv]
                  [--plot FILE.svg] [--channel N]

For each IR, per octave band (63 Hz to 8 kHz) or third-octave band (50 Hz to
10 kHz) and broadband:
  EDT   early decay time, from the decay curve's 0 to -10 dB
  T20   reverberation time from -5 to -25 dB (T30: -5 to -35 dB)
  C50   clarity, early (0-50 ms) to late energy, dB; C80 with 80 ms
  D50   definition, early (0-50 ms) to total energy, 0 to 1
  Ts    centre time, the energy's centre of gravity, ms
  PNR   peak-to-noise ratio of the band, dB
Times start at the direct sound: where the IR first rises to 20 dB below its
peak. The bands are IEC 61260-1 class 1 filters, run backwards in time so that
their ringing does not lengthen short decays. The decay curve is Schroeder's
backward integral, truncated where the decay meets the noise and compensated
for it (Lundeby's method). A value that the decay does not support is printed
with '*' (null in JSON, empty in CSV) and its reason listed: T30 needs about
45 dB of decay above the noise, T20 35 dB, EDT 20 dB; a curved T20 or T30
(r worse than -0.995) or a decay as short as the band filter's own (B T < 4,
B EDT < 16) is flagged too. Bands above 0.9 x Nyquist are left out, with a
note.

A file of several channels gives the ISO 3382-1 average over its channels
(for a B-format file, the W channel only) and, in JSON and CSV, each
channel's values as well. A file that cannot be read or analysed (missing,
silent, shorter than 100 ms after the direct sound, not finite) gets one line
on stderr and the exit status becomes 1; the others are still analysed.

)" + formatOptionSections (specsOf (analyzeOptionTable()))
           + R"(
Examples:
  partita analyze hall.wav
  partita analyze hall.wav --bands third --plot hall_decay.svg
  partita analyze room*.wav --json | jq '.[].broadband.t30_s'
  partita analyze church_bformat.wav --csv > church.csv
)";
}

} // namespace partita
