// SPDX-License-Identifier: GPL-3.0-or-later
//
// Synthesises the factory IRs the plugin bundles besides the demo hall: a
// plate, a small room and a guitar-cabinet-like short IR. Everything comes
// from fixed seeds and formulas here, so the files carry no third-party
// material and can be regenerated at any time:
//
//     partita_make_factory_irs Resources/factory
//
// The files are 24-bit PCM WAV at 48 kHz, so that a state that embeds one
// stores it losslessly as FLAC.
//
// The other factory IRs are not files: Source/factory generates them on
// demand. This tool lists them with their measured reverberation times and
// generation times (the numbers in the catalogue and Resources/README.md),
// or writes them all as WAV files:
//
//     partita_make_factory_irs --list Resources
//     partita_make_factory_irs --export <output folder>

#include "analysis/EnergyDecayCurve.h"
#include "factory/FactoryCatalogue.h"
#include "factory/NoiseSource.h"
#include "io/AudioClip.h"
#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"
#include "io/OutputFormat.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <exception>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <numbers>
#include <span>
#include <string>
#include <vector>

namespace
{

constexpr double sampleRate = 48000.0;
constexpr double twoPi = 2.0 * std::numbers::pi;

std::size_t toFrames (double seconds)
{
    return static_cast<std::size_t> (std::lround (seconds * sampleRate));
}

/** An RBJ-cookbook biquad in direct form I, run over a whole signal. */
class Biquad
{
public:
    static Biquad lowPass (double hz, double q) { return fromAnalogue (hz, q, Kind::lowPass, 0.0); }
    static Biquad highPass (double hz, double q) { return fromAnalogue (hz, q, Kind::highPass, 0.0); }
    static Biquad peak (double hz, double q, double gainDb) { return fromAnalogue (hz, q, Kind::peak, gainDb); }

    void run (std::vector<double>& signal) const
    {
        double x1 = 0.0, x2 = 0.0, y1 = 0.0, y2 = 0.0;
        for (auto& sample : signal)
        {
            const auto x = sample;
            const auto y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x;
            y2 = y1;
            y1 = y;
            sample = y;
        }
    }

private:
    enum class Kind
    {
        lowPass,
        highPass,
        peak,
    };

    static Biquad fromAnalogue (double hz, double q, Kind kind, double gainDb)
    {
        const auto w = twoPi * hz / sampleRate;
        const auto alpha = std::sin (w) / (2.0 * q);
        const auto cosW = std::cos (w);
        const auto a = std::pow (10.0, gainDb / 40.0);
        double nb0 = 0.0, nb1 = 0.0, nb2 = 0.0, na0 = 1.0, na1 = 0.0, na2 = 0.0;

        switch (kind)
        {
            case Kind::lowPass:
                nb0 = (1.0 - cosW) / 2.0;
                nb1 = 1.0 - cosW;
                nb2 = nb0;
                na0 = 1.0 + alpha;
                na1 = -2.0 * cosW;
                na2 = 1.0 - alpha;
                break;
            case Kind::highPass:
                nb0 = (1.0 + cosW) / 2.0;
                nb1 = -(1.0 + cosW);
                nb2 = nb0;
                na0 = 1.0 + alpha;
                na1 = -2.0 * cosW;
                na2 = 1.0 - alpha;
                break;
            case Kind::peak:
                nb0 = 1.0 + alpha * a;
                nb1 = -2.0 * cosW;
                nb2 = 1.0 - alpha * a;
                na0 = 1.0 + alpha / a;
                na1 = -2.0 * cosW;
                na2 = 1.0 - alpha / a;
                break;
        }

        Biquad filter;
        filter.b0 = nb0 / na0;
        filter.b1 = nb1 / na0;
        filter.b2 = nb2 / na0;
        filter.a1 = na1 / na0;
        filter.a2 = na2 / na0;
        return filter;
    }

