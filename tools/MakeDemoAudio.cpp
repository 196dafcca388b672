// SPDX-License-Identifier: GPL-3.0-or-later
//
// Synthesises the bundled demo audio: a short dry phrase of plucked strings and
// hand claps, and a synthetic stereo hall impulse response. Everything comes from
// fixed seeds and formulas here, so the files carry no third-party material and
// can be regenerated at any time:
//
//     partita_make_demo_audio Resources/demo

#include "io/AudioClip.h"
#include "io/AudioFileWriter.h"
#include "io/OutputFormat.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <iostream>
#include <numbers>
#include <span>
#include <vector>

namespace
{

constexpr double sampleRate = 48000.0;
constexpr double twoPi = 2.0 * std::numbers::pi;

std::size_t toFrames (double seconds)
{
    return static_cast<std::size_t> (std::lround (seconds * sampleRate));
}

double decibelsToGain (double decibels)
{
    return std::pow (10.0, decibels / 20.0);
}

double gainToDecibels (double gain)
{
    return 20.0 * std::log10 (std::max (gain, 1.0e-12));
}

/** SplitMix64: written out here rather than using <random>'s distributions, whose
    output differs between standard libraries, so the files are the same everywhere. */
class NoiseSource
{
public:
    explicit NoiseSource (std::uint64_t seed) : state (seed) {}

