// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "browser/BrowserEntry.h"

#include <juce_core/juce_core.h>

#include <optional>
#include <string>
#include <vector>

namespace partita
{

class PartitaAudioProcessor;

/** Between the browser's model (Source/browser, no JUCE) and the plugin:
    the factory IRs and the recent files as entries, the loading of an entry
    through the plugin's usual path (the loader thread, a crossfade, a failure
    leaving the playing IR alone), and the entry that is playing.

    Threading: message thread. */
namespace BrowserEntries
{
/** Every factory IR with its category, tags and facts from the factory
    table (no decoding). */
[[nodiscard]] std::vector<BrowserEntry> factory();

/** The recent files, newest first; their facts come from a scan. */
[[nodiscard]] std::vector<BrowserEntry> recent (const juce::Array<juce::File>& files);

/** Loads the entry into slot A as Load IR... or the Factory menu would. */
void load (PartitaAudioProcessor& processor, const BrowserEntry& entry);

/** What slot A holds (or is loading): the file's path, or, for a
    factory IR, its key. */
struct Playing
{
    std::optional<std::filesystem::path> file;
    std::optional<std::string> factoryKey;
};
[[nodiscard]] Playing playing (PartitaAudioProcessor& processor);
} // namespace BrowserEntries

} // namespace partita
