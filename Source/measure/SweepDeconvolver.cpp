// SPDX-License-Identifier: GPL-3.0-or-later
#include "SweepDeconvolver.h"

#include "FftSize.h"
#include "MeasurementError.h"
#include "RecordingChecks.h"
#include "RegularisedSweepInverse.h"
#include "SynchronizedSweep.h"
#include "analysis/EnergyDecayCurve.h"
#include "engine/RealFft.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>
#include <sstream>

namespace partita
{

/** Either inverse, with what the deconvolution needs to know of the sweep. */
class SweepDeconvolver::Inverse
{
public:
    explicit Inverse (const SweepSpec& spec)
        : synchronized (std::in_place, spec)
    {
    }
    explicit Inverse (RegularisedSweepInverse inverse)
        : regularised (std::move (inverse))
    {
    }

    [[nodiscard]] InverseMethod method() const noexcept
    {
        return synchronized ? InverseMethod::analytic : InverseMethod::regularised;
    }
    [[nodiscard]] double sampleRate() const noexcept { return rate; }
    void setSampleRate (double sampleRate) noexcept { rate = sampleRate; }

    [[nodiscard]] std::size_t sweepFrames() const noexcept
    {
        return synchronized ? synchronized->sweepFrames() : regularised->sweepFrames();
    }
    /** One sweep's start to the next's, when known. */
    [[nodiscard]] std::optional<std::size_t> periodFrames() const noexcept
    {
        if (synchronized && synchronized->spec().repeats > 1)
            return synchronized->periodFrames();
        return std::nullopt;
    }
    [[nodiscard]] std::size_t repeats() const noexcept { return synchronized ? synchronized->spec().repeats : 1; }
    [[nodiscard]] std::optional<double> rateSeconds() const noexcept
    {
        return synchronized ? std::optional<double> (synchronized->rateSeconds()) : regularised->rateSeconds();
    }
    [[nodiscard]] SweepBand band() const noexcept
    {
        if (synchronized)
            return SweepBand { synchronized->spec().startHz, synchronized->spec().endHz, rate };
        return regularised->band();
    }
    [[nodiscard]] std::vector<std::complex<double>> spectrum (std::size_t fftSize) const
    {
        return synchronized ? synchronized->inverseSpectrum (fftSize) : regularised->spectrum (fftSize);
    }

private:
    std::optional<SynchronizedSweep> synchronized;
    std::optional<RegularisedSweepInverse> regularised;
    double rate = 0.0;
};

namespace
{

constexpr double onsetThresholdDb = -20.0; // ISO 3382-1, A.3.4
constexpr double prerollSeconds = 0.001;
constexpr double responseThresholdDb = 25.0;

std::string decibels (double value)
{
    std::ostringstream text;
    text.precision (1);
    text << std::fixed << value << " dB";
    return text.str();
}

/** A raised cosine rising from 0 at position 0 to 1 at position 1. */
double riseAt (double position)
{
    return 0.5 - 0.5 * std::cos (std::numbers::pi * std::clamp (position, 0.0, 1.0));
}

void fadeIn (std::vector<double>& samples, std::size_t frames)
{
    frames = std::min (frames, samples.size());
    for (std::size_t frame = 0; frame < frames; ++frame)
        samples[frame] *= riseAt ((static_cast<double> (frame) + 0.5) / static_cast<double> (frames));
}

void fadeOut (std::vector<double>& samples, std::size_t frames)
{
    frames = std::min (frames, samples.size());
    const auto start = samples.size() - frames;
    for (std::size_t frame = 0; frame < frames; ++frame)
        samples[start + frame] *= riseAt ((static_cast<double> (frames - frame) - 0.5) / static_cast<double> (frames));
}

/** One channel to deconvolve and where it came from. */
struct SourceChannel
{
    std::size_t recording;
    std::size_t channel;
    const std::vector<double>* samples;
};

/** Where one recording's repeats lie in its deconvolved signal. */
struct RepeatLayout
{
    /** The first repeat's time zero (the recording's start, or a whole
        number of periods after it when the recording began early). */
    std::size_t base = 0;
    std::size_t period = 0;
    std::size_t count = 1;
    /** Frames of IR each repeat can give: up to the next repeat's harmonics,
        and for the last, up to the recording's end less the sweep. */
    std::size_t window = 0;
};

/** The deconvolved signals of one recording's channels, summed in energy. */
std::vector<double> energyEnvelope (const std::vector<const std::vector<double>*>& signals, std::size_t length)
{
    std::vector<double> energy (length, 0.0);
    for (const auto* signal : signals)
        for (std::size_t frame = 0; frame < length; ++frame)
            energy[frame] += (*signal)[frame] * (*signal)[frame];
    return energy;
}

/** The largest value of `energy` within `tolerance` frames of `centre`. */
double peakNear (const std::vector<double>& energy, std::size_t centre, std::size_t tolerance)
{
    const auto low = centre > tolerance ? centre - tolerance : 0;
    const auto high = std::min (energy.size(), centre + tolerance + 1);
    double peak = 0.0;
    for (auto frame = low; frame < high; ++frame)
        peak = std::max (peak, energy[frame]);
    return peak;
}

/** The peak's energy (one sample's) over the noise's mean energy per
    sample, as Lundeby found it, or as the last tenth of the window holds
    it when the decay never met the noise. */
double peakToNoiseDb (const std::vector<double>& energy, const DecayTail& tail)
{
    double noise = tail.noiseEnergyPerFrame;
    if (!(noise > 0.0))
    {
        const auto tenth = std::max<std::size_t> (1, energy.size() / 10);
        noise = std::accumulate (energy.end() - static_cast<std::ptrdiff_t> (tenth), energy.end(), 0.0)
                / static_cast<double> (tenth);
    }
    const double peak = *std::max_element (energy.begin(), energy.end());
    return noise > 0.0 ? 10.0 * std::log10 (peak / noise) : std::numeric_limits<double>::infinity();
}

/** The median magnitude of a signal: its noise floor, for a signal that is
    mostly noise. Taken over every 8th sample, which estimates it as well for
    a fraction of the memory. */
double medianMagnitude (const std::vector<double>& signal)
{
    std::vector<double> magnitudes;
    magnitudes.reserve (signal.size() / 8 + 1);
    for (std::size_t frame = 0; frame < signal.size(); frame += 8)
        magnitudes.push_back (std::abs (signal[frame]));
    const auto middle = magnitudes.begin() + static_cast<std::ptrdiff_t> (magnitudes.size() / 2);
    std::nth_element (magnitudes.begin(), middle, magnitudes.end());
    return *middle;
}

/** Divides every channel's spectrum by the loopback's (`referenceIndex`),
    regularised like a foreign sweep's: negligibly inside the sweep's band,
    strongly outside it; then drops the loopback. `scale` is the inverse
    FFT's 1 / fftSize, which both spectra carry and the quotient needs once. */
void divideByReference (std::vector<std::vector<std::complex<double>>>& spectra, std::size_t referenceIndex,
                        const SweepBand& band, double binHz, double scale)
{
    const auto reference = spectra[referenceIndex];
    double peakPower = 0.0;
    for (const auto& bin : reference)
        peakPower = std::max (peakPower, std::norm (bin));
    for (auto& spectrum : spectra)
        for (std::size_t bin = 0; bin < reference.size(); ++bin)
        {
            const double weight = band.weightAt (static_cast<double> (bin) * binHz);
            const double regularisation = peakPower * std::pow (10.0, -6.0 * weight);
            spectrum[bin] *= scale * std::conj (reference[bin]) / (std::norm (reference[bin]) + regularisation);
        }
    spectra.erase (spectra.begin() + static_cast<std::ptrdiff_t> (referenceIndex));
}

/** Refuses a channel without a response to the sweep: its peak (in the
    recording's span) must stand well above the median of its deconvolved
    signal, which is mostly noise. */
void checkResponse (const std::vector<double>& signal, std::size_t recordedFrames, const std::string& where)
{
    double peak = 0.0;
    for (std::size_t frame = 0; frame < recordedFrames; ++frame)
        peak = std::max (peak, std::abs (signal[frame]));
    const double ratioDb = 20.0 * std::log10 (peak / std::max (medianMagnitude (signal), 1.0e-300));
    if (!(ratioDb >= responseThresholdDb))
        throw MeasurementError (where + ": no response to this sweep (its deconvolved peak stands " + decibels (ratioDb)
                                + " above the noise; a recording of the sweep gives more than "
                                + decibels (responseThresholdDb) + ")");
}

/** Where a recording's repeats lie, from the energy of its deconvolved
    channels summed: back from the strongest peak to the first repeat, then
    the repeats after it that were recorded whole (each peak at least a
    quarter of the strongest, within `tolerance` of its place). */
RepeatLayout findRepeats (const std::vector<double>& energy, std::size_t period, std::size_t expectedRepeats,
                          std::size_t sweepFrames, std::size_t guardFrames, std::size_t tolerance,
                          const std::string& name)
{
    const auto length = energy.size();
    const auto peakFrame = static_cast<std::size_t> (std::max_element (energy.begin(), energy.end()) - energy.begin());
    RepeatLayout layout;
    layout.period = period;
    auto first = peakFrame;
    if (period > 0)
    {
        while (first >= period && peakNear (energy, first - period, tolerance) >= 0.25 * energy[peakFrame])
            first -= period;
        layout.base = first / period * period;
        while (layout.count < expectedRepeats && layout.base + layout.count * period + sweepFrames + tolerance <= length
               && peakNear (energy, first + layout.count * period, tolerance) >= 0.25 * energy[peakFrame])
            ++layout.count;
    }
    const auto lastStart = layout.base + (layout.count - 1) * period;
    layout.window = length > lastStart + sweepFrames ? length - lastStart - sweepFrames : 0;
    if (layout.count > 1)
        layout.window = std::min (layout.window, period - std::min (period, guardFrames));
    if (layout.window <= first - layout.base + tolerance)
        throw MeasurementError (name + ": the recording ends before the response does; record longer after the sweep");
    return layout;
}

/** The first arrival: where the IR first rises to 20 dB below its peak (ISO
    3382-1, A.3.4), searched at most `searchFrames` before the peak. */
std::size_t firstArrival (const std::vector<double>& segment, std::size_t searchFrames)
{
    const auto peakFrame =
        static_cast<std::size_t> (std::max_element (segment.begin(), segment.end(),
                                                    [] (double a, double b) { return std::abs (a) < std::abs (b); })
                                  - segment.begin());
    const double threshold = std::abs (segment[peakFrame]) * std::pow (10.0, onsetThresholdDb / 20.0);
    auto onset = peakFrame > searchFrames ? peakFrame - searchFrames : 0;
    while (onset < peakFrame && std::abs (segment[onset]) < threshold)
        ++onset;
    return onset;
}

/** Cuts a response to `keptFrames` with a short fade (10 ms, at most a tenth),
    or, without a length, where its decay meets the noise (tail, Lundeby)
    followed by a fade over a tenth of that (at least 10 ms) into the noise,
    so that nothing above the noise is faded. */
void cutResponse (std::vector<double>& response, const DecayTail& tail, std::optional<std::size_t> keptFrames,
                  double sampleRate)
{
    const auto tenMilliseconds = static_cast<std::size_t> (std::round (0.01 * sampleRate));
    if (keptFrames)
    {
        response.resize (*keptFrames);
        fadeOut (response, std::min (*keptFrames / 10, tenMilliseconds));
        return;
    }
    const auto fade = std::max (tail.truncationFrame / 10, tenMilliseconds);
    response.resize (std::min (response.size(), tail.truncationFrame + fade));
    fadeOut (response, std::min (fade, response.size()));
}

} // namespace

AudioClip DeconvolutionResult::impulseResponse() const
{
    AudioClip clip;
    clip.sampleRate = sampleRate;
    std::size_t length = 0;
    for (const auto& channel : channels)
        length = std::max (length, channel.impulseResponse.size());
    for (const auto& channel : channels)
    {
        auto samples = channel.impulseResponse;
        samples.resize (length, 0.0);
        clip.channels.push_back (std::move (samples));
    }
    return clip;
}

AudioClip DeconvolutionResult::harmonicImpulseResponse (std::size_t harmonic) const
{
    AudioClip clip;
    clip.sampleRate = sampleRate;
    std::size_t length = 0;
    for (const auto& channel : channels)
        if (harmonic >= 2 && harmonic - 2 < channel.harmonicImpulseResponses.size())
            length = std::max (length, channel.harmonicImpulseResponses[harmonic - 2].size());
    for (const auto& channel : channels)
    {
        std::vector<double> samples;
        if (harmonic >= 2 && harmonic - 2 < channel.harmonicImpulseResponses.size())
            samples = channel.harmonicImpulseResponses[harmonic - 2];
        samples.resize (length, 0.0);
        clip.channels.push_back (std::move (samples));
    }
    return clip;
}

SweepDeconvolver::SweepDeconvolver (const SweepSpec& spec, DeconvolutionSettings deconvolutionSettings)
    : inverse (std::make_unique<Inverse> (spec))
    , settings (deconvolutionSettings)
{
    inverse->setSampleRate (spec.sampleRate);
}

SweepDeconvolver::SweepDeconvolver (const SweepFile& sweep, DeconvolutionSettings deconvolutionSettings)
    : settings (deconvolutionSettings)
{
    if (sweep.spec)
    {
        if (sweep.spec->sampleRate != sweep.audio.sampleRate)
            throw MeasurementError ("the sweep's metadata says " + std::to_string (sweep.spec->sampleRate)
                                    + " Hz but the file is at " + std::to_string (sweep.audio.sampleRate) + " Hz");
        inverse = std::make_unique<Inverse> (*sweep.spec);
    }
    else
    {
        if (sweep.audio.numChannels() == 0)
            throw MeasurementError ("the sweep file holds no audio");
        inverse =
            std::make_unique<Inverse> (RegularisedSweepInverse (sweep.audio.channels.front(), sweep.audio.sampleRate));
    }
    inverse->setSampleRate (sweep.audio.sampleRate);
}

SweepDeconvolver::~SweepDeconvolver() = default;
SweepDeconvolver::SweepDeconvolver (SweepDeconvolver&&) noexcept = default;
SweepDeconvolver& SweepDeconvolver::operator= (SweepDeconvolver&&) noexcept = default;

InverseMethod SweepDeconvolver::method() const noexcept
{
    return inverse->method();
}

double SweepDeconvolver::sampleRate() const noexcept
{
    return inverse->sampleRate();
}

SweepBand SweepDeconvolver::band() const noexcept
{
    return inverse->band();
}

DeconvolutionResult SweepDeconvolver::deconvolve (std::span<const AudioClip> recordings,
                                                  std::span<const std::string> recordingNames) const
{
    const double fs = inverse->sampleRate();
    const auto sweepFrames = inverse->sweepFrames();
    if (recordings.empty())
        throw std::invalid_argument ("SweepDeconvolver::deconvolve: no recordings");

    std::vector<std::string> names;
    for (std::size_t index = 0; index < recordings.size(); ++index)
        names.push_back (index < recordingNames.size() ? recordingNames[index]
                                                       : "recording " + std::to_string (index + 1));

    std::vector<SourceChannel> sources;
    std::size_t longest = 0;
    for (std::size_t index = 0; index < recordings.size(); ++index)
    {
        checkRecording (recordings[index], names[index], fs, sweepFrames);
        longest = std::max (longest, recordings[index].numFrames());
        for (std::size_t channel = 0; channel < recordings[index].numChannels(); ++channel)
            sources.push_back ({ index, channel, &recordings[index].channels[channel] });
    }
    if (settings.referenceChannel && *settings.referenceChannel >= sources.size())
        throw MeasurementError ("reference channel " + std::to_string (*settings.referenceChannel + 1)
                                + " does not exist: the recordings have " + std::to_string (sources.size())
                                + " channels");
    if (settings.referenceChannel && sources.size() < 2)
        throw MeasurementError ("a reference channel needs at least one other channel to deconvolve");

    const auto rateSeconds = inverse->rateSeconds();
    if (settings.harmonics > 0 && !rateSeconds)
        throw MeasurementError ("the sweep is not an exponential sweep, so its harmonic IRs cannot be separated");
    if (settings.lengthSeconds && !(*settings.lengthSeconds > 0.0))
        throw MeasurementError ("the IR's length must be above 0 s");

    // Room for the whole recording and, at the end (negative times), the
    // harmonic IRs of a response that starts at once.
    const auto fftSize = fastFftSize (longest + sweepFrames + 2);
    const auto inverseSpectrum = inverse->spectrum (fftSize);
    RealFft<double> fft (fftSize);
    const double scale = 1.0 / static_cast<double> (fftSize);

    std::vector<std::vector<std::complex<double>>> spectra;
    for (const auto& source : sources)
    {
        auto time = fft.timeData();
        std::fill (time.begin(), time.end(), 0.0);
        std::copy (source.samples->begin(), source.samples->end(), time.begin());
        fft.forward();
        const auto bins = fft.spectrumData();
        std::vector<std::complex<double>> product (bins.size());
        for (std::size_t bin = 0; bin < bins.size(); ++bin)
            product[bin] = bins[bin] * inverseSpectrum[bin] * scale;
        spectra.push_back (std::move (product));
    }

    if (settings.referenceChannel)
    {
        divideByReference (spectra, *settings.referenceChannel, inverse->band(), fs / static_cast<double> (fftSize),
                           scale);
        sources.erase (sources.begin() + static_cast<std::ptrdiff_t> (*settings.referenceChannel));
    }

    const auto toTime = [&fft] (const std::vector<std::complex<double>>& spectrum)
    {
        auto bins = fft.spectrumData();
        std::copy (spectrum.begin(), spectrum.end(), bins.begin());
        fft.inverse();
        const auto time = fft.timeData();
        return std::vector<double> (time.begin(), time.end());
    };
    std::vector<std::vector<double>> signals;
    signals.reserve (spectra.size());
    for (const auto& spectrum : spectra)
        signals.push_back (toTime (spectrum));

    for (std::size_t index = 0; index < signals.size(); ++index)
    {
        const auto& source = sources[index];
        checkResponse (signals[index], longest,
                       names[source.recording]
                           + (recordings[source.recording].numChannels() > 1
                                  ? " channel " + std::to_string (source.channel + 1)
                                  : ""));
    }

    // The harmonics guard: the next repeat's 2nd to 5th (or the requested)
    // harmonic IRs come before its linear one and end the previous window.
    const double guardSeconds =
        rateSeconds ? *rateSeconds * std::log (static_cast<double> (std::max<std::size_t> (5, settings.harmonics + 1)))
                    : 0.0;
    const auto guardFrames = static_cast<std::size_t> (std::ceil (guardSeconds * fs));
    const auto tolerance = static_cast<std::size_t> (std::ceil (0.002 * fs));

    // Each recording's repeats, from the energy summed over its channels.
    std::vector<RepeatLayout> layouts (recordings.size());
    std::size_t repeatsAveraged = inverse->repeats();
    for (std::size_t recording = 0; recording < recordings.size(); ++recording)
    {
        std::vector<const std::vector<double>*> ownSignals;
        for (std::size_t index = 0; index < sources.size(); ++index)
            if (sources[index].recording == recording)
                ownSignals.push_back (&signals[index]);
        if (ownSignals.empty())
            continue; // a mono recording that was the reference
        const auto energy = energyEnvelope (ownSignals, recordings[recording].numFrames());

        auto& layout = layouts[recording];
        layout = findRepeats (energy, inverse->periodFrames().value_or (0), inverse->repeats(), sweepFrames,
                              guardFrames, tolerance, names[recording]);
        repeatsAveraged = std::min (repeatsAveraged, layout.count);
    }

    // The repeats, averaged synchronously (one period apart), over the
    // channel's window; `advance` delays the signal first by that many frames
    // (a harmonic's L ln n), so that the harmonic's IR lines up with the linear one.
    const auto averaged = [&] (const std::vector<std::complex<double>>& spectrum, std::size_t index, double advance)
    {
        // A harmonic's signal is made in the transform's own buffer, so
        // that no signal-long vector is allocated for it.
        std::span<const double> signal = signals[index];
        if (advance != 0.0)
        {
            auto bins = fft.spectrumData();
            for (std::size_t bin = 0; bin < bins.size(); ++bin)
                bins[bin] = spectrum[bin]
                            * std::polar (1.0, -2.0 * std::numbers::pi * static_cast<double> (bin) * advance
                                                   / static_cast<double> (fftSize));
            fft.inverse();
            signal = fft.timeData();
        }
        const auto& layout = layouts[sources[index].recording];
        std::vector<double> sum (layout.window, 0.0);
        for (std::size_t repeat = 0; repeat < layout.count; ++repeat)
            for (std::size_t frame = 0; frame < layout.window; ++frame)
                sum[frame] += signal[(layout.base + repeat * layout.period + frame) % fftSize];
        for (auto& value : sum)
            value /= static_cast<double> (layout.count);
        return sum;
    };

    DeconvolutionResult result;
    result.sampleRate = fs;
    result.method = inverse->method();
    result.repeatsAveraged = repeatsAveraged;

    const auto prerollFrames = static_cast<std::size_t> (std::round (
        std::min (prerollSeconds, rateSeconds ? 0.25 * *rateSeconds * std::numbers::ln2 : prerollSeconds) * fs));
    const auto onsetSearchFrames =
        static_cast<std::size_t> (std::round ((rateSeconds ? 0.5 * *rateSeconds * std::numbers::ln2 : 0.005) * fs));

    std::vector<std::vector<double>> linear;
    std::size_t earliestOnset = std::numeric_limits<std::size_t>::max();
    for (std::size_t index = 0; index < sources.size(); ++index)
    {
        auto segment = averaged (spectra[index], index, 0.0);
        const auto onset = firstArrival (segment, onsetSearchFrames);
        ChannelDeconvolution channel;
        channel.recording = sources[index].recording;
        channel.channel = sources[index].channel;
        channel.latencyFrames = onset;
        channel.latencySeconds = static_cast<double> (onset) / fs;
        result.channels.push_back (std::move (channel));
        earliestOnset = std::min (earliestOnset, onset);
        linear.push_back (std::move (segment));
    }

    // One start for every channel, so that their relative delays stay.
    const auto start = earliestOnset > prerollFrames ? earliestOnset - prerollFrames : 0;
    const auto leadingZeros = settings.latency == LatencyHandling::keep ? start : 0;
    result.framesRemoved = settings.latency == LatencyHandling::remove ? start : 0;

    const auto fixedLength =
        settings.lengthSeconds
            ? std::optional<std::size_t> (static_cast<std::size_t> (std::llround (*settings.lengthSeconds * fs)))
            : std::nullopt;
    if (fixedLength && *fixedLength <= leadingZeros)
        throw MeasurementError ("an IR of " + std::to_string (*settings.lengthSeconds)
                                + " s ends before the first arrival; ask for a longer one or remove the latency");

    for (std::size_t index = 0; index < sources.size(); ++index)
    {
        auto& channel = result.channels[index];
        const auto& segment = linear[index];
        std::vector<double> response (segment.begin() + static_cast<std::ptrdiff_t> (start), segment.end());
        fadeIn (response, std::min (prerollFrames, channel.latencyFrames - start + 1));

        std::vector<double> energy (response.size());
        std::transform (response.begin(), response.end(), energy.begin(), [] (double x) { return x * x; });
        const EnergyDecayCurve decay (energy, fs);
        channel.peakToNoiseDb = peakToNoiseDb (energy, decay.tail());

        if (fixedLength && *fixedLength - leadingZeros > response.size())
            throw MeasurementError (names[channel.recording] + ": the recording holds only "
                                    + std::to_string (static_cast<double> (response.size() + leadingZeros) / fs)
                                    + " s of IR after the sweep, less than the length asked");
        cutResponse (response, decay.tail(),
                     fixedLength ? std::optional<std::size_t> (*fixedLength - leadingZeros) : std::nullopt, fs);
        response.insert (response.begin(), leadingZeros, 0.0);
        channel.lengthFrames = response.size();
        channel.lengthSeconds = static_cast<double> (response.size()) / fs;
        channel.impulseResponse = std::move (response);

        for (std::size_t order = 2; order < settings.harmonics + 2; ++order)
        {
            const double offsetSeconds = *rateSeconds * std::log (static_cast<double> (order));
            auto harmonic = averaged (spectra[index], index, offsetSeconds * fs);
            // Up to where the next lower harmonic's (or the linear) IR begins.
            const auto gap = static_cast<std::size_t> (std::floor (
                *rateSeconds * std::log (static_cast<double> (order) / static_cast<double> (order - 1)) * fs));
            const auto end = std::min (harmonic.size(), start + gap);
            std::vector<double> window (harmonic.begin() + static_cast<std::ptrdiff_t> (std::min (start, end)),
                                        harmonic.begin() + static_cast<std::ptrdiff_t> (end));
            fadeIn (window, prerollFrames);
            fadeOut (window, std::min (window.size() / 10, static_cast<std::size_t> (std::round (0.01 * fs))));
            window.insert (window.begin(), leadingZeros, 0.0);
            channel.harmonicImpulseResponses.push_back (std::move (window));
        }
    }
    return result;
}

} // namespace partita
