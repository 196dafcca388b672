// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <juce_data_structures/juce_data_structures.h>

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace partita
{

/** What the IR browser remembers for the user, in the user's Partita
    settings file beside the recent files (RecentImpulseResponses): the IR
    folders the user added, the favourites (BrowserEntry keys) and whether
    the panel is shown. Every plugin instance and the standalone app share
    it: each read reloads the file and each change is written at once, so an
    instance sees a folder another one added.

    Threading: message thread only. */
class BrowserSettings
{
public:
    explicit BrowserSettings (juce::File settingsFile);
    ~BrowserSettings();
    BrowserSettings (const BrowserSettings&) = delete;
    BrowserSettings& operator= (const BrowserSettings&) = delete;

    /** The folders in the order added; each once. */
    [[nodiscard]] std::vector<std::filesystem::path> folders();
    /** Adds a folder at the end (not twice); false if it was there. */
    bool addFolder (const std::filesystem::path& folder);
    void removeFolder (const std::filesystem::path& folder);

    [[nodiscard]] std::set<std::string> favourites();
    void setFavourite (const std::string& key, bool favourite);

    [[nodiscard]] bool isShown();
    void setShown (bool shown);

    /** The settings file's modification time: changes when any instance
        wrote it (the browser polls it to follow other instances). */
    [[nodiscard]] juce::Time lastWritten() const;

    /** A folder as it is stored and compared: absolute, without a trailing
        separator. */
    [[nodiscard]] static std::filesystem::path normalisedFolder (const std::filesystem::path& folder);

private:
    [[nodiscard]] juce::StringArray readList (const char* key);
    void writeList (const char* key, const juce::StringArray& values);

    juce::File file;
    std::unique_ptr<juce::PropertiesFile> properties;
};

} // namespace partita
