// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace partita
{

/** An IR made by the project and compiled into the plugin
    (Resources/factory, Resources/demo). */
struct FactoryImpulseResponse
{
    /** What the menu shows, e.g. "Small room". */
    std::string displayName;
    /** The original file name, e.g. "small_room.wav": the IR's name in a
        session. */
    std::string fileName;
    /** The WAV file's bytes, valid for the life of the program. */
    std::span<const std::uint8_t> bytes;
};

/** Every factory IR, in menu order.

    Threading: any thread (the list is built once, thread-safely). */
const std::vector<FactoryImpulseResponse>& factoryImpulseResponses();

/** What a new plugin instance starts with: the small room, because it is
    short (cheap to build and to run, so a host's scan and a validator stay
    quick) and sounds natural on any source, where a hall or a cabinet would
    colour it. Null only if the resource is missing from the build. */
const FactoryImpulseResponse* defaultFactoryImpulseResponse();

} // namespace partita
