// SPDX-License-Identifier: GPL-3.0-or-later
#include "PreviewSound.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>

namespace partita
{

namespace
{
/** A fixed noise sequence in [-1, 1) (xorshift32): the same at every rate
    and on every platform, unlike the standard library's distributions. */
class FixedNoise
{
public:
    explicit FixedNoise (std::uint32_t seed) noexcept
        : state (seed)
    {
    }

    double next() noexcept
    {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return static_cast<double> (state) / 2147483648.0 - 1.0;
    }

private:
    std::uint32_t state;
};

void addSnare (std::vector<double>& sound, double rate)
{
    FixedNoise noise (0x5EED1234u);
    const auto length = std::min (sound.size(), static_cast<std::size_t> (0.3 * rate));
    double phase = 0.0;
    // A two-pole band-pass (about 1.5 to 6 kHz) on the noise: the wires.
    double low = 0.0;
    double band = 0.0;
    const double tune = 2.0 * std::sin (std::numbers::pi * 3000.0 / rate);
    for (std::size_t n = 0; n < length; ++n)
    {
        const double t = static_cast<double> (n) / rate;
        const double frequency = 180.0 + 60.0 * std::exp (-t / 0.02);
        phase += 2.0 * std::numbers::pi * frequency / rate;
        const double body = std::sin (phase) * std::exp (-t / 0.045);

        const double input = noise.next();
        const double high = input - low - 0.9 * band;
        band += tune * high;
        low += tune * band;
        const double wires = band * std::exp (-t / 0.07);
        sound[n] += 0.8 * body + 0.5 * wires;
    }
}

/** One plucked string (Karplus-Strong) starting at `start`. */
void addString (std::vector<double>& sound, double rate, double frequency, std::size_t start, std::uint32_t seed)
{
    const auto period = std::max<std::size_t> (2, static_cast<std::size_t> (std::lround (rate / frequency)));
    std::vector<double> line (period);
    FixedNoise noise (seed);
    // A softened pluck: the noise burst low-passed once.
    double previous = 0.0;
    for (auto& sample : line)
    {
        const double value = noise.next();
        sample = 0.5 * (value + previous);
        previous = value;
    }
    // The loss per pass so that each string rings for about 1.5 s (-60 dB),
    // whatever its period and the rate.
    const double passesPerSecond = rate / static_cast<double> (period);
    const double loss = std::pow (10.0, -3.0 / (1.5 * passesPerSecond));
    std::size_t index = 0;
    for (std::size_t n = start; n < sound.size(); ++n)
    {
        const auto next = (index + 1) % period;
        const double output = line[index];
        line[index] = loss * 0.5 * (line[index] + line[next]);
        index = next;
        sound[n] += 0.25 * output;
    }
}
} // namespace

std::vector<float> makePreviewSound (double sampleRate)
{
    const auto length = static_cast<std::size_t> (2.0 * sampleRate);
    std::vector<double> sound (length, 0.0);
    addSnare (sound, sampleRate);

    // E major, low to high, strummed down over 60 ms.
    constexpr std::array<double, 6> chord { 82.41, 123.47, 164.81, 207.65, 246.94, 329.63 };
    const auto chordStart = static_cast<std::size_t> (0.45 * sampleRate);
    for (std::size_t string = 0; string < chord.size(); ++string)
        addString (sound, sampleRate, chord[string],
                   chordStart + static_cast<std::size_t> (0.012 * sampleRate * static_cast<double> (string)),
                   0xC0FFEEu + static_cast<std::uint32_t> (string) * 7919u);

    // The last 50 ms faded out: the buffer ends in silence, not a cut.
    const auto fade = static_cast<std::size_t> (0.05 * sampleRate);
    for (std::size_t i = 0; i < fade && i < length; ++i)
        sound[length - 1 - i] *= static_cast<double> (i) / static_cast<double> (fade);

    double peak = 0.0;
    for (const double sample : sound)
        peak = std::max (peak, std::abs (sample));
    const double scale = peak > 0.0 ? 0.5 / peak : 0.0;
    std::vector<float> result (length);
    std::transform (sound.begin(), sound.end(), result.begin(),
                    [scale] (double sample) { return static_cast<float> (sample * scale); });
    return result;
}

} // namespace partita
