// SPDX-License-Identifier: GPL-3.0-or-later
#include "BrowserSettings.h"

#include "RecentImpulseResponses.h"

#include <algorithm>

namespace partita
{
namespace
{
constexpr const char* foldersKey = "browserFolders";
constexpr const char* favouritesKey = "browserFavourites";
constexpr const char* shownKey = "browserShown";

juce::String toJuce (const std::filesystem::path& path)
{
    return juce::String::fromUTF8 (reinterpret_cast<const char*> (path.u8string().c_str()));
}

std::filesystem::path fromJuce (const juce::String& text)
{
    return std::filesystem::path (std::u8string (reinterpret_cast<const char8_t*> (text.toRawUTF8())));
}
} // namespace

BrowserSettings::BrowserSettings (juce::File settingsFile)
    : file (std::move (settingsFile))
    , properties (std::make_unique<juce::PropertiesFile> (file, RecentImpulseResponses::settingsFileOptions()))
{
}

BrowserSettings::~BrowserSettings() = default;

std::filesystem::path BrowserSettings::normalisedFolder (const std::filesystem::path& folder)
{
    auto normal = std::filesystem::absolute (folder).lexically_normal();
    if (!normal.has_filename() && normal.has_parent_path() && normal != normal.root_path())
        normal = normal.parent_path();
    return normal;
}

juce::StringArray BrowserSettings::readList (const char* key)
{
    // Another instance may have written since this one read.
    properties->reload();
    juce::StringArray values;
    values.addLines (properties->getValue (key));
    values.removeEmptyStrings();
    return values;
}

void BrowserSettings::writeList (const char* key, const juce::StringArray& values)
{
    properties->setValue (key, values.joinIntoString ("\n"));
    properties->saveIfNeeded();
}

std::vector<std::filesystem::path> BrowserSettings::folders()
{
    std::vector<std::filesystem::path> result;
    for (const auto& line : readList (foldersKey))
        result.push_back (fromJuce (line));
    return result;
}

bool BrowserSettings::addFolder (const std::filesystem::path& folder)
{
    auto values = readList (foldersKey);
    const auto text = toJuce (normalisedFolder (folder));
    if (values.contains (text))
        return false;
    values.add (text);
    writeList (foldersKey, values);
    return true;
}

void BrowserSettings::removeFolder (const std::filesystem::path& folder)
{
    auto values = readList (foldersKey);
    values.removeString (toJuce (normalisedFolder (folder)));
    writeList (foldersKey, values);
}

std::set<std::string> BrowserSettings::favourites()
{
    std::set<std::string> keys;
    for (const auto& line : readList (favouritesKey))
        keys.insert (line.toStdString());
    return keys;
}

void BrowserSettings::setFavourite (const std::string& key, bool favourite)
{
    auto values = readList (favouritesKey);
    const auto text = juce::String::fromUTF8 (key.c_str());
    values.removeString (text);
    if (favourite)
        values.add (text);
    writeList (favouritesKey, values);
}

bool BrowserSettings::isShown()
{
    properties->reload();
    return properties->getBoolValue (shownKey, false);
}

void BrowserSettings::setShown (bool shown)
{
    properties->reload();
    properties->setValue (shownKey, shown);
    properties->saveIfNeeded();
}

juce::Time BrowserSettings::lastWritten() const
{
    return file.getLastModificationTime();
}

} // namespace partita
