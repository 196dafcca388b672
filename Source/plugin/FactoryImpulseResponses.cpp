// SPDX-License-Identifier: GPL-3.0-or-later
#include "FactoryImpulseResponses.h"

#include "factory/FactoryCatalogue.h"
#include "state/IrReadLimits.h"
#include "state/MemoryAudioCodec.h"

#include <PartitaFactoryIrs.h>
#include <algorithm>
#include <array>
#include <exception>
#include <string_view>

namespace partita
{
namespace
{
/** What the compiled-in files are; their channels and length come from the
    files themselves. */
struct KnownIr
{
    std::string_view fileName;
    std::string_view displayName;
    FactoryIrCategory category;
    std::array<std::string_view, 4> tags;
    /** Measured as for the generated IRs (see FactoryImpulseResponse). */
    double reverbTimeSeconds;
    std::string_view description;
};

constexpr std::array knownIrs {
    KnownIr { "small_room.wav",
              "Small room",
              FactoryIrCategory::room,
              { "stereo", "short", "natural", "dark" },
              0.428,
              "A small damped room: direct sound, early reflections within 20 ms that differ between the ears, a "
              "dark tail." },
    KnownIr { "hall_ir.wav",
              "Concert hall",
              FactoryIrCategory::hall,
              { "stereo", "long", "natural", "" },
              1.774,
              "A synthetic hall: direct sound, early reflections that differ per channel, then decorrelated noise "
              "whose high frequencies die away faster." },
    KnownIr { "plate.wav",
              "Plate",
              FactoryIrCategory::plate,
              { "stereo", "bright", "dense", "" },
              1.916,
              "A steel plate: no discrete reflections, a dense bright tail from the first milliseconds, little low "
              "end." },
    KnownIr { "cabinet.wav",
              "Guitar cabinet (2x12)",
              FactoryIrCategory::cabinet,
              { "mono", "guitar", "closed", "" },
              0.0,
              "A closed-back 2x12\" guitar cabinet with a close microphone: low thump near 110 Hz, a dip near "
              "450 Hz, presence near 2.8 kHz, steep roll-off above 5 kHz." },
};

std::string stem (const std::string& fileName)
{
    const auto dot = fileName.rfind ('.');
    return dot == std::string::npos ? fileName : fileName.substr (0, dot);
}

std::vector<FactoryImpulseResponse> compiledInFiles()
{
    std::vector<FactoryImpulseResponse> found;
    for (int i = 0; i < PartitaFactoryIrs::namedResourceListSize; ++i)
    {
        const auto* resourceName = PartitaFactoryIrs::namedResourceList[i];
        int size = 0;
        const auto* data = PartitaFactoryIrs::getNamedResource (resourceName, size);
        const std::string fileName = PartitaFactoryIrs::getNamedResourceOriginalFilename (resourceName);
        if (data == nullptr || size <= 0)
            continue;

        FactoryImpulseResponse ir;
        ir.fileName = fileName;
        ir.id = stem (fileName);
        ir.displayName = fileName;
        ir.bytes = { reinterpret_cast<const std::uint8_t*> (data), static_cast<std::size_t> (size) };
        const auto known = std::find_if (knownIrs.begin(), knownIrs.end(),
                                         [&fileName] (const KnownIr& k) { return k.fileName == fileName; });
        if (known != knownIrs.end())
        {
            ir.displayName = known->displayName;
            ir.category = known->category;
            for (const auto tag : known->tags)
                if (!tag.empty())
                    ir.tags.emplace_back (tag);
            ir.reverbTimeSeconds = known->reverbTimeSeconds;
            ir.description = known->description;
        }
        try
        {
            const auto clip = readAudioFromMemory (ir.bytes, irReadLimits, fileName);
            ir.numChannels = clip.numChannels();
            ir.numFrames = clip.numFrames();
            ir.sampleRate = clip.sampleRate;
        }
        catch (const std::exception&)
        {
            continue; // never expected: the files are tested (PluginFactoryIrs.*)
        }
        found.push_back (std::move (ir));
    }
    return found;
}

FactoryImpulseResponse fromCatalogue (const GeneratedIr& generated)
{
    FactoryImpulseResponse ir;
    ir.displayName = generated.displayName;
    ir.id = generated.id;
    ir.fileName = generated.id + ".wav";
    ir.category = generated.category;
    ir.tags = generated.tags;
    ir.description = generated.description;
    ir.reverbTimeSeconds = generated.reverbTimeSeconds;
    ir.numChannels = generated.numChannels;
    ir.numFrames = generated.numFrames;
    ir.sampleRate = generatedIrSampleRate;
    ir.generate = generated.generate;
    return ir;
}

std::vector<FactoryImpulseResponse> collect()
{
    auto list = compiledInFiles();
    // Files first within a category, in knownIrs order, then the catalogue's order.
    const auto fileRank = [] (const FactoryImpulseResponse& ir)
    {
        const auto known = std::find_if (knownIrs.begin(), knownIrs.end(),
                                         [&ir] (const KnownIr& k) { return k.fileName == ir.fileName; });
        return static_cast<std::size_t> (known - knownIrs.begin());
    };
    std::stable_sort (list.begin(), list.end(),
                      [&fileRank] (const auto& a, const auto& b) { return fileRank (a) < fileRank (b); });
    for (const auto& generated : generatedFactoryIrs())
        list.push_back (fromCatalogue (generated));

    std::stable_sort (list.begin(), list.end(), [] (const auto& a, const auto& b) { return a.category < b.category; });
    for (auto& ir : list)
        ir.categoryName = factoryIrCategoryName (ir.category);
    return list;
}
} // namespace

AudioClip FactoryImpulseResponse::samples() const
{
    if (generate != nullptr)
        return generate();
    return readAudioFromMemory (bytes, irReadLimits, "'" + displayName + "'");
}

const std::vector<FactoryImpulseResponse>& factoryImpulseResponses()
{
    static const auto list = collect();
    return list;
}

const FactoryImpulseResponse* findFactoryImpulseResponse (std::string_view name)
{
    const auto& list = factoryImpulseResponses();
    for (const auto member :
         { &FactoryImpulseResponse::id, &FactoryImpulseResponse::displayName, &FactoryImpulseResponse::fileName })
    {
        const auto found = std::find_if (list.begin(), list.end(),
                                         [&] (const FactoryImpulseResponse& ir) { return ir.*member == name; });
        if (found != list.end())
            return &*found;
    }
    return nullptr;
}

const FactoryImpulseResponse* defaultFactoryImpulseResponse()
{
    return findFactoryImpulseResponse ("small_room");
}

} // namespace partita
