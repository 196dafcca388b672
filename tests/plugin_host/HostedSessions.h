// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "processor/ProcessorParameters.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace partita::test
{

/** Our state bytes for a session with these parameters and a room made of
    decaying noise (one channel per seed), as the hosted tests give it to the
    built plugins. */
std::vector<std::uint8_t> roomSession (const ProcessorParameters& parameters, std::size_t irFrames,
                                       const std::vector<std::uint32_t>& channelSeeds, double irSampleRate = 48000.0);

} // namespace partita::test
