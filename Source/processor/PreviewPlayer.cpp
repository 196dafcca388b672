// SPDX-License-Identifier: GPL-3.0-or-later
#include "PreviewPlayer.h"

#include "PreviewSound.h"

#include <algorithm>
#include <cmath>

namespace partita
{

void PreviewPlayer::prepare (double sampleRate, std::size_t maxChunk)
{
    samples = makePreviewSound (sampleRate);
    scratch.assign (maxChunk, 0.0f);
    fadeLength = std::max<std::size_t> (1, static_cast<std::size_t> (std::lround (fadeSeconds * sampleRate)));
    togglesSeen = toggles.load (std::memory_order_acquire);
    stopsSeen = stops.load (std::memory_order_acquire);
    active = false;
    fadeLeft = 0;
    position = 0;
    playing.store (false, std::memory_order_relaxed);
}

void PreviewPlayer::takeRequests() noexcept
{
    const auto toggleCount = toggles.load (std::memory_order_acquire);
    const auto stopCount = stops.load (std::memory_order_acquire);
    const bool stopAsked = stopCount != stopsSeen;
    // Presses since the last chunk: an odd number changes the state, an even
    // one leaves it (two presses within one block are a start and a stop).
    const bool toggleAsked = ((toggleCount - togglesSeen) & 1u) != 0;
    togglesSeen = toggleCount;
    stopsSeen = stopCount;

    const bool sounding = active && fadeLeft == 0;
    if (sounding && (stopAsked || toggleAsked))
        fadeLeft = fadeLength;
    else if (!active && toggleAsked && !stopAsked)
    {
        active = true;
        position = 0;
        fadeLeft = 0;
    }
}

std::span<const float> PreviewPlayer::render (std::size_t numSamples) noexcept
{
    takeRequests();
    if (!active || samples.empty())
    {
        playing.store (false, std::memory_order_relaxed);
        return {};
    }
    numSamples = std::min (numSamples, scratch.size());
    for (std::size_t n = 0; n < numSamples; ++n)
    {
        float sample = position < samples.size() ? samples[position] : 0.0f;
        if (fadeLeft > 0)
        {
            // A linear fade from where the sound is to silence.
            sample *= static_cast<float> (fadeLeft) / static_cast<float> (fadeLength + 1);
            --fadeLeft;
            if (fadeLeft == 0)
                position = samples.size();
        }
        scratch[n] = sample;
        if (position < samples.size())
            ++position;
    }
    if (position >= samples.size())
    {
        active = false;
        fadeLeft = 0;
    }
    playing.store (active, std::memory_order_relaxed);
    return { scratch.data(), numSamples };
}

void PreviewPlayer::reset() noexcept
{
    togglesSeen = toggles.load (std::memory_order_acquire);
    stopsSeen = stops.load (std::memory_order_acquire);
    active = false;
    fadeLeft = 0;
    playing.store (false, std::memory_order_relaxed);
}

} // namespace partita
