// SPDX-License-Identifier: GPL-3.0-or-later
#include "SimulatedRoom.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace partita::test
{

std::vector<double> bandLimitedRoom (std::size_t length, std::size_t directFrame, double reverbSeconds,
                                     double sampleRate)
{
    std::mt19937 random (7);
    std::normal_distribution<double> noise (0.0, 1.0);
    std::vector<double> raw (length, 0.0);
    raw[directFrame] = 1.0;
    const auto decayPerFrame = std::log (1000.0) / (reverbSeconds * sampleRate);
    for (std::size_t n = directFrame + 48; n < length; ++n)
        raw[n] = 0.25 * noise (random) * std::exp (-decayPerFrame * static_cast<double> (n - directFrame));

    constexpr int half = 127;
    const double cutoff = 16000.0 / sampleRate;
    std::vector<double> kernel (2 * half + 1);
    for (int k = -half; k <= half; ++k)
    {
        const auto x = static_cast<double> (k);
        const auto sinc =
            k == 0 ? 2.0 * cutoff : std::sin (2.0 * std::numbers::pi * cutoff * x) / (std::numbers::pi * x);
        const auto phase = 2.0 * std::numbers::pi * (x + half) / (2.0 * half);
        kernel[static_cast<std::size_t> (k + half)] =
            sinc * (0.42 - 0.5 * std::cos (phase) + 0.08 * std::cos (2.0 * phase));
    }
    std::vector<double> filtered (length, 0.0);
    for (std::size_t n = 0; n < length; ++n)
        for (int k = -half; k <= half; ++k)
        {
            const auto source = static_cast<long> (n) - k;
            if (source >= 0 && source < static_cast<long> (length))
                filtered[n] += kernel[static_cast<std::size_t> (k + half)] * raw[static_cast<std::size_t> (source)];
        }
    std::vector<double> room (length, 0.0);
    for (std::size_t n = 1; n < length; ++n)
        room[n] = filtered[n] - filtered[n - 1];
    // Scaled to an energy of 0.25 (an RMS gain of -6 dB over the band), so
    // that a sweep at -12 dBFS comes back well below full scale even at the
    // peaks of the room's response.
    double energy = 0.0;
    for (const auto sample : room)
        energy += sample * sample;
    for (auto& sample : room)
        sample *= 0.5 / std::sqrt (energy);
    return room;
}

std::vector<double> recordInRoom (const std::vector<double>& played, const std::vector<double>& room,
                                  std::size_t latency, double noiseRms, std::size_t frames)
{
    std::mt19937 random (5);
    std::normal_distribution<double> noise (0.0, noiseRms);
    std::vector<double> recording (frames, 0.0);
    for (auto& sample : recording)
        sample = noiseRms > 0.0 ? noise (random) : 0.0;
    for (std::size_t n = 0; n < played.size(); ++n)
    {
        if (played[n] == 0.0)
            continue;
        for (std::size_t k = 0; k < room.size() && n + k + latency < frames; ++k)
            recording[n + k + latency] += played[n] * room[k];
    }
    return recording;
}

SimulatedRoom::SimulatedRoom (std::vector<double> impulseResponse, std::size_t latencyFrames, double noiseRms,
                              std::size_t frames)
    : room (std::move (impulseResponse))
    , latency (latencyFrames)
    , played (frames + 1, 0.0)
    , noise (0.0, noiseRms)
{
}

float SimulatedRoom::heard (std::size_t frame)
{
    double sum = noise (random);
    if (frame >= latency)
    {
        const auto source = frame - latency;
        const auto taps = std::min (room.size(), source + 1);
        for (std::size_t k = 0; k < taps; ++k)
            sum += room[k] * played[source - k];
    }
    return static_cast<float> (sum);
}

void SimulatedRoom::play (std::size_t frame, float sample)
{
    if (frame < played.size())
        played[frame] = sample;
}

double errorDb (const std::vector<double>& measured, const std::vector<double>& known, long offset)
{
    double error = 0.0;
    double energy = 0.0;
    for (const auto sample : known)
        energy += sample * sample;
    std::vector<bool> covered (known.size(), false);
    for (std::size_t n = 0; n < measured.size(); ++n)
    {
        const auto index = static_cast<long> (n) + offset;
        const auto reference =
            index >= 0 && index < static_cast<long> (known.size()) ? known[static_cast<std::size_t> (index)] : 0.0;
        if (index >= 0 && index < static_cast<long> (known.size()))
            covered[static_cast<std::size_t> (index)] = true;
        error += (measured[n] - reference) * (measured[n] - reference);
    }
    for (std::size_t i = 0; i < known.size(); ++i)
        if (!covered[i])
            error += known[i] * known[i];
    return 10.0 * std::log10 (error / energy);
}

} // namespace partita::test
