// SPDX-License-Identifier: GPL-3.0-or-later
#include "HostedSessions.h"

#include "TestSignals.h"
#include "state/ContentHash.h"
#include "state/PluginStateFormat.h"

#include <memory>

namespace partita::test
{

std::vector<std::uint8_t> roomSession (const ProcessorParameters& parameters, std::size_t irFrames,
                                       const std::vector<std::uint32_t>& channelSeeds, double irSampleRate)
{
    PluginState state;
    state.parameters = parameters;
    AudioClip ir;
    ir.sampleRate = irSampleRate;
    for (const auto seed : channelSeeds)
    {
        const auto noise = decayingNoise (irFrames, seed);
        ir.channels.emplace_back (noise.begin(), noise.end());
    }
    SavedImpulseResponse saved;
    saved.name = "room.wav";
    saved.audio = std::make_shared<const AudioClip> (std::move (ir));
    saved.contentHash = contentHash (*saved.audio);
    state.impulseResponse = saved;
    return serialiseState (state);
}

} // namespace partita::test
