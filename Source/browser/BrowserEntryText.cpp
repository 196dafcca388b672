// SPDX-License-Identifier: GPL-3.0-or-later
#include "BrowserEntryText.h"

#include <cstdio>

namespace partita::BrowserEntryText
{
namespace
{
std::string twoDecimals (double value)
{
    char text[32];
    std::snprintf (text, sizeof (text), "%.2f", value);
    return text;
}

/** 48, 44.1, 96, 88.2: kHz with a decimal only where it has one. */
std::string kilohertz (double rate)
{
    char text[32];
    std::snprintf (text, sizeof (text), "%g", rate / 1000.0);
    return text;
}
} // namespace

std::string facts (const BrowserEntry& entry)
{
    if (!entry.hasFacts)
        return {};
    const auto& f = entry.facts;
    // The middle dot (U+00B7) in UTF-8.
    const std::string dot = " \xc2\xb7 ";
    auto text = std::to_string (f.channels) + " ch" + dot + twoDecimals (f.lengthSeconds()) + " s" + dot
                + kilohertz (f.sampleRate) + " kHz";
    if (f.reverbTimeSeconds)
        text += dot + "RT " + twoDecimals (*f.reverbTimeSeconds) + " s";
    return text;
}

std::string title (const BrowserEntry& entry)
{
    return entry.setDescription.empty() ? entry.name : entry.name + " [" + entry.setDescription + "]";
}

std::string detail (const BrowserEntry& entry)
{
    if (!entry.readable)
    {
        // The reader names the file by its whole path; the row is the
        // file's already, so its name is enough (the tooltip has the path).
        auto reason = entry.reason;
        const auto path = entry.path.string();
        if (const auto at = path.empty() ? std::string::npos : reason.find (path); at != std::string::npos)
            reason.replace (at, path.size(), entry.path.filename().string());
        return "Cannot be read: " + reason;
    }
    return facts (entry);
}

std::string spoken (const BrowserRow& row)
{
    if (row.kind == BrowserRow::Kind::heading)
    {
        if (row.section == BrowserSection::folder)
            return (row.depth == 0 ? "Folder: " : "Subfolder: ") + row.heading;
        return row.heading;
    }
    const auto& entry = row.entry;
    auto text = title (entry);
    if (!entry.category.empty())
        text += ", " + entry.category;
    if (row.favourite)
        text += ", favourite";
    if (!entry.readable)
        return text + ", cannot be read: " + entry.reason;
    if (entry.hasFacts)
    {
        const auto& f = entry.facts;
        text += ", " + std::to_string (f.channels) + (f.channels == 1 ? " channel, " : " channels, ")
                + twoDecimals (f.lengthSeconds()) + " seconds, " + kilohertz (f.sampleRate) + " kHz";
        if (f.reverbTimeSeconds)
            text += ", reverb time " + twoDecimals (*f.reverbTimeSeconds) + " seconds";
    }
    return text;
}

} // namespace partita::BrowserEntryText
