// SPDX-License-Identifier: GPL-3.0-or-later
#include "HelpText.h"

#include "CommandTable.h"
#include "HelpLayout.h"
#include "InfoOptionTable.h"
#include "RenderOptionTable.h"

#ifndef PARTITA_VERSION
#define PARTITA_VERSION "unknown"
#endif

namespace partita
{

namespace
{
/** The general help's command paragraphs start in this column and end at 79. */
constexpr std::size_t summaryColumn = 11;
constexpr std::size_t summaryWidth = 68;

std::string commandsSection()
{
    std::string text = "Commands:\n";
    for (const auto& command : commandTable())
    {
        auto paragraph = wrapText (command.summary(), summaryWidth, summaryColumn);
        const auto label = "  " + std::string (command.name);
        text += label + paragraph.substr (label.size());
    }
    return text;
}
} // namespace

std::string generalHelp()
{
    std::string usage;
    for (const auto& command : commandTable())
        usage.append ("  ").append (command.synopsis).append ("\n");

    return "partita - convolve audio files with an impulse response (partitioned FFT convolution)\n\n"
           "Usage:\n"
           + usage
           + "  partita --help | --version\n"
             "  partita COMMAND --help\n\n"
           + commandsSection() + R"(
Examples:
  partita render dry.wav --ir hall.wav -o wet.wav
  partita render take1.wav take2.wav --ir plate.flac -o renders/ --mix 30
  partita info hall.wav wet.wav

Exit status: 0 on success, 1 when a file could not be read, rendered or
written, 2 when the command line is wrong.
)";
}

std::string renderSummary()
{
    auto options = specsOf (renderOptionTable());
    std::erase_if (options, [] (const OptionSpec* spec) { return spec->longName == "--help"; });
    return "Convolve one or more audio files with an impulse response (IR) and write the results: WAV, AIFF, FLAC "
           "or Ogg Vorbis, 32-bit float by default, the whole reverb tail kept. 'partita render --help' lists every "
           "option ("
           + optionNameList (options) + ").";
}

std::string renderHelp()
{
    return R"(partita render - convolve audio files with an impulse response

Usage:
  partita render INPUT... --ir IR -o OUTPUT [options]
  partita render INPUT... --state PRESET -o OUTPUT [--format F] [--output-channels N]
                 [--normalize-output peak|loudness TARGET] [--fail-on-clip] [--force] [-q]

One INPUT writes the file OUTPUT (or OUTPUT/<input name> when OUTPUT is a
folder). Several INPUTs need OUTPUT to be a folder: an existing one, or a path
ending in '/', which is created; each output keeps its input's file name.
Several files render in parallel. Files are read and written through
libsndfile (WAV, AIFF, FLAC, Ogg Vorbis). The IR is resampled to each input's
sample rate (libsoxr, high quality) when the rates differ; the output has the
input's rate. Outputs are written to a temporary file and renamed when
complete, so a failed render never leaves a partial file behind.

)" + formatOptionSections (specsOf (renderOptionTable()))
           + R"(
After rendering, each output gets a line on stdout with its channels, rate,
length, peak level and the number of samples beyond full scale, and after
--normalize-output the gain applied (and the loudness it gave); an output
that clips gets a warning on stderr, in every format, or with --fail-on-clip
an error and no file. A progress bar is drawn on stderr when it is a terminal.

Examples:
  partita render vocal.wav --ir plate.wav -o vocal_plate.wav --mix 35
  partita render guitar.flac --ir cab.wav -o guitar_cab.flac --normalize --format 24
  partita render a.wav b.wav c.wav --ir hall.wav -o wet/ --gain -6 --precision double
  partita render mix.wav --state "Vocal hall.partita" -o mix_hall.wav
  partita render take*.wav --ir hall.wav -o wet/ --normalize-output loudness -23
)";
}

std::string infoSummary()
{
    return "Show the format, channels, rate, length, and the peak and RMS level of each channel of audio files.";
}

std::string infoHelp()
{
    return R"(partita info - describe audio files

Usage:
  partita info FILE...

For each file: its path, container and sample format, channels, sample rate,
length in frames and seconds, and per channel the peak level (dBFS and linear)
and the RMS level (dBFS). A file that cannot be read gets one line on stderr
and the exit status becomes 1; the others are still described.

)" + formatOptionSections (specsOf (infoOptionTable()))
           + R"(
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