    /** Uniform in [-1, 1). */
    double next()
    {
        state += 0x9E3779B97F4A7C15ull;
        auto z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        return static_cast<double> (z >> 11) * 0x1.0p-52 - 1.0;
    }

private:
    std::uint64_t state;
};

/** Constant-power pan; position -1 is hard left, +1 hard right. */
std::array<double, 2> panGains (double position)
{
    const auto angle = (position + 1.0) * std::numbers::pi / 4.0;
    return { std::cos (angle), std::sin (angle) };
}

void addPanned (partita::AudioClip& clip, std::span<const double> sound, double startSeconds, double position)
{
    const auto gains = panGains (position);
    const auto start = toFrames (startSeconds);

    for (std::size_t channel = 0; channel < 2; ++channel)
    {
        auto& out = clip.channels[channel];

        for (std::size_t i = 0; i < sound.size() && start + i < out.size(); ++i)
            out[start + i] += gains[channel] * sound[i];
    }
}

/** RBJ band-pass biquad (constant 0 dB peak gain), run in place. */
void bandPass (std::vector<double>& signal, double centreHz, double q)
{
    const auto w = twoPi * centreHz / sampleRate;
    const auto alpha = std::sin (w) / (2.0 * q);
    const auto a0 = 1.0 + alpha;
    const auto b0 = alpha / a0;
    const auto b2 = -alpha / a0;
    const auto a1 = -2.0 * std::cos (w) / a0;
    const auto a2 = (1.0 - alpha) / a0;

    double x1 = 0.0, x2 = 0.0, y1 = 0.0, y2 = 0.0;

    for (auto& sample : signal)
    {
        const auto x = sample;
        const auto y = b0 * x + b2 * x2 - a1 * y1 - a2 * y2;
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        sample = y;
    }
}

struct Pluck
{
    double startSeconds;
    int midiNote;
    double durationSeconds; // until the string is damped
    double velocity;        // 0..1
    double pan;             // -1..1
};

/** A Karplus-Strong string (extended after Jaffe and Smith): a noise burst
    circulating in a delay line through a two-point average, which makes high
    partials die first, with a first-order all-pass for the fractional part of
    the period so that high notes stay in tune. At note-off the string is damped
    over a few tens of milliseconds, as a player's hand would. */
std::vector<double> synthesisePluck (const Pluck& pluck, NoiseSource& noise)
{
    const auto frequency = 440.0 * std::pow (2.0, (pluck.midiNote - 69) / 12.0);
    const auto period = sampleRate / frequency;

    // Loop delay = integer line + 0.5 (the average) + all-pass delay in [0.1, 1.1).
    const auto lineLength = static_cast<std::size_t> (std::floor (period - 0.6));
    const auto fraction = period - 0.5 - static_cast<double> (lineLength);
    const auto allPassCoefficient = (1.0 - fraction) / (1.0 + fraction);

    // Lower strings ring longer, as on a real instrument.
    const auto ringSeconds = std::clamp (3.0 * std::sqrt (110.0 / frequency), 0.9, 3.5);
    const auto loopGain = std::pow (0.001, 1.0 / (ringSeconds * frequency));

    // Excitation: noise, softened more for quiet notes, through a pick-position
    // comb (which also removes the DC that would otherwise circulate forever).
    std::vector<double> line (lineLength);
    const auto softness = 0.65 - 0.35 * pluck.velocity;
    double smoothed = 0.0;

    for (auto& sample : line)
    {
        smoothed += (1.0 - softness) * (noise.next() - smoothed);
        sample = smoothed;
    }

    const auto pickOffset = std::max<std::size_t> (1, static_cast<std::size_t> (0.13 * static_cast<double> (lineLength)));
    std::vector<double> excitation (lineLength);

    for (std::size_t i = 0; i < lineLength; ++i)
        excitation[i] = line[i] - (i >= pickOffset ? line[i - pickOffset] : 0.0);

    line = excitation;

    constexpr double dampSeconds = 0.06;
    const auto noteFrames = toFrames (pluck.durationSeconds);
    const auto totalFrames = noteFrames + toFrames (8.0 * dampSeconds);
    const auto dampPerSample = std::exp (-1.0 / (dampSeconds * sampleRate));

    std::vector<double> out (totalFrames);
    std::size_t position = 0;
    double previous = 0.0, allPassIn = 0.0, allPassOut = 0.0, envelope = 1.0;

    for (std::size_t n = 0; n < totalFrames; ++n)
    {
        const auto delayed = line[position];
        const auto averaged = loopGain * 0.5 * (delayed + previous);
        previous = delayed;

        const auto tuned = allPassCoefficient * averaged + allPassIn - allPassCoefficient * allPassOut;
        allPassIn = averaged;
        allPassOut = tuned;

        line[position] = tuned;
        position = (position + 1) % lineLength;

        if (n >= noteFrames)
            envelope *= dampPerSample;

        // The first pass through the line is the excitation itself.
        out[n] = pluck.velocity * envelope * (n < lineLength ? excitation[n] : tuned);
    }

    return out;
}

/** A hand clap: a few quick band-passed noise bursts from the individual hands,
    then a slightly longer one. */
std::vector<double> synthesiseClap (NoiseSource& noise)
{
    constexpr std::array<double, 4> burstOffsets { 0.0, 0.0085, 0.0185, 0.0300 };
    std::vector<double> out (toFrames (0.25));

    for (std::size_t b = 0; b < burstOffsets.size(); ++b)
    {
        const auto decaySeconds = b + 1 < burstOffsets.size() ? 0.0035 : 0.045;
        const auto start = toFrames (burstOffsets[b]);

        for (std::size_t i = start; i < out.size(); ++i)
        {
            const auto t = static_cast<double> (i - start) / sampleRate;
            out[i] += std::exp (-t / decaySeconds) * noise.next();
        }
    }

    bandPass (out, 1300.0, 1.1);
    return out;
}

/** A wood-block click: two inharmonic decaying partials and a short tick. */
std::vector<double> synthesiseClick (NoiseSource& noise)
{
    std::vector<double> out (toFrames (0.12));

    for (std::size_t i = 0; i < out.size(); ++i)
    {
        const auto t = static_cast<double> (i) / sampleRate;
        out[i] = 0.8 * std::exp (-t / 0.014) * std::sin (twoPi * 1180.0 * t)
                 + 0.45 * std::exp (-t / 0.007) * std::sin (twoPi * 2760.0 * t)
                 + 0.3 * std::exp (-t / 0.0008) * noise.next();
    }

    return out;
}

void normalisePeak (partita::AudioClip& clip, double peakDecibels)
{
    double peak = 0.0;

    for (const auto& channel : clip.channels)
        for (const auto sample : channel)
            peak = std::max (peak, std::abs (sample));

    const auto gain = decibelsToGain (peakDecibels) / peak;

    for (auto& channel : clip.channels)
        for (auto& sample : channel)
            sample *= gain;
}

/** About 6 s: four bars of arpeggios (C, Am, F, G) over a bass string, a final
    strummed C chord, a few claps and clicks, then one second of silence so
    that a reverb's tail has room to be heard. */
partita::AudioClip makeDryClip()
{
    constexpr double phraseEndSeconds = 5.0;
    constexpr double clipSeconds = 6.0;

    partita::AudioClip clip;
    clip.sampleRate = sampleRate;
    clip.channels.assign (2, std::vector<double> (toFrames (clipSeconds), 0.0));

    NoiseSource noise { 20240601 };
    std::vector<Pluck> plucks;

    constexpr double barSeconds = 1.0;
    constexpr double stepSeconds = barSeconds / 4.0;
    constexpr std::array<int, 4> bassNotes { 48, 45, 41, 43 };
    constexpr std::array<std::array<int, 4>, 4> arpeggios { { { 60, 64, 67, 72 },
                                                              { 57, 60, 64, 69 },
                                                              { 65, 69, 72, 69 },
                                                              { 67, 71, 74, 71 } } };
    constexpr std::array<double, 4> arpeggioPans { -0.55, -0.15, 0.25, 0.6 };

    for (std::size_t bar = 0; bar < bassNotes.size(); ++bar)
    {
        const auto barStart = static_cast<double> (bar) * barSeconds;
        plucks.push_back ({ barStart, bassNotes[bar], barSeconds, 0.9, -0.1 });

        for (std::size_t step = 0; step < 4; ++step)
        {
            const auto start = barStart + static_cast<double> (step) * stepSeconds;
            const auto velocity = step == 0 ? 0.75 : 0.55 + 0.05 * static_cast<double> (step % 2);
            // Arpeggio notes ring on until the next bar, like a harp's.
            plucks.push_back ({ start, arpeggios[bar][step], barStart + barSeconds - start + 0.05, velocity,
                                arpeggioPans[step] });
        }
    }

    // Final chord, strummed low to high and spread across the stereo field.
    constexpr std::array<int, 6> chord { 48, 55, 60, 64, 67, 72 };
    constexpr double strumStart = 4.0;

    for (std::size_t i = 0; i < chord.size(); ++i)
    {
        const auto offset = static_cast<double> (i) * 0.022;
        const auto pan = -0.7 + 1.4 * static_cast<double> (i) / static_cast<double> (chord.size() - 1);
        plucks.push_back ({ strumStart + offset, chord[i], 0.65 - offset, 0.8, pan });
    }

    for (const auto& pluck : plucks)
        addPanned (clip, synthesisePluck (pluck, noise), pluck.startSeconds, pluck.pan);

    constexpr double percussionGain = 0.7;

    for (const auto clapSeconds : { 1.5, 3.5, 4.5 })
    {
        auto clap = synthesiseClap (noise);
        std::transform (clap.begin(), clap.end(), clap.begin(), [] (double s) { return percussionGain * s; });
        addPanned (clip, clap, clapSeconds, 0.2);
    }

    for (const auto clickSeconds : { 0.5, 2.5 })
    {
        auto click = synthesiseClick (noise);
        std::transform (click.begin(), click.end(), click.begin(), [] (double s) { return 0.5 * s; });
        addPanned (clip, click, clickSeconds, -0.35);
    }

    // Whatever still rings at the end of the phrase is faded out over 100 ms, so
    // the last second is true digital silence.
    const auto fadeStart = toFrames (phraseEndSeconds - 0.1);
    const auto fadeEnd = toFrames (phraseEndSeconds);

    for (auto& channel : clip.channels)
    {
        for (std::size_t i = fadeStart; i < channel.size(); ++i)
        {
            const auto progress = std::min (1.0, static_cast<double> (i - fadeStart)
                                                     / static_cast<double> (fadeEnd - fadeStart));
            channel[i] *= 0.5 * (1.0 + std::cos (std::numbers::pi * progress));
        }
    }

    normalisePeak (clip, -6.0);
    return clip;
}

struct Reflection
{
    double delaySeconds;
    double gain;
};

/** One channel of the hall: the direct sound, this channel's early reflections,
    and a diffuse tail of its own noise whose high frequencies die away sooner
    than its low ones (the air and the walls absorb highs more). */
std::vector<double> makeHallChannel (std::span<const Reflection> reflections, std::uint64_t seed)
{
    constexpr double lengthSeconds = 2.5;
    constexpr double rt60Seconds = 2.0;
    constexpr double tailOnsetSeconds = 0.012;
    constexpr double tailRiseSeconds = 0.07;
    constexpr double tailLevel = 0.2;
    constexpr double startCutoffHz = 12000.0;
    constexpr double endCutoffHz = 1000.0;
    constexpr double fadeOutSeconds = 0.15;

    std::vector<double> h (toFrames (lengthSeconds), 0.0);
    h[0] = 1.0;

    // Each reflection is a little smeared: walls are not perfect mirrors.
    constexpr std::array<double, 3> smear { 0.25, 0.5, 0.25 };

    for (const auto& reflection : reflections)
    {
        const auto at = toFrames (reflection.delaySeconds);

        for (std::size_t k = 0; k < smear.size(); ++k)
            h[at + k] += reflection.gain * smear[k] * 2.0;
    }

    NoiseSource noise { seed };
    const auto onset = toFrames (tailOnsetSeconds);
    const auto decayPerSecond = 3.0 * std::numbers::ln10 / rt60Seconds;
    double lowPassed = 0.0, dcBlockIn = 0.0, dcBlockOut = 0.0;

    for (std::size_t i = onset; i < h.size(); ++i)
    {
        const auto t = static_cast<double> (i) / sampleRate;
        const auto cutoff = startCutoffHz * std::pow (endCutoffHz / startCutoffHz, t / lengthSeconds);
        const auto smoothing = 1.0 - std::exp (-twoPi * cutoff / sampleRate);
        lowPassed += smoothing * (noise.next() - lowPassed);

        // A DC blocker keeps the slowly-closing low-pass from leaving an offset.
        const auto blocked = lowPassed - dcBlockIn + 0.9995 * dcBlockOut;
        dcBlockIn = lowPassed;
        dcBlockOut = blocked;

        const auto sinceOnset = t - tailOnsetSeconds;
        const auto rise = sinceOnset < tailRiseSeconds
                              ? 0.5 * (1.0 - std::cos (std::numbers::pi * sinceOnset / tailRiseSeconds))
                              : 1.0;
        const auto untilEnd = lengthSeconds - t;
        const auto fall = untilEnd < fadeOutSeconds
                              ? 0.5 * (1.0 - std::cos (std::numbers::pi * untilEnd / fadeOutSeconds))
                              : 1.0;

        h[i] += tailLevel * rise * fall * std::exp (-decayPerSecond * t) * blocked;
    }

    return h;
}

double energyOf (std::span<const double> signal)
{
    double sum = 0.0;

    for (const auto sample : signal)
        sum += sample * sample;

    return sum;
}

/** Stereo hall, about 2.5 s with a 2 s RT60. Its two channels have different
    reflections and independent tails (decorrelated, for width), and it is scaled
    to unit energy per channel so the wet signal comes out about as loud as the
    dry one without --normalize. */
partita::AudioClip makeHallImpulseResponse()
{
    constexpr std::array<Reflection, 6> left { { { 0.0113, 0.55 },
                                                 { 0.0197, -0.42 },
                                                 { 0.0271, 0.36 },
                                                 { 0.0389, -0.28 },
                                                 { 0.0462, 0.24 },
                                                 { 0.0571, -0.18 } } };
    constexpr std::array<Reflection, 6> right { { { 0.0138, 0.50 },
                                                  { 0.0172, -0.45 },
                                                  { 0.0314, 0.33 },
                                                  { 0.0355, -0.30 },
                                                  { 0.0520, 0.21 },
                                                  { 0.0633, -0.17 } } };

    partita::AudioClip clip;
    clip.sampleRate = sampleRate;
    clip.channels.push_back (makeHallChannel (left, 0x1A11));
    clip.channels.push_back (makeHallChannel (right, 0x2B22));

    const auto meanEnergy = 0.5 * (energyOf (clip.channels[0]) + energyOf (clip.channels[1]));
    const auto gain = 1.0 / std::sqrt (meanEnergy);

    for (auto& channel : clip.channels)
        for (auto& sample : channel)
            sample *= gain;

    return clip;
}

/** RT60 from the Schroeder backward integral, extrapolated from its -5 to -25 dB
    range (T20), as an acoustician would measure it. */
double measureRt60 (std::span<const double> h)
{
    std::vector<double> decay (h.size());
    double remaining = 0.0;

    for (std::size_t i = h.size(); i-- > 0;)
    {
        remaining += h[i] * h[i];
        decay[i] = remaining;
    }

    const auto levelAt = [&] (std::size_t i) { return 10.0 * std::log10 (decay[i] / decay[0]); };
    std::size_t at5 = 0, at25 = 0;

    while (at5 < h.size() && levelAt (at5) > -5.0)
        ++at5;

    at25 = at5;

    while (at25 < h.size() && levelAt (at25) > -25.0)
        ++at25;

    return 3.0 * static_cast<double> (at25 - at5) / sampleRate;
}

double correlation (std::span<const double> a, std::span<const double> b)
{
    double ab = 0.0;

    for (std::size_t i = 0; i < a.size(); ++i)
        ab += a[i] * b[i];

    return ab / std::sqrt (energyOf (a) * energyOf (b));
}

double peakOf (const partita::AudioClip& clip)
{
    double peak = 0.0;

    for (const auto& channel : clip.channels)
        for (const auto sample : channel)
            peak = std::max (peak, std::abs (sample));

    return peak;
}

} // namespace

