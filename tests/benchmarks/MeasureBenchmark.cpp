// SPDX-License-Identifier: GPL-3.0-or-later
// partita_measure_benchmark: how long deconvolving a 10 s stereo recording
// of a 10 s Partita sweep (48 kHz, 3 s of silence after it, so 13 s per
// channel) takes, printed next to one plain real FFT of the size the
// deconvolution uses (the engine's RealFft, double, planned with
// FFTW_ESTIMATE as the deconvolver plans it), so that the figure can be
// judged on any machine. A program, not a test: the times are
// measurements, not pass/fail.
//
//   partita_measure_benchmark [runs]
#include "RepeatedTiming.h"
#include "engine/RealFft.h"
#include "engine/WholeSignalConvolution.h"
#include "measure/FftSize.h"
#include "measure/SweepDeconvolver.h"
#include "measure/SynchronizedSweep.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace
{
using Timing = partita::benchmark::RepeatedTiming;
using partita::benchmark::timeRepeatedly;

void print (const std::string& what, Timing time)
{
    std::printf ("| %-62s | %10.3f | %10.3f |\n", what.c_str(), time.medianMs, time.fastestMs);
}

/** A decaying noise "room" of about 0.5 s, different per ear. */
std::vector<double> room (unsigned seed)
{
    std::mt19937 generator (seed);
    std::normal_distribution<double> gaussian (0.0, 1.0);
    std::vector<double> response (24000);
    for (std::size_t frame = 0; frame < response.size(); ++frame)
        response[frame] = 0.1 * gaussian (generator) * std::exp (-6.9 * static_cast<double> (frame) / 24000.0);
    return response;
}
} // namespace

int main (int argc, char** argv)
{
    const int runs = argc > 1 ? std::max (1, std::atoi (argv[1])) : 7;

    partita::SweepSpec spec; // 20 Hz to 20 kHz, 10 s, 48 kHz, 3 s silence
    const partita::SynchronizedSweep sweep (spec);
    const auto signal = sweep.generate().channels.front();

    partita::AudioClip recording;
    recording.sampleRate = spec.sampleRate;
    std::mt19937 generator (7);
    std::normal_distribution<double> noise (0.0, 1.0e-4);
    for (const unsigned seed : { 1u, 2u })
    {
        auto wet = partita::convolve<double> (signal, room (seed));
        wet.resize (signal.size());
        for (auto& sample : wet)
            sample += noise (generator);
        recording.channels.push_back (std::move (wet));
    }

    const auto fftSize = partita::fastFftSize (recording.numFrames() + sweep.sweepFrames() + 2);
    std::printf ("recording: 2 channels x %zu frames (%.2f s at %.0f Hz); sweep %.2f s; FFT size %zu; %d runs; ms\n\n",
                 recording.numFrames(), static_cast<double> (recording.numFrames()) / spec.sampleRate, spec.sampleRate,
                 sweep.durationSeconds(), fftSize, runs);
    std::printf ("| %-62s | %10s | %10s |\n", "work", "median", "fastest");
    std::printf ("|%s|%s|%s|\n", std::string (64, '-').c_str(), std::string (12, '-').c_str(),
                 std::string (12, '-').c_str());

    const partita::SweepDeconvolver deconvolver (spec);
    print ("deconvolve, stereo (Lundeby end, latency removed)",
           timeRepeatedly (runs, [&] { (void)deconvolver.deconvolve (std::span (&recording, 1)); }));
    partita::DeconvolutionSettings withHarmonics;
    withHarmonics.harmonics = 3;
    const partita::SweepDeconvolver harmonicDeconvolver (spec, withHarmonics);
    print ("deconvolve, stereo, with 3 harmonic IRs",
           timeRepeatedly (runs, [&] { (void)harmonicDeconvolver.deconvolve (std::span (&recording, 1)); }));
    const partita::SweepDeconvolver foreign (partita::SweepFile { sweep.generate(), std::nullopt });
    print ("deconvolve, stereo, foreign sweep (regularised inverse)",
           timeRepeatedly (runs, [&] { (void)foreign.deconvolve (std::span (&recording, 1)); }));

    print ("RealFft<double> of the same size: plan (estimate) + forward",
           timeRepeatedly (runs,
                           [&]
                           {
                               partita::RealFft<double> fft (fftSize);
                               auto time = fft.timeData();
                               std::copy (recording.channels[0].begin(), recording.channels[0].end(), time.begin());
                               std::fill (time.begin() + static_cast<std::ptrdiff_t> (recording.numFrames()),
                                          time.end(), 0.0);
                               fft.forward();
                           }));
    partita::RealFft<double> planned (fftSize);
    print ("RealFft<double> of the same size: forward only",
           timeRepeatedly (runs,
                           [&]
                           {
                               auto time = planned.timeData();
                               std::copy (recording.channels[0].begin(), recording.channels[0].end(), time.begin());
                               std::fill (time.begin() + static_cast<std::ptrdiff_t> (recording.numFrames()),
                                          time.end(), 0.0);
                               planned.forward();
                           }));
    print ("analytic inverse spectrum of that size",
           timeRepeatedly (runs, [&] { (void)sweep.inverseSpectrum (fftSize); }));
    return 0;
}
