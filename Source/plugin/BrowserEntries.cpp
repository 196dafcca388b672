// SPDX-License-Identifier: GPL-3.0-or-later
#include "BrowserEntries.h"

#include "FactoryImpulseResponses.h"
#include "PluginProcessor.h"

namespace partita::BrowserEntries
{
namespace
{
std::filesystem::path pathOf (const juce::File& file)
{
    return std::filesystem::path (
        std::u8string (reinterpret_cast<const char8_t*> (file.getFullPathName().toRawUTF8())));
}
} // namespace

std::vector<BrowserEntry> factory()
{
    std::vector<BrowserEntry> entries;
    const auto& list = factoryImpulseResponses();
    for (std::size_t i = 0; i < list.size(); ++i)
    {
        const auto& ir = list[i];
        BrowserEntry entry;
        entry.source = BrowserEntry::Source::factory;
        entry.key = BrowserEntry::factoryKey (ir.id);
        entry.name = ir.displayName;
        entry.factoryIndex = i;
        entry.category = ir.categoryName;
        entry.tags = ir.tags;
        entry.hasFacts = true;
        entry.facts.channels = ir.numChannels;
        entry.facts.sampleRate = ir.sampleRate;
        entry.facts.frames = ir.numFrames;
        if (ir.reverbTimeSeconds > 0.0)
            entry.facts.reverbTimeSeconds = ir.reverbTimeSeconds;
        entries.push_back (std::move (entry));
    }
    return entries;
}

std::vector<BrowserEntry> recent (const juce::Array<juce::File>& files)
{
    std::vector<BrowserEntry> entries;
    for (const auto& file : files)
    {
        BrowserEntry entry;
        entry.path = pathOf (file);
        entry.key = BrowserEntry::fileKey (entry.path);
        entry.name = file.getFileNameWithoutExtension().toStdString();
        entry.location = file.getParentDirectory().getFullPathName().toStdString();
        entries.push_back (std::move (entry));
    }
    return entries;
}

void load (PartitaAudioProcessor& processor, const BrowserEntry& entry)
{
    if (entry.source == BrowserEntry::Source::factory)
        processor.loadFactoryImpulseResponse (entry.factoryIndex);
    else
        processor.loadImpulseResponseFile (
            juce::File (juce::String::fromUTF8 (reinterpret_cast<const char*> (entry.path.u8string().c_str()))));
}

Playing playing (PartitaAudioProcessor& processor)
{
    Playing result;
    const auto source = processor.convolver().requestedImpulseResponse (IrSlot::a);
    if (source == nullptr)
        return result;
    if (!source->originalPath.empty())
        result.file =
            std::filesystem::path (std::u8string (reinterpret_cast<const char8_t*> (source->originalPath.c_str())));
    else if (const auto* ir = findFactoryImpulseResponse (source->name); ir != nullptr)
        result.factoryKey = BrowserEntry::factoryKey (ir->id);
    return result;
}

} // namespace partita::BrowserEntries