    double b0 = 1.0, b1 = 0.0, b2 = 0.0, a1 = 0.0, a2 = 0.0;
};

/** A raised-cosine fade over the last `seconds`, so no IR ends in a step. */
void fadeOut (std::vector<double>& h, double seconds)
{
    const auto length = std::min (h.size(), toFrames (seconds));
    for (std::size_t i = 0; i < length; ++i)
    {
        const auto progress = static_cast<double> (i) / static_cast<double> (length);
        h[h.size() - length + i] *= 0.5 * (1.0 + std::cos (std::numbers::pi * progress));
    }
}

/** Decaying noise whose brightness falls from startHz to endHz over the
    length (highs die first), with a raised-cosine onset. */
std::vector<double> diffuseTail (std::size_t frames, double rt60Seconds, double onsetSeconds, double riseSeconds,
                                 double startHz, double endHz, std::uint64_t seed)
{
    std::vector<double> tail (frames, 0.0);
    // The generators' SplitMix64 (the same numbers the files were first made with).
    partita::NoiseSource noise { seed };
    const auto lengthSeconds = static_cast<double> (frames) / sampleRate;
    const auto decayPerSecond = 3.0 * std::numbers::ln10 / rt60Seconds;
    double lowPassed = 0.0, dcIn = 0.0, dcOut = 0.0;

    for (std::size_t i = toFrames (onsetSeconds); i < frames; ++i)
    {
        const auto t = static_cast<double> (i) / sampleRate;
        const auto cutoff = startHz * std::pow (endHz / startHz, t / lengthSeconds);
        lowPassed += (1.0 - std::exp (-twoPi * cutoff / sampleRate)) * (noise.uniform() - lowPassed);
        const auto blocked = lowPassed - dcIn + 0.9995 * dcOut;
        dcIn = lowPassed;
        dcOut = blocked;

        const auto sinceOnset = t - onsetSeconds;
        const auto rise =
            sinceOnset < riseSeconds ? 0.5 * (1.0 - std::cos (std::numbers::pi * sinceOnset / riseSeconds)) : 1.0;
        tail[i] = rise * std::exp (-decayPerSecond * t) * blocked;
    }
    return tail;
}

void normalisePeak (partita::AudioClip& clip, double peakDecibels)
{
    double peak = 0.0;
    for (const auto& channel : clip.channels)
        for (const auto sample : channel)
            peak = std::max (peak, std::abs (sample));

    const auto gain = std::pow (10.0, peakDecibels / 20.0) / peak;
    for (auto& channel : clip.channels)
        for (auto& sample : channel)
            sample *= gain;
}

/** A steel plate: no discrete reflections, a dense and bright tail from the
    first milliseconds, little low end (a plate barely moves below 100 Hz),
    RT60 2 s. The two channels are two pickups: the same decay, different
    noise. */
partita::AudioClip makePlate()
{
    partita::AudioClip clip;
    clip.sampleRate = sampleRate;
    const auto frames = toFrames (2.4);

    for (std::uint64_t channel = 0; channel < 2; ++channel)
    {
        auto h = diffuseTail (frames, 2.0, 0.0005, 0.004, 16000.0, 5000.0, 0x91a7e + channel);
        Biquad::highPass (110.0, 0.7).run (h);
        Biquad::peak (3500.0, 0.8, 3.0).run (h);
        fadeOut (h, 0.2);
        clip.channels.push_back (std::move (h));
    }

    normalisePeak (clip, -1.0);
    return clip;
}

struct Reflection
{
    double delaySeconds;
    double gain;
};

/** A small, fairly damped room (about 4 x 5 m): the direct sound, early
    reflections within 20 ms that differ between the ears, a short dark tail
    of RT60 0.45 s. */
partita::AudioClip makeSmallRoom()
{
    constexpr std::array<std::array<Reflection, 6>, 2> reflections { {
        { { { 0.0031, 0.62 },
            { 0.0054, -0.45 },
            { 0.0079, 0.38 },
            { 0.0112, 0.30 },
            { 0.0147, -0.24 },
            { 0.0186, 0.19 } } },
        { { { 0.0036, 0.58 },
            { 0.0049, 0.47 },
            { 0.0088, -0.36 },
            { 0.0104, 0.31 },
            { 0.0139, 0.22 },
            { 0.0193, -0.2 } } },
    } };

    partita::AudioClip clip;
    clip.sampleRate = sampleRate;
    const auto frames = toFrames (0.7);

    for (std::size_t channel = 0; channel < 2; ++channel)
    {
        auto h = diffuseTail (frames, 0.45, 0.006, 0.015, 9000.0, 2500.0, 0x500e + channel);
        for (auto& sample : h)
            sample *= 0.35;
        h[0] += 1.0;

        // Walls are not perfect mirrors: each reflection is a little smeared.
        constexpr std::array<double, 3> smear { 0.25, 0.5, 0.25 };
        for (const auto& reflection : reflections[channel])
        {
            const auto at = toFrames (reflection.delaySeconds);
            for (std::size_t k = 0; k < smear.size(); ++k)
                h[at + k] += reflection.gain * smear[k] * 2.0;
        }

        fadeOut (h, 0.1);
        clip.channels.push_back (std::move (h));
    }

    normalisePeak (clip, -1.0);
    return clip;
}

/** A closed-back 2 x 12" guitar cabinet and a close microphone, as a chain of
    resonances applied to an impulse: the cabinet's low thump near 110 Hz, a
    cone break-up dip near 450 Hz, the presence peak near 2.8 kHz and the
    speaker's steep roll-off above 5 kHz. Mono, 4096 samples (85 ms). */
partita::AudioClip makeCabinet()
{
    std::vector<double> h (4096, 0.0);
    h[0] = 1.0;
    Biquad::highPass (75.0, 0.8).run (h);
    Biquad::peak (110.0, 1.4, 6.0).run (h);
    Biquad::peak (450.0, 1.2, -5.0).run (h);
    Biquad::peak (1400.0, 2.0, 2.0).run (h);
    Biquad::peak (2800.0, 1.6, 6.0).run (h);
    Biquad::lowPass (5200.0, 0.9).run (h);
    Biquad::lowPass (6000.0, 0.6).run (h);
    fadeOut (h, 0.02);

    partita::AudioClip clip;
    clip.sampleRate = sampleRate;
    clip.channels.push_back (std::move (h));
    normalisePeak (clip, -1.0);
    return clip;
}

/** The reverberation time as the factory tables state it: EnergyDecayCurve's
    ISO 3382 estimate on the energy of all channels summed; 0 when there is
    none (a cabinet's response is too short for T20). */
double measuredReverbTime (const partita::AudioClip& clip)
{
    std::vector<double> energy (clip.numFrames(), 0.0);
    for (const auto& channel : clip.channels)
        for (std::size_t i = 0; i < channel.size(); ++i)
            energy[i] += channel[i] * channel[i];
    const auto fit = partita::EnergyDecayCurve (energy, clip.sampleRate).reverberationTime();
    return fit.valid ? fit.reverbTimeSeconds : 0.0;
}

/** Every generated factory IR and the compiled-in files: id, channels,
    length, measured reverberation time and generation time, as a Markdown
    table (what Resources/README.md and the catalogue's numbers come from). */
int listFactoryIrs (const std::filesystem::path& resources)
{
    std::cout << "| id | name | category | channels | length (s) | RT (s) | listed RT (s) | made in (ms CPU) |\n"
              << "|---|---|---|---|---|---|---|---|\n";
    std::cout << std::fixed;
    for (const auto& ir : partita::generatedFactoryIrs())
    {
        // Processor time, not wall time: other programs on the machine do
        // not count against the generator.
        const auto start = std::clock();
        const auto clip = ir.generate();
        const auto elapsedMs = 1000.0 * static_cast<double> (std::clock() - start) / CLOCKS_PER_SEC;
        std::cout << "| " << ir.id << " | " << ir.displayName << " | " << partita::factoryIrCategoryName (ir.category)
                  << " | " << clip.numChannels() << " | " << std::setprecision (2)
                  << static_cast<double> (clip.numFrames()) / clip.sampleRate << " | " << std::setprecision (3)
                  << measuredReverbTime (clip) << " | " << ir.reverbTimeSeconds << " | " << std::setprecision (1)
                  << elapsedMs << " |\n";
    }
    for (const auto* file :
         { "factory/small_room.wav", "demo/hall_ir.wav", "factory/plate.wav", "factory/cabinet.wav" })
    {
        partita::AudioFileReader reader (resources / file);
        const auto clip = reader.readRest();
        std::cout << "| " << file << " | | | " << clip.numChannels() << " | " << std::setprecision (2)
                  << static_cast<double> (clip.numFrames()) / clip.sampleRate << " | " << std::setprecision (3)
                  << measuredReverbTime (clip) << " | | |\n";
    }
    return 0;
}

/** Writes every generated factory IR as a 24-bit WAV named by its id. */
int exportFactoryIrs (const std::filesystem::path& folder)
{
    std::filesystem::create_directories (folder);
    const partita::OutputFormat format { partita::FileContainer::wav, partita::SampleFormat::pcm24 };
    for (const auto& ir : partita::generatedFactoryIrs())
        partita::writeAudioFile (folder / (ir.id + ".wav"), ir.generate(), format, partita::OverwritePolicy::replace);
    std::cout << "wrote " << partita::generatedFactoryIrs().size() << " generated IRs to " << folder.string() << '\n';
    return 0;
}

} // namespace

