// SPDX-License-Identifier: GPL-3.0-or-later
#include "HelpText.h"

#ifndef PARTITA_VERSION
#define PARTITA_VERSION "unknown"
#endif

namespace partita
{

std::string_view generalHelp() noexcept
{
    return R"(partita - convolve audio files with an impulse response (partitioned FFT convolution)

Usage:
  partita render INPUT... --ir IR -o OUTPUT [options]
  partita info FILE...
  partita --help | --version
  partita COMMAND --help

Commands:
  render   Convolve one or more audio files with an impulse response (IR) and
           write the results: WAV, AIFF, FLAC or Ogg Vorbis, 32-bit float by
           default, the whole reverb tail kept. 'partita render --help' lists
           every option (--ir, -o/--output, --mix, --wet-gain, --dry-gain,
           --gain, --normalize, --mode, --method, --precision, --format,
           --output-channels, --force, -q/--quiet).
  info     Show the format, channels, rate, length, and the peak and RMS level
           of each channel of audio files.

Examples:
  partita render dry.wav --ir hall.wav -o wet.wav
  partita render take1.wav take2.wav --ir plate.flac -o renders/ --mix 30
  partita info hall.wav wet.wav

Exit status: 0 on success, 1 when a file could not be read, rendered or
written, 2 when the command line is wrong.
)";
}

std::string_view renderHelp() noexcept
{
    return R"(partita render - convolve audio files with an impulse response

Usage:
  partita render INPUT... --ir IR -o OUTPUT [options]
  partita render INPUT... --state PRESET -o OUTPUT [--format F] [--output-channels N] [--force] [-q]

One INPUT writes the file OUTPUT (or OUTPUT/<input name> when OUTPUT is a
folder). Several INPUTs need OUTPUT to be a folder: an existing one, or a path
ending in '/', which is created; each output keeps its input's file name.
Several files render in parallel. Files are read and written through
libsndfile (WAV, AIFF, FLAC, Ogg Vorbis). The IR is resampled to each input's
sample rate (libsoxr, high quality) when the rates differ; the output has the
input's rate. Outputs are written to a temporary file and renamed when
complete, so a failed render never leaves a partial file behind.

Required:
  --ir IR                 The impulse response file. Mono, one channel per
                          input, one per output for a mono input, or a full
                          matrix (true stereo: 4 channels LL, LR, RL, RR).
  -o, --output PATH       The output file, or folder for several inputs.

Or, instead of --ir and the options from --mix to --precision:
  --state PRESET          A preset exported by the Partita plugin (or a saved
                          plugin state): renders with the plugin's own signal
                          path, its IR and every parameter, so the output
                          nulls against the plugin's. Mono or stereo inputs;
                          the output has the input's length plus the tail,
                          with the plugin's latency removed.

Options:
  --mix PERCENT           Wet share of the output, 0 to 100 (linear):
                          output = mix * wet + (1 - mix) * dry. Default 100.
                          Below 100 the dry input must map onto the outputs:
                          as many outputs as inputs, or a mono input.
  --wet-gain DB           Gain of the convolved (wet) signal. Default 0.
  --dry-gain DB           Gain of the dry signal. Default 0.
  --gain DB               Output gain, after the mix. Default 0.
  --normalize [energy|peak]
                          Scale the IR first. energy: the IR channel with the
                          most energy gets a sum of squares of 1; peak: the
                          largest IR sample becomes 1. A bare --normalize means
                          energy. Default: off (the IR as recorded).
  --mode full|same|valid  Which part of the convolution to keep. full: all
                          N + M - 1 samples, the whole tail (default); same: N
                          samples centred on the full result; valid: only the
                          samples computed without zero padding.
  --method auto|direct|fft
                          How to compute: auto picks the cheaper of a direct
                          sum and FFT overlap-add for the sizes. Default auto.
  --precision single|double
                          Arithmetic: single (32-bit float, as the plugin) or
                          double (64-bit, errors near -200 dB). Default single.
  --format 16|24|32|float|double|vorbis
                          Output sample format: 16/24/32-bit PCM, 32-bit float,
                          64-bit float or Ogg Vorbis. Default from the output's
                          extension: float for .wav/.aiff, 24 for .flac, vorbis
                          for .ogg.
  --output-channels N     Number of output channels. Default: as many as the
                          inputs (mono or per-channel IR), as many as the IR's
                          channels for a mono input, IR channels / inputs for a
                          full matrix.
  --force                 Overwrite existing outputs. Default: refuse.
  -q, --quiet             No progress bar and no report.
  -h, --help              Show this help.

After rendering, each output gets a line on stdout with its channels, rate,
length, peak level and the number of samples beyond full scale; a fixed-point
output that clips gets a warning on stderr. A progress bar is drawn on stderr
when it is a terminal.

Examples:
  partita render vocal.wav --ir plate.wav -o vocal_plate.wav --mix 35
  partita render guitar.flac --ir cab.wav -o guitar_cab.flac --normalize --format 24
  partita render a.wav b.wav c.wav --ir hall.wav -o wet/ --gain -6 --precision double
  partita render mix.wav --state "Vocal hall.partita" -o mix_hall.wav
)";
}

std::string_view infoHelp() noexcept
{
    return R"(partita info - describe audio files

Usage:
  partita info FILE...

For each file: its path, container and sample format, channels, sample rate,
length in frames and seconds, and per channel the peak level (dBFS and linear)
and the RMS level (dBFS). A file that cannot be read gets one line on stderr
and the exit status becomes 1; the others are still described.

Options:
  -h, --help              Show this help.

Examples:
  partita info hall.wav
  partita info renders/*.wav
)";
}

std::string versionText()
{
    return std::string ("partita ") + PARTITA_VERSION
           + "\nCopyright the Partita authors. License GPL-3.0-or-later: <https://gnu.org/licenses/gpl.html>\n";
}

} // namespace partita
