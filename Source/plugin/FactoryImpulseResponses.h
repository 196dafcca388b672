// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "factory/FactoryIrCategory.h"
#include "io/AudioClip.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace partita
{

/** An IR made by the project that comes with the plugin: either a WAV file
    compiled in (Resources/factory, Resources/demo: the first four factory
    IRs, kept as files because old sessions name them) or one made on demand
    by the generators in Source/factory (the rest: no bytes stored, samples()
    generates them in milliseconds).

    A saved session holds the IR's samples, as for any IR, so a session that
    used a factory IR restores even if the list changes. */
struct FactoryImpulseResponse
{
    /** What the menu shows, e.g. "Small room". The IR's name in a session. */
    std::string displayName;
    /** Stable identifier, e.g. "small_room" (a file) or "hall_large"
        (generated): what `factory:ID` names. Never changed once released. */
    std::string id;
    /** The file's name, e.g. "small_room.wav"; for a generated IR the name an
        export would get (id + ".wav"). */
    std::string fileName;
    FactoryIrCategory category = FactoryIrCategory::room;
    /** factoryIrCategoryName (category), e.g. "Halls": the menu's group. */
    std::string categoryName;
    /** Lower-case words to search by, e.g. { "stereo", "bright" }. */
    std::vector<std::string> tags;
    /** One sentence or two on what it is. */
    std::string description;
    /** T30 (T20 for short decays) in seconds as EnergyDecayCurve measures it
        on the IR (all channels' energy summed); stored in the tables
        (FactoryImpulseResponses.cpp, factory/FactoryCatalogue.cpp) and
        checked against a measurement by the tests. 0 for the cabinets. */
    double reverbTimeSeconds = 0.0;
    std::size_t numChannels = 0;
    std::size_t numFrames = 0;
    double sampleRate = 48000.0;

    /** A compiled-in file: its WAV bytes, valid for the life of the program.
        Empty for a generated IR. */
    std::span<const std::uint8_t> bytes;
    /** A generated IR: the function that makes it (pure, any thread). Null
        for a compiled-in file. */
    AudioClip (*generate)() = nullptr;

    [[nodiscard]] bool isGenerated() const noexcept { return generate != nullptr; }
    [[nodiscard]] double lengthSeconds() const noexcept
    {
        return sampleRate > 0.0 ? static_cast<double> (numFrames) / sampleRate : 0.0;
    }
    /** The samples: the file decoded, or the IR generated. Throws
        AudioFileError if a compiled-in file cannot be decoded (never
        expected; tested). Threading: any thread but the audio thread; slow
        enough (milliseconds) to belong on the loader's thread. */
    [[nodiscard]] AudioClip samples() const;
};

/** Every factory IR, grouped by category (rooms, chambers, halls, plates,
    springs, cabinets, classic digital; within a group the files first, then
    the generated IRs from small to large).

    Threading: any thread (the list is built once, thread-safely; it decodes
    the few compiled-in WAV headers, a few milliseconds). */
const std::vector<FactoryImpulseResponse>& factoryImpulseResponses();

/** The factory IR whose id, display name or file name is `name` (the id
    first), or null. Lets `factory:ID`, a browser or a session's IR name find
    the entry. */
const FactoryImpulseResponse* findFactoryImpulseResponse (std::string_view name);

/** What a new plugin instance starts with: the small room, because it is
    short (cheap to build and to run, so a host's scan and a validator stay
    quick) and sounds natural on any source, where a hall or a cabinet would
    colour it. Null only if the resource is missing from the build. */
const FactoryImpulseResponse* defaultFactoryImpulseResponse();

} // namespace partita