int main (int argc, char** argv)
{
    const std::string usage = "usage: partita_make_factory_irs <output folder>\n"
                              "       partita_make_factory_irs --list <Resources folder>\n"
                              "       partita_make_factory_irs --export <output folder>\n";
    if (argc == 3 && std::string (argv[1]) == "--list")
        return listFactoryIrs (argv[2]);
    if (argc == 3 && std::string (argv[1]) == "--export")
        return exportFactoryIrs (argv[2]);
    if (argc != 2)
    {
        std::cerr << usage;
        return 2;
    }

    try
    {
        const std::filesystem::path folder = argv[1];
        std::filesystem::create_directories (folder);
        const partita::OutputFormat format { partita::FileContainer::wav, partita::SampleFormat::pcm24 };
        const auto replace = partita::OverwritePolicy::replace;

        partita::writeAudioFile (folder / "plate.wav", makePlate(), format, replace);
        partita::writeAudioFile (folder / "small_room.wav", makeSmallRoom(), format, replace);
        partita::writeAudioFile (folder / "cabinet.wav", makeCabinet(), format, replace);
        std::cout << "wrote plate.wav, small_room.wav and cabinet.wav to " << folder.string() << '\n';
        return 0;
    }
    catch (const std::exception& error)
    {
        std::cerr << "partita_make_factory_irs: " << error.what() << '\n';
        return 1;
    }
}
