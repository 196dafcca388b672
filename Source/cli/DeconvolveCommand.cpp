// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeconvolveCommand.h"

#include "DecimalText.h"
#include "RenderTargets.h"
#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"
#include "io/QuotedText.h"
#include "measure/SweepDeconvolver.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace partita
{

namespace
{
/** IR.wav -> IR_harmonic2.wav, beside it. */
std::filesystem::path harmonicPath (const std::filesystem::path& output, std::size_t harmonic)
{
    auto name = output.stem().string() + "_harmonic" + std::to_string (harmonic) + output.extension().string();
    return output.parent_path() / name;
}

/** Every file to be written, checked before any work: a file, never an
    input, never an existing file without --force (AudioFileWriter checks
    the last again as it moves the file into place). */
std::vector<std::filesystem::path> outputsOf (const DeconvolveOptions& options)
{
    std::error_code error;
    if (options.output.native().ends_with ('/') || std::filesystem::is_directory (options.output, error))
        throw std::runtime_error ("-o must name a file for deconvolve, not the folder " + quoted (options.output));

    std::vector<std::filesystem::path> outputs { options.output };
    for (std::size_t harmonic = 2; harmonic < options.settings.harmonics + 2; ++harmonic)
        outputs.push_back (harmonicPath (options.output, harmonic));

    auto inputs = options.recordings;
    inputs.push_back (options.sweep);
    for (const auto& output : outputs)
    {
        for (const auto& input : inputs)
            if (isSameFile (output, input))
                throw std::runtime_error ("the output " + quoted (output) + " is the input " + quoted (input)
                                          + "; partita never overwrites its input");
        if (!options.force && std::filesystem::exists (output, error))
            throw std::runtime_error (quoted (output) + " already exists; use --force to replace it");
    }
    return outputs;
}

void writeImpulseResponse (const std::filesystem::path& path, const AudioClip& clip, const DeconvolveOptions& options,
                           std::ostream& out, std::ostream& err)
{
    const auto format = resolveOutputFormat (path, options.sampleFormat);
    writeAudioFile (path, clip, format, options.force ? OverwritePolicy::replace : OverwritePolicy::refuse);

    double peak = 0.0;
    for (const auto& channel : clip.channels)
        for (const double sample : channel)
            peak = std::max (peak, std::abs (sample));
    out << "wrote " << quoted (path) << ": " << clip.numChannels() << " ch, " << withDecimals (clip.sampleRate, 0)
        << " Hz, " << withDecimals (static_cast<double> (clip.numFrames()) / clip.sampleRate, 3) << " s, peak "
        << withDecimals (20.0 * std::log10 (std::max (peak, 1.0e-30)), 1) << " dBFS, " << toString (format.sampleFormat)
        << "\n";
    if (isFixedPoint (format.sampleFormat) && peak >= 1.0)
        err << "warning: " << quoted (path) << ": the IR peaks above full scale and was clipped in "
            << toString (format.sampleFormat) << "; use --format float to keep it\n";
}
} // namespace

int runDeconvolveCommand (const DeconvolveOptions& options, std::ostream& out, std::ostream& err)
{
    const auto outputs = outputsOf (options);

    const auto sweepFile = readSweepFile (options.sweep);
    std::vector<AudioClip> recordings;
    std::vector<std::string> names;
    for (const auto& path : options.recordings)
    {
        recordings.push_back (readAudioFile (path));
        names.push_back (path.filename().string());
    }

    const SweepDeconvolver deconvolver (sweepFile, options.settings);
    const auto result = deconvolver.deconvolve (recordings, names);

    const auto band = deconvolver.band();
    out << "sweep " << quoted (options.sweep) << ": "
        << (result.method == InverseMethod::analytic ? "Partita sweep, analytic inverse"
                                                     : "no Partita metadata, regularised inverse")
        << ", " << withDecimals (band.lowHz, 1) << " Hz to " << withDecimals (band.highHz, 1)
        << " Hz; repeats averaged: " << result.repeatsAveraged << "\n";
    for (const auto& channel : result.channels)
        out << names[channel.recording] << " ch " << channel.channel + 1 << ": PNR "
            << withDecimals (channel.peakToNoiseDb, 1) << " dB, latency "
            << withDecimals (channel.latencySeconds * 1000.0, 2) << " ms (" << channel.latencyFrames
            << " samples), length kept " << withDecimals (channel.lengthSeconds, 3) << " s\n";
    if (options.settings.latency == LatencyHandling::remove)
        out << "latency removed: " << result.framesRemoved << " samples ("
            << withDecimals (static_cast<double> (result.framesRemoved) * 1000.0 / result.sampleRate, 2)
            << " ms), the same for every channel\n";

    writeImpulseResponse (outputs.front(), result.impulseResponse(), options, out, err);
    for (std::size_t harmonic = 2; harmonic < options.settings.harmonics + 2; ++harmonic)
        writeImpulseResponse (outputs[harmonic - 1], result.harmonicImpulseResponse (harmonic), options, out, err);
    out.flush();
    return 0;
}

} // namespace partita
