// SPDX-License-Identifier: GPL-3.0-or-later
#include "SynchronizedSweep.h"

#include "MeasurementError.h"
#include "SweepBand.h"

#include <cmath>
#include <numbers>
#include <sstream>
#include <string>

namespace partita
{
namespace
{

std::string number (double value)
{
    std::ostringstream text;
    text << value;
    return text.str();
}

void check (bool condition, const std::string& message)
{
    if (!condition)
        throw MeasurementError (message);
}

void checkSpec (const SweepSpec& spec)
{
    check (std::isfinite (spec.sampleRate) && spec.sampleRate >= 8000.0 && spec.sampleRate <= 768000.0,
           "the sweep's sample rate must be between 8000 and 768000 Hz, not " + number (spec.sampleRate));
    check (spec.sampleRate == std::floor (spec.sampleRate),
           "the sweep's sample rate must be a whole number of Hz, not " + number (spec.sampleRate));
    check (std::isfinite (spec.startHz) && spec.startHz > 0.0,
           "the sweep's start frequency must be above 0 Hz, not " + number (spec.startHz));
    check (std::isfinite (spec.endHz) && spec.endHz > spec.startHz, "the sweep's end frequency (" + number (spec.endHz)
                                                                        + " Hz) must be above its start ("
                                                                        + number (spec.startHz) + " Hz)");
    check (spec.endHz <= spec.sampleRate / 2.0, "the sweep's end frequency (" + number (spec.endHz)
                                                    + " Hz) is above the Nyquist frequency ("
                                                    + number (spec.sampleRate / 2.0) + " Hz)");
    check (std::isfinite (spec.durationSeconds) && spec.durationSeconds >= 0.1 && spec.durationSeconds <= 600.0,
           "the sweep's duration must be between 0.1 and 600 s, not " + number (spec.durationSeconds));
    check (std::isfinite (spec.levelDbfs) && spec.levelDbfs <= 0.0 && spec.levelDbfs >= -120.0,
           "the sweep's level must be between -120 and 0 dBFS, not " + number (spec.levelDbfs));
    check (std::isfinite (spec.fadeInPeriods) && spec.fadeInPeriods >= 0.0
               && spec.fadeInPeriods == std::floor (spec.fadeInPeriods),
           "the sweep's fade-in must be a whole number of periods of the start frequency, not "
               + number (spec.fadeInPeriods));
    check (std::isfinite (spec.fadeOutSeconds) && spec.fadeOutSeconds >= 0.0,
           "the sweep's fade-out must be 0 s or more, not " + number (spec.fadeOutSeconds));
    check (std::isfinite (spec.silenceSeconds) && spec.silenceSeconds >= 0.0 && spec.silenceSeconds <= 600.0,
           "the silence after the sweep must be between 0 and 600 s, not " + number (spec.silenceSeconds));
    check (spec.repeats >= 1 && spec.repeats <= 100,
           "the sweep's repeats must be between 1 and 100, not " + std::to_string (spec.repeats));
    check (spec.numChannels >= 1 && spec.numChannels <= 64,
           "the sweep's channel count must be between 1 and 64, not " + std::to_string (spec.numChannels));
}

/** A raised cosine rising from 0 at position 0 to 1 at position 1. */
double riseAt (double position)
{
    return 0.5 - 0.5 * std::cos (std::numbers::pi * position);
}

} // namespace

SynchronizedSweep::SynchronizedSweep (const SweepSpec& spec)
    : sweepSpec (spec)
{
    checkSpec (spec);
    const double octaves = std::log (spec.endHz / spec.startHz);
    // f1 L must be a whole number for the harmonics to be in phase (Novak
    // 2015, eq. 47); at least 1, or there is no sweep at all.
    const double cycles = std::round (spec.durationSeconds * spec.startHz / octaves);
    check (cycles >= 1.0, "a sweep from " + number (spec.startHz) + " Hz lasting " + number (spec.durationSeconds)
                              + " s is too short to be synchronized; make it longer or start it higher");
    rate = cycles / spec.startHz;
    peak = std::pow (10.0, spec.levelDbfs / 20.0);
    numSweepFrames = static_cast<std::size_t> (std::ceil (durationSeconds() * spec.sampleRate));
    numPeriodFrames = numSweepFrames + static_cast<std::size_t> (std::llround (spec.silenceSeconds * spec.sampleRate));

    const double fadeInSeconds = rate * std::log1p (spec.fadeInPeriods / cycles);
    check (fadeInSeconds + spec.fadeOutSeconds <= durationSeconds(),
           "the sweep's fades (" + number (fadeInSeconds) + " s in, " + number (spec.fadeOutSeconds)
               + " s out) are longer than the sweep (" + number (durationSeconds()) + " s)");
}

double SynchronizedSweep::durationSeconds() const noexcept
{
    return rate * std::log (sweepSpec.endHz / sweepSpec.startHz);
}

double SynchronizedSweep::harmonicOffsetSeconds (int harmonic) const noexcept
{
    return rate * std::log (static_cast<double> (harmonic));
}

std::vector<double> SynchronizedSweep::generateSweep() const
{
    const double f1 = sweepSpec.startHz;
    const double fs = sweepSpec.sampleRate;
    // The fade-in ends where the phase has turned through fadeInPeriods whole
    // cycles, 2 pi f1 L (exp(t / L) - 1) = 2 pi k: at a zero of the sine.
    const double fadeInSeconds = rate * std::log1p (sweepSpec.fadeInPeriods / (f1 * rate));
    const double fadeOutSeconds = sweepSpec.fadeOutSeconds;
    const double duration = durationSeconds();

    std::vector<double> sweep (numSweepFrames);
    for (std::size_t frame = 0; frame < numSweepFrames; ++frame)
    {
        const double t = static_cast<double> (frame) / fs;
        // The phase in cycles, reduced before the multiplication by 2 pi so
        // that long sweeps keep their precision.
        const double cycles = f1 * rate * std::expm1 (t / rate);
        double gain = peak;
        if (t < fadeInSeconds)
            gain *= riseAt (t / fadeInSeconds);
        if (t > duration - fadeOutSeconds)
            gain *= t >= duration ? 0.0 : riseAt ((duration - t) / fadeOutSeconds);
        sweep[frame] = gain * std::sin (2.0 * std::numbers::pi * (cycles - std::floor (cycles)));
    }
    return sweep;
}

AudioClip SynchronizedSweep::generate() const
{
    const auto sweep = generateSweep();
    AudioClip clip;
    clip.sampleRate = sweepSpec.sampleRate;
    clip.channels.assign (sweepSpec.numChannels, std::vector<double> (totalFrames(), 0.0));
    for (auto& channel : clip.channels)
        for (std::size_t repeat = 0; repeat < sweepSpec.repeats; ++repeat)
            std::copy (sweep.begin(), sweep.end(),
                       channel.begin() + static_cast<std::ptrdiff_t> (repeat * numPeriodFrames));
    return clip;
}

std::vector<std::complex<double>> SynchronizedSweep::inverseSpectrum (std::size_t fftSize) const
{
    const double f1 = sweepSpec.startHz;
    const double fs = sweepSpec.sampleRate;
    const SweepBand band { f1, sweepSpec.endHz, fs };
    std::vector<std::complex<double>> inverse (fftSize / 2 + 1);
    for (std::size_t bin = 1; bin < inverse.size(); ++bin)
    {
        const double f = static_cast<double> (bin) * fs / static_cast<double> (fftSize);
        const double gain = band.weightAt (f);
        if (gain == 0.0)
            continue;
        // 1 / X(f), X(f) = A/2 sqrt(L / f) exp(j (2 pi f L (1 - ln(f / f1)) - pi / 4));
        // the DFT of the sampled sweep is fs X(f), hence the 1 / fs. The phase
        // in cycles is reduced before the multiplication by 2 pi.
        const double cycles = f * rate * (1.0 - std::log (f / f1));
        const double phase = -2.0 * std::numbers::pi * (cycles - std::floor (cycles)) + std::numbers::pi / 4.0;
        const double magnitude = gain * 2.0 * std::sqrt (f / rate) / (peak * fs);
        inverse[bin] = std::polar (magnitude, phase);
    }
    return inverse;
}

} // namespace partita
