// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <juce_gui_extra/juce_gui_extra.h>

#include <memory>

namespace partita
{

/** The IR files loaded lately, newest first, kept in the user's Partita
    settings file (shared by every instance and format of the plugin), so the
    list survives restarts.

    Threading: message thread only. */
class RecentImpulseResponses
{
public:
    /** The default settings file: ~/.config/Partita/Partita.settings on
        Linux, the platform's equivalent elsewhere. */
    static juce::File defaultSettingsFile();
    /** How the settings file is written (XML, no process lock: several
        instances share it); BrowserSettings keeps its keys in it too. */
    static juce::PropertiesFile::Options settingsFileOptions();

    explicit RecentImpulseResponses (juce::File settingsFile = defaultSettingsFile());
    ~RecentImpulseResponses();
    RecentImpulseResponses (const RecentImpulseResponses&) = delete;
    RecentImpulseResponses& operator= (const RecentImpulseResponses&) = delete;

    /** Moves the file to the top of the list and saves the list. */
    void add (const juce::File& file);

    /** The files that still exist, newest first. */
    [[nodiscard]] juce::Array<juce::File> files();

    void clear();

    static constexpr int maxFiles = 10;

private:
    void save();

    juce::File settingsFile;
    std::unique_ptr<juce::PropertiesFile> properties;
    juce::RecentlyOpenedFilesList list;
};

} // namespace partita
