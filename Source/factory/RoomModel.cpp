// SPDX-License-Identifier: GPL-3.0-or-later
#include "RoomModel.h"

#include "FactoryIrFinishing.h"
#include "ImageSourceModel.h"
#include "NoiseSource.h"
#include "OctaveBandMixer.h"

#include <algorithm>
#include <cmath>
#include <future>
#include <numbers>
#include <utility>

namespace partita
{
namespace
{
/** Rises from 0 before `start` to 1 after start + width (raised cosine). */
double crossfade (double seconds, double start, double width) noexcept
{
    if (seconds <= start)
        return 0.0;
    if (seconds >= start + width)
        return 1.0;
    return 0.5 - 0.5 * std::cos (std::numbers::pi * (seconds - start) / width);
}
} // namespace

RoomModel::RoomModel (RoomIrDesign roomDesign, double sampleRate)
    : design (std::move (roomDesign))
    , rate (sampleRate)
{
}

std::size_t RoomModel::numFrames() const noexcept
{
    return static_cast<std::size_t> (std::lround (design.lengthSeconds * rate));
}

std::size_t RoomModel::numChannels() const noexcept
{
    return design.sources.size() >= 2 ? 4 : 2;
}

std::vector<double> RoomModel::renderPath (const RoomPoint& source, const RoomPoint& microphone,
                                           std::uint64_t seed) const
{
    const auto frames = numFrames();
    const auto& room = design.room;
    const auto mixing = room.mixingTimeSeconds();
    // The crossfade is a fifth of the mixing time (at least 4 ms): short
    // enough to keep the early pattern, long enough not to be heard as a step.
    const auto fadeWidth = std::max (0.004, 0.2 * mixing);
    const auto fadeStart = mixing - 0.5 * fadeWidth;

    const auto arrivals = imageSourceArrivals (room, source, microphone, fadeStart + fadeWidth);
    // Scattering at the walls fills the gaps between the first specular
    // reflections with diffuse sound whose share grows until the mixing
    // time: the tail fades in from the first reflection, not only around
    // the mixing time (which also keeps the decay measurable: no silent
    // stretch between reflections).
    const auto firstReflection =
        std::find_if (arrivals.begin(), arrivals.end(), [] (const ImageSourceArrival& a) { return a.order() > 0; });
    const auto tailStart =
        std::min (fadeStart, firstReflection != arrivals.end() ? firstReflection->delaySeconds : fadeStart);
    const auto tailRise = fadeStart + fadeWidth - tailStart;

    // The diffuse field's energy per second is 4 pi c / V (the images in a
    // shell of radius c t number 4 pi (c t)^2 c dt / V, each of energy
    // 1 / (c t)^2), so per sample its amplitude is sqrt (4 pi c / (V fs)).
    const auto level = std::sqrt (4.0 * std::numbers::pi * room.speedOfSound / (room.volume() * rate));
    const auto times = room.eyringReverbTime();
    const auto first = static_cast<std::size_t> (std::max (0.0, std::floor (tailStart * rate)));

    const auto fillBand = [&] (std::size_t band, std::vector<double>& buffer)
    {
        for (const auto& arrival : arrivals)
        {
            const auto position = arrival.delaySeconds * rate;
            const auto index = static_cast<std::size_t> (position);
            if (index + 1 >= frames)
                continue;
            const auto fraction = position - static_cast<double> (index);
            const auto gain = (1.0 - crossfade (arrival.delaySeconds, fadeStart, fadeWidth)) * arrival.gain[band];
            buffer[index] += gain * (1.0 - fraction);
            buffer[index + 1] += gain * fraction;
        }

        // The same noise in every band (the bands split it), decaying at
        // the band's rate.
        const auto decayPerSample = std::pow (10.0, -3.0 / (times[band] * rate));
        auto envelope = level * std::pow (decayPerSample, static_cast<double> (first));
        NoiseSource noise (seed);
        for (auto i = first; i < frames; ++i)
        {
            const auto seconds = static_cast<double> (i) / rate;
            buffer[i] += envelope * noise.unitVariance() * crossfade (seconds, tailStart, tailRise);
            envelope *= decayPerSample;
        }
    };
    return OctaveBandMixer (rate).mix (frames, fillBand);
}

AudioClip RoomModel::render() const
{
    // The paths are independent (each its own seed): made on threads of
    // their own, a stereo room takes half the time on two cores, and the
    // result does not depend on the scheduling.
    struct Path
    {
        RoomPoint source;
        RoomPoint microphone;
        std::uint64_t seed;
    };
    std::vector<Path> paths;
    const auto& mics = design.microphones;
    // Seeds per path: the design's seed with the path's index in the low bits.
    if (design.sources.size() >= 2)
    {
        for (std::size_t s = 0; s < 2; ++s)
            for (std::size_t m = 0; m < 2; ++m)
                paths.push_back ({ design.sources[s], mics[m], design.seed * 16 + s * 2 + m });
    }
    else if (!design.sources.empty())
    {
        for (std::size_t m = 0; m < 2; ++m)
            paths.push_back ({ design.sources.front(), mics[m], design.seed * 16 + m });
    }

    std::vector<std::future<std::vector<double>>> rendering;
    for (const auto& path : paths)
        rendering.push_back (std::async (std::launch::async, [this, path]
                                         { return renderPath (path.source, path.microphone, path.seed); }));
    AudioClip clip;
    clip.sampleRate = rate;
    for (auto& channel : rendering)
        clip.channels.push_back (channel.get());
    finishFactoryIr (clip);
    return clip;
}

} // namespace partita
