// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <random>
#include <vector>

namespace partita::test
{

/** A room's IR built to lie inside a 20 Hz to 20 kHz sweep's band (what a
    deconvolution can give back): a direct sound at `directFrame` and a
    decaying noise tail (T60 `reverbSeconds`), low-passed at 16 kHz by a
    Blackman-windowed sinc (stopband below -74 dB past 20 kHz) and
    differenced (-51 dB at 20 Hz), its energy (sum of squares) 0.25. */
std::vector<double> bandLimitedRoom (std::size_t length, std::size_t directFrame, double reverbSeconds,
                                     double sampleRate);

/** A recording of `played` in the room: `played` convolved with `room`
    (direct, in double), `latency` frames late, plus white noise of
    `noiseRms`, `frames` long. */
std::vector<double> recordInRoom (const std::vector<double>& played, const std::vector<double>& room,
                                  std::size_t latency, double noiseRms, std::size_t frames);

/** What comes back from the room while a device runs: everything played,
    `latency` frames late, through the room's IR (direct convolution in
    double), plus white noise. Fed block by block, as a device does: the
    latency exceeds the largest block, so a block's input only needs what
    earlier blocks played. */
class SimulatedRoom
{
public:
    SimulatedRoom (std::vector<double> impulseResponse, std::size_t latencyFrames, double noiseRms, std::size_t frames);

    /** The input sample at `frame`, given everything played before frame - latency. */
    float heard (std::size_t frame);
    void play (std::size_t frame, float sample);

private:
    std::vector<double> room;
    std::size_t latency;
    std::vector<double> played;
    std::mt19937 random { 11 };
    std::normal_distribution<double> noise;
};

/** The energy of `measured - known`, the known IR shifted by `offset`
    frames (measured[n] against known[n + offset]), over the energy of the
    known IR, in dB; what the measured IR leaves out of the known one counts
    as error. */
double errorDb (const std::vector<double>& measured, const std::vector<double>& known, long offset);

} // namespace partita::test
