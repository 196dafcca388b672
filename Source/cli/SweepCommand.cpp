// SPDX-License-Identifier: GPL-3.0-or-later
#include "SweepCommand.h"

#include "DecimalText.h"
#include "io/QuotedText.h"
#include "measure/SweepFile.h"
#include "measure/SynchronizedSweep.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>

namespace partita
{

namespace
{
std::string plural (std::size_t count, const std::string& noun)
{
    return std::to_string (count) + " " + noun + (count == 1 ? "" : "s");
}

std::string ordinal (int number)
{
    return std::to_string (number) + (number == 2 ? "nd" : number == 3 ? "rd" : "th");
}
} // namespace

int runSweepCommand (const SweepOptions& options, std::ostream& out, std::ostream&)
{
    std::error_code error;
    if (options.output.native().ends_with ('/') || std::filesystem::is_directory (options.output, error))
        throw std::runtime_error ("-o must name a file for sweep, not the folder " + quoted (options.output));

    const SynchronizedSweep sweep (options.spec);
    const auto format = resolveOutputFormat (options.output, options.sampleFormat);
    writeSweepFile (options.output, sweep, format, options.force ? OverwritePolicy::replace : OverwritePolicy::refuse);

    const auto& spec = sweep.spec();
    const double fadeInSeconds =
        sweep.rateSeconds() * std::log1p (spec.fadeInPeriods / (spec.startHz * sweep.rateSeconds()));
    out << quoted (options.output) << ": synchronized swept sine, " << withDecimals (spec.startHz, 2) << " Hz to "
        << withDecimals (spec.endHz, 1) << " Hz in " << withDecimals (sweep.durationSeconds(), 4) << " s (asked "
        << withDecimals (spec.durationSeconds, 3) << " s; L = " << withDecimals (sweep.rateSeconds(), 6)
        << " s, f1 L = " << std::lround (spec.startHz * sweep.rateSeconds()) << "), "
        << withDecimals (spec.sampleRate, 0) << " Hz, " << withDecimals (spec.levelDbfs, 1) << " dBFS\n";
    out << "  fade-in " << withDecimals (spec.fadeInPeriods, 0) << " period(s) ("
        << withDecimals (fadeInSeconds * 1000.0, 1) << " ms), fade-out "
        << withDecimals (spec.fadeOutSeconds * 1000.0, 1) << " ms, then " << withDecimals (spec.silenceSeconds, 3)
        << " s of silence; " << plural (spec.repeats, "repeat") << ", " << plural (spec.numChannels, "channel") << ": "
        << withDecimals (static_cast<double> (sweep.totalFrames()) / spec.sampleRate, 3) << " s in all, "
        << toString (format.container) << " " << toString (format.sampleFormat) << "\n";
    out << "  harmonic IRs before the linear one:";
    for (int harmonic = 2; harmonic <= 5; ++harmonic)
        out << (harmonic > 2 ? "," : "") << " " << ordinal (harmonic) << " "
            << withDecimals (sweep.harmonicOffsetSeconds (harmonic) * 1000.0, 2) << " ms";
    out << "\n  metadata: " << formatSweepMetadata (spec) << "\n";
    out.flush();
    return 0;
}

} // namespace partita
