// SPDX-License-Identifier: GPL-3.0-or-later
#include "CorrelateCommand.h"

#include "CorrelationPeak.h"
#include "JsonWriter.h"
#include "NamedChoices.h"
#include "ParallelFor.h"
#include "RenderBatch.h"
#include "RenderTargets.h"
#include "engine/WholeSignalConvolution.h"
#include "io/QuotedText.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace partita
{

namespace
{
/** Which channel of A meets which channel of B, one pair per output channel. */
using ChannelPairs = std::vector<std::pair<std::size_t, std::size_t>>;

ChannelPairs pairChannels (const CorrelateOptions& options, std::size_t firstChannels, std::size_t secondChannels)
{
    ChannelPairs pairs;
    if (firstChannels == secondChannels)
        for (std::size_t channel = 0; channel < firstChannels; ++channel)
            pairs.emplace_back (channel, channel);
    else if (secondChannels == 1)
        for (std::size_t channel = 0; channel < firstChannels; ++channel)
            pairs.emplace_back (channel, 0);
    else if (firstChannels == 1)
        for (std::size_t channel = 0; channel < secondChannels; ++channel)
            pairs.emplace_back (0, channel);
    else
        throw std::runtime_error ("cannot correlate " + quoted (options.first) + " (" + std::to_string (firstChannels)
                                  + " ch) with " + quoted (options.second) + " (" + std::to_string (secondChannels)
                                  + " ch): give two files with as many channels, or one mono file");
    return pairs;
}

/** The output's target, checked before any work: -o names a file, never an
    input, never an existing file without --force (render's rules). */
RenderTarget resolveOutput (const CorrelateOptions& options)
{
    std::error_code error;
    if (options.output.native().ends_with ('/') || std::filesystem::is_directory (options.output, error))
        throw std::runtime_error ("-o must name a file for correlate, not the folder " + quoted (options.output));

    for (const auto& input : { options.first, options.second })
        if (isSameFile (options.output, input))
            throw std::runtime_error ("the output " + quoted (options.output) + " is the input " + quoted (input)
                                      + "; partita never overwrites its input");

    RenderOptions asRender;
    asRender.inputs = { options.first };
    asRender.impulseResponse = options.second;
    asRender.output = options.output;
    asRender.sampleFormat = options.sampleFormat;
    asRender.force = options.force;
    return resolveRenderTargets (asRender).targets.front();
}

template <typename Sample>
std::vector<double> correlateChannels (const std::vector<double>& first, const std::vector<double>& second,
                                       const CorrelateOptions& options)
{
    const std::vector<Sample> signal (first.begin(), first.end());
    const std::vector<Sample> kernel (second.begin(), second.end());
    const auto correlation = correlate<Sample> (std::span<const Sample> (signal), std::span<const Sample> (kernel),
                                                options.mode, options.method);
    return { correlation.begin(), correlation.end() };
}

std::string signedNumber (double value, int decimals)
{
    char text[64] = {};
    std::snprintf (text, sizeof (text), "%+.*f", decimals, value);
    return text;
}

std::string describePeak (const CorrelateOptions& options, const std::pair<std::size_t, std::size_t>& pair,
                          const CorrelationPeak& peak, double sampleRate)
{
    const auto samples = peak.lag < 0 ? -peak.lag : peak.lag;
    std::string which = "in step";
    if (peak.lag != 0)
        which = quoted ((peak.lag > 0 ? options.first : options.second).filename()) + " is later by "
                + std::to_string (samples) + (samples == 1 ? " sample" : " samples");

    char value[64] = {};
    std::snprintf (value, sizeof (value), "%+.6g", peak.value);
    return "A ch " + std::to_string (pair.first + 1) + " x B ch " + std::to_string (pair.second + 1) + ": lag "
           + (peak.lag > 0 ? "+" : "") + std::to_string (peak.lag) + " samples ("
           + signedNumber (1000.0 * static_cast<double> (peak.lag) / sampleRate, 3) + " ms), " + which + "; peak "
           + value + ", normalised " + signedNumber (peak.normalised, 3);
}

/** The lags for scripts: one object, keys in snake_case with their units. */
std::string describePeaksAsJson (const CorrelateOptions& options, const ChannelPairs& pairs,
                                 const std::vector<CorrelationPeak>& peaks, double sampleRate)
{
    JsonWriter json;
    json.beginObject();
    json.key ("a");
    json.value (options.first.string());
    json.key ("b");
    json.value (options.second.string());
    json.key ("sample_rate_hz");
    json.value (sampleRate);
    json.key ("mode");
    json.value (nameOf (modeChoices, options.mode));
    json.key ("pairs");
    json.beginArray();
    for (std::size_t index = 0; index < pairs.size(); ++index)
    {
        json.beginObject();
        json.key ("a_channel");
        json.value (static_cast<std::uint64_t> (pairs[index].first + 1));
        json.key ("b_channel");
        json.value (static_cast<std::uint64_t> (pairs[index].second + 1));
        json.key ("lag_samples");
        json.value (static_cast<double> (peaks[index].lag));
        json.key ("lag_ms");
        json.value (1000.0 * static_cast<double> (peaks[index].lag) / sampleRate);
        json.key ("peak");
        json.value (peaks[index].value);
        json.key ("normalised_peak");
        json.value (peaks[index].normalised);
        json.endObject();
    }
    json.endArray();
    json.endObject();
    return json.text();
}
} // namespace

int runCorrelateCommand (const CorrelateOptions& options, std::ostream& out, std::ostream& err)
{
    std::optional<RenderTarget> target;
    if (!options.output.empty())
        target = resolveOutput (options);

    const auto first = openRenderInput (options.first).readRest();
    const auto second = openRenderInput (options.second).readRest();
    if (first.sampleRate != second.sampleRate)
        throw std::runtime_error ("cannot correlate " + quoted (options.first) + " ("
                                  + std::to_string (static_cast<long long> (first.sampleRate)) + " Hz) with "
                                  + quoted (options.second) + " ("
                                  + std::to_string (static_cast<long long> (second.sampleRate))
                                  + " Hz): a lag needs one sample rate; resample one of them first");
    const auto pairs = pairChannels (options, first.numChannels(), second.numChannels());

    AudioClip correlations;
    correlations.sampleRate = first.sampleRate;
    correlations.channels.resize (pairs.size());
    parallelFor (pairs.size(), std::max<unsigned> (std::thread::hardware_concurrency(), 1),
                 [&] (std::size_t index)
                 {
                     const auto& a = first.channels[pairs[index].first];
                     const auto& b = second.channels[pairs[index].second];
                     correlations.channels[index] = options.precision == Precision::float64
                                                        ? correlateChannels<double> (a, b, options)
                                                        : correlateChannels<float> (a, b, options);
                 });

    std::vector<CorrelationPeak> peaks;
    for (std::size_t index = 0; index < pairs.size(); ++index)
        peaks.push_back (findCorrelationPeak (correlations.channels[index], first.channels[pairs[index].first],
                                              second.channels[pairs[index].second], options.mode));

    if (options.json)
        out << describePeaksAsJson (options, pairs, peaks, first.sampleRate) << '\n';
    for (std::size_t index = 0; index < pairs.size() && !options.json; ++index)
    {
        if (options.quiet)
            out << peaks[index].lag << '\n';
        else
            out << describePeak (options, pairs[index], peaks[index], first.sampleRate) << '\n';
    }

    if (target)
    {
        const auto overwrite = options.force ? OverwritePolicy::replace : OverwritePolicy::refuse;
        const auto report = writeRenderedClip (*target, correlations, overwrite);
        if (!options.quiet && !options.json)
            out << formatReportLine (report) << '\n';
        if (isFixedPoint (report.sampleFormat) && report.samplesBeyondFullScale > 0)
            err << "warning: " << quoted (report.output) << ": " << report.samplesBeyondFullScale
                << " samples beyond full scale were clipped in " << toString (report.sampleFormat)
                << "; use --format float to keep the correlation's values\n";
    }
    out.flush();
    return 0;
}

} // namespace partita
