// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecentImpulseResponses.h"

namespace partita
{
namespace
{
constexpr const char* recentFilesKey = "recentImpulseResponses";

juce::PropertiesFile::Options settingsOptions()
{
    juce::PropertiesFile::Options options;
    options.applicationName = "Partita";
    options.folderName = "Partita";
    options.filenameSuffix = ".settings";
    options.osxLibrarySubFolder = "Application Support";
    options.storageFormat = juce::PropertiesFile::storeAsXML;
    // Several plugin instances (and the standalone app) share the file.
    options.processLock = nullptr;
    return options;
}
} // namespace

juce::PropertiesFile::Options RecentImpulseResponses::settingsFileOptions()
{
    return settingsOptions();
}

juce::File RecentImpulseResponses::defaultSettingsFile()
{
    return settingsOptions().getDefaultFile();
}

RecentImpulseResponses::RecentImpulseResponses (juce::File file)
    : settingsFile (std::move (file))
{
    properties = std::make_unique<juce::PropertiesFile> (settingsFile, settingsOptions());
    list.setMaxNumberOfItems (maxFiles);
    list.restoreFromString (properties->getValue (recentFilesKey));
}

RecentImpulseResponses::~RecentImpulseResponses() = default;

void RecentImpulseResponses::add (const juce::File& file)
{
    // Another instance may have added files since this one read the list.
    properties->reload();
    list.restoreFromString (properties->getValue (recentFilesKey));
    list.addFile (file);
    save();
}

juce::Array<juce::File> RecentImpulseResponses::files()
{
    properties->reload();
    list.restoreFromString (properties->getValue (recentFilesKey));
    list.removeNonExistentFiles();

    juce::Array<juce::File> result;
    for (int i = 0; i < list.getNumFiles(); ++i)
        result.add (list.getFile (i));
    return result;
}

void RecentImpulseResponses::clear()
{
    list.clear();
    save();
}

void RecentImpulseResponses::save()
{
    properties->setValue (recentFilesKey, list.toString());
    properties->saveIfNeeded();
}

} // namespace partita
