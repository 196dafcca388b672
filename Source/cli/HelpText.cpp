// SPDX-License-Identifier: GPL-3.0-or-later
#include "HelpText.h"

#include "CommandTable.h"
#include "CorrelateOptionTable.h"
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
        // A name too long for the column gets a line of its own.
        if (label.size() + 1 > summaryColumn)
            text += label + "\n" + paragraph;
        else
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

    std::string examples;
    for (const auto& example : generalExamples())
        examples.append ("  ").append (example).append ("\n");

    return "partita - " + std::string (programPurpose()) + "\n\n" + "Usage:\n" + usage
           + "  partita --help | --version\n"
             "  partita COMMAND --help\n\n"
           + commandsSection() + "\nExamples:\n" + examples + "\n" + wrapText (exitStatusText(), 72, 0);
}

std::string_view programPurpose()
{
    return "convolve audio files with an impulse response (partitioned FFT convolution)";
}

std::span<const std::string_view> generalExamples()
{
    static constexpr std::string_view examples[] = {
        "partita render dry.wav --ir hall.wav -o wet.wav",
        "partita render take1.wav take2.wav --ir plate.flac -o renders/ --mix 30",
        "partita render --ir hall.wav - -o - < dry.wav > wet.wav",
        "partita info hall.wav wet.wav",
        "partita info --json renders/*.wav",
        "partita correlate room_mic.wav close_mic.wav",
        "partita analyze hall.wav --plot hall_decay.svg",
    };
    return examples;
}

std::string exitStatusText()
{
    return "Exit status: 0 on success, 1 when a file could not be read, rendered or written, 2 when the command "
           "line is wrong.";
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
  partita render INPUT... --ir IR -o OUTPUT [options] [plugin controls]
  partita render INPUT... --state PRESET -o OUTPUT [plugin controls] [--tempo BPM]
                 [--ir-b IR] [--ir-single-file] [--format F] [--output-channels N]
                 [--normalize-output peak|loudness TARGET] [--fail-on-clip] [--force] [-q]

One INPUT writes the file OUTPUT (or OUTPUT/<input name> when OUTPUT is a
folder). Several INPUTs need OUTPUT to be a folder: an existing one, or a path
ending in '/', which is created; each output keeps its input's file name.
Several files render in parallel. Files are read and written through
libsndfile (WAV, AIFF, FLAC, Ogg Vorbis). The IR is resampled to each input's
sample rate (libsoxr, high quality) when the rates differ; the output has the
input's rate. Outputs are written to a temporary file and renamed when
complete, so a failed render never leaves a partial file behind.

'-' reads standard input (as one INPUT, the IR or the preset; once), and
-o - writes the output to standard output: WAV, 32-bit float unless --format
says otherwise (Ogg for --format vorbis); the report then goes to stderr.

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
  partita render mix.wav --state "Vocal hall.partita" -o mix_hall.wav --set mix=25 --pre-delay 30ms
  partita render vocal.wav --ir hall.wav -o vocal_hall.wav --auto-gain --pre-delay 20 --low-cut 120Hz
  partita render take*.wav --ir hall.wav -o wet/ --normalize-output loudness -23
)";
}

std::string infoSummary()
{
    return "Show the format, channels, rate, length, and the peak and RMS level of each channel of audio files, "
           "as text or as JSON (--json).";
}

std::string infoHelp()
{
    return R"(partita info - describe audio files

Usage:
  partita info FILE...

For each file: its path, container and sample format, channels, sample rate,
length in frames and seconds, and per channel the peak level (dBFS and linear)
and the RMS level (dBFS). A file that cannot be read gets one line on stderr
and the exit status becomes 1; the others are still described. '-' reads
standard input. WAV, RF64, W64, AIFF, CAF, FLAC and Ogg, and whatever else
libsndfile reads. 'factory:' lists Partita's generated factory IRs (id,
category, channels, length, reverberation time); 'factory:ID' describes one.

)" + formatOptionSections (specsOf (infoOptionTable()))
           + R"(
Examples:
  partita info hall.wav
  partita info renders/*.wav
  partita info --json hall.wav | jq .peak_dbfs
  partita info factory:
)";
}

std::string correlateSummary()
{
    return "Cross-correlate two audio files (B slid along A, not flipped, as scipy.signal.correlate) and print the lag "
           "of the peak per channel pair, in samples and ms: the quick way to align two microphones or measure a "
           "delay. Writes the correlation with -o.";
}

std::string correlateHelp()
{
    return R"(partita correlate - cross-correlate two audio files and find their lag

Usage:
  partita correlate A B [-o OUTPUT] [options]

Computes the cross-correlation of A with B, r[L] = sum_k A[k + L] B[k]: B is
slid along A without being flipped (scipy.signal.correlate(A, B); a
convolution would flip it). For each channel pair it prints the lag L of the
peak of |r| in samples and milliseconds, the peak's value and its value
normalised by the two channels' energies (from -1 to 1; negative means
inverted polarity).

A positive lag means A is later than B: if A is a copy of B delayed by 37
samples, the lag is +37; swap the files and it is -37. Sample n of the
output has lag n - (M - 1) in full mode (M = length of B), n - (M - 1) +
floor((M - 1) / 2) in same mode, and in valid mode n when A is at least as
long as B, else n - (M - N) (N = length of A): the numbering of
scipy.signal.correlation_lags for full and valid mode.

Channels: channel i of A with channel i of B when both have as many
channels, or a mono file with each channel of the other; anything else is
refused. Both files must have the same sample rate. The output, when asked
for, has one channel per pair and the rate of the files; its values are not
scaled, so keep the default float format unless they are small.

)" + formatOptionSections (specsOf (correlateOptionTable()))
           + R"(
Examples:
  partita correlate close_mic.wav room_mic.wav
  partita correlate take.wav reference.wav -q
  partita correlate a.wav b.wav -o xcorr.wav --mode same --precision double
)";
}

std::string versionText()
{
    return std::string ("partita ") + PARTITA_VERSION
           + "\nCopyright the Partita authors. License GPL-3.0-or-later: <https://gnu.org/licenses/gpl.html>\n";
}

} // namespace partita