int main (int argc, char** argv)
{
    if (argc != 2)
    {
        std::cerr << "usage: partita_make_demo_audio OUTPUT_FOLDER\n"
                     "Writes dry_clip.flac and hall_ir.wav, synthesised from fixed seeds.\n";
        return 2;
    }

    try
    {
        const std::filesystem::path folder { argv[1] };
        std::filesystem::create_directories (folder);

        const auto dry = makeDryClip();
        const auto dryPath = folder / "dry_clip.flac";
        partita::writeAudioFile (dryPath, dry, { partita::FileContainer::flac, partita::SampleFormat::pcm24 },
                                 partita::OverwritePolicy::replace);
        std::cout << dryPath.string() << ": " << dry.numChannels() << " ch, "
                  << static_cast<double> (dry.numFrames()) / dry.sampleRate << " s, peak "
                  << gainToDecibels (peakOf (dry)) << " dBFS\n";

        const auto hall = makeHallImpulseResponse();
        const auto hallPath = folder / "hall_ir.wav";
        partita::writeAudioFile (hallPath, hall, { partita::FileContainer::wav, partita::SampleFormat::pcm24 },
                                 partita::OverwritePolicy::replace);

        const auto tailStart = toFrames (0.08);
        const std::span<const double> leftTail { hall.channels[0].data() + tailStart, hall.numFrames() - tailStart };
        const std::span<const double> rightTail { hall.channels[1].data() + tailStart, hall.numFrames() - tailStart };

        std::cout << hallPath.string() << ": " << hall.numChannels() << " ch, "
                  << static_cast<double> (hall.numFrames()) / hall.sampleRate << " s, peak "
                  << gainToDecibels (peakOf (hall)) << " dBFS, RT60 (T20) L " << measureRt60 (hall.channels[0])
                  << " s, R " << measureRt60 (hall.channels[1]) << " s, L/R tail correlation "
                  << correlation (leftTail, rightTail) << "\n";
        return 0;
    }
    catch (const std::exception& e)
    {
        std::cerr << "partita_make_demo_audio: " << e.what() << "\n";
        return 1;
    }
}
