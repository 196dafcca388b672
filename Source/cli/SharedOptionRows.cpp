// SPDX-License-Identifier: GPL-3.0-or-later
#include "SharedOptionRows.h"

namespace partita
{

OptionSpec modeOptionSpec (OptionModes modes)
{
    return { .longName = "--mode",
             .value = OptionValue::required,
             .valueHint = "full, same or valid",
             .choices = namesOf (modeChoices),
             .modes = modes,
             .help = "Which part of the result to keep. full: all N + M - 1\n"
                     "samples, for render the whole tail (default); same:\n"
                     "N samples centred on the full result; valid: only\n"
                     "the samples computed without zero padding." };
}

OptionSpec methodOptionSpec (OptionModes modes)
{
    return { .longName = "--method",
             .value = OptionValue::required,
             .valueHint = "auto, direct or fft",
             .choices = namesOf (methodChoices),
             .modes = modes,
             .help = "How to compute: auto picks the cheaper of a direct\n"
                     "sum and FFT overlap-add for the sizes. Default auto." };
}

OptionSpec precisionOptionSpec (OptionModes modes)
{
    return { .longName = "--precision",
             .value = OptionValue::required,
             .valueHint = "single or double",
             .choices = namesOf (precisionChoices),
             .modes = modes,
             .help = "Arithmetic: single (32-bit float, as the plugin) or\n"
                     "double (64-bit, errors near -200 dB). Default single." };
}

OptionSpec sampleFormatOptionSpec (OptionModes modes)
{
    return { .longName = "--format",
             .value = OptionValue::required,
             .valueHint = "16, 24, 32, float, double or vorbis",
             .choices = namesOf (sampleFormatChoices),
             .modes = modes,
             .help = "Output sample format: 16/24/32-bit PCM, 32-bit float,\n"
                     "64-bit float or Ogg Vorbis. Default from the output's\n"
                     "extension: float for .wav/.aiff, 24 for .flac, vorbis\n"
                     "for .ogg." };
}

OptionSpec forceOptionSpec (OptionModes modes)
{
    return { .longName = "--force", .modes = modes, .help = "Overwrite existing outputs. Default: refuse." };
}

OptionSpec helpOptionSpec()
{
    return { .longName = "--help", .shortName = "-h", .help = "Show this help." };
}

} // namespace partita
