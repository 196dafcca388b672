// SPDX-License-Identifier: GPL-3.0-or-later
// partita_analysis_benchmark: how long the ISO 3382-1 analysis of a 3 s IR
// at 48 kHz takes (all octave bands, and all third-octave bands), printed
// next to one plain FFT of the same length (FFTW, double, real to complex,
// planned with FFTW_ESTIMATE as a one-off transform would be, and with
// FFTW_MEASURE), so that the figure can be judged on any machine. A program,
// not a test: the times are measurements, not pass/fail.
//
//   partita_analysis_benchmark [runs]
#include "RepeatedTiming.h"
#include "SyntheticRoom.h"
#include "analysis/RoomAcousticAnalysis.h"

#include <fftw3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

namespace
{
using Timing = partita::benchmark::RepeatedTiming;
using partita::benchmark::timeRepeatedly;

void print (const char* what, Timing time)
{
    std::printf ("| %-58s | %10.3f | %10.3f |\n", what, time.medianMs, time.fastestMs);
}
} // namespace

int main (int argc, char** argv)
{
    const int runs = argc > 1 ? std::max (1, std::atoi (argv[1])) : 11;

    partita::SyntheticRoom room;
    room.reverbSeconds = { 1.6, 1.5, 1.4, 1.3, 1.2, 1.1, 1.0, 0.8 };
    room.noiseFloorDb = -70.0;
    room.sampleRate = 48000.0;
    room.seconds = 3.0;
    const auto ir = room.render();
    const auto frames = static_cast<int> (ir.size());

    std::printf ("IR: %d frames (%.1f s at %.0f Hz); %d runs each; times in ms\n\n", frames, room.seconds,
                 room.sampleRate, runs);
    std::printf ("| %-58s | %10s | %10s |\n", "work", "median", "fastest");
    std::printf ("|%s|%s|%s|\n", std::string (60, '-').c_str(), std::string (12, '-').c_str(),
                 std::string (12, '-').c_str());

    partita::RoomAnalysisOptions octaves;
    print ("analyseRoomAcoustics, 8 octave bands + broadband",
           timeRepeatedly (runs, [&] { (void)partita::analyseRoomAcoustics (ir, room.sampleRate, octaves); }));
    partita::RoomAnalysisOptions thirds;
    thirds.bands = partita::BandResolution::thirdOctave;
    print ("analyseRoomAcoustics, 24 third-octave bands + broadband",
           timeRepeatedly (runs, [&] { (void)partita::analyseRoomAcoustics (ir, room.sampleRate, thirds); }));

    std::vector<double> input (ir.begin(), ir.end());
    auto* spectrum = fftw_alloc_complex (static_cast<std::size_t> (frames / 2 + 1));
    std::vector<double> work (input.size());
    print ("FFTW r2c of the same length, FFTW_ESTIMATE plan + transform",
           timeRepeatedly (runs,
                           [&]
                           {
                               std::copy (input.begin(), input.end(), work.begin());
                               auto* plan = fftw_plan_dft_r2c_1d (frames, work.data(), spectrum, FFTW_ESTIMATE);
                               fftw_execute (plan);
                               fftw_destroy_plan (plan);
                           }));
    auto* measured = fftw_plan_dft_r2c_1d (frames, work.data(), spectrum, FFTW_MEASURE);
    print ("FFTW r2c of the same length, transform only (FFTW_MEASURE)",
           timeRepeatedly (runs,
                           [&]
                           {
                               std::copy (input.begin(), input.end(), work.begin());
                               fftw_execute (measured);
                           }));
    fftw_destroy_plan (measured);
    fftw_free (spectrum);
    return 0;
}
