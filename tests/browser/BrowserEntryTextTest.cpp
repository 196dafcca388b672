// SPDX-License-Identifier: GPL-3.0-or-later
#include "browser/BrowserEntryText.h"

#include <gtest/gtest.h>

namespace partita
{
namespace
{
BrowserRow roomRow()
{
    BrowserRow row;
    row.entry.name = "hall";
    row.entry.setDescription = "L+R";
    row.entry.category = "Halls";
    row.entry.hasFacts = true;
    row.entry.facts.channels = 2;
    row.entry.facts.sampleRate = 44100.0;
    row.entry.facts.frames = 66150;
    row.entry.facts.reverbTimeSeconds = 1.024;
    row.favourite = true;
    return row;
}
} // namespace

TEST (BrowserEntryText, SaysTheFactsTheSameWayDrawnAndSpoken)
{
    const auto row = roomRow();
    EXPECT_EQ (BrowserEntryText::title (row.entry), "hall [L+R]");
    EXPECT_EQ (BrowserEntryText::detail (row.entry), "2 ch \xc2\xb7 1.50 s \xc2\xb7 44.1 kHz \xc2\xb7 RT 1.02 s");
    EXPECT_EQ (BrowserEntryText::spoken (row),
               "hall [L+R], Halls, favourite, 2 channels, 1.50 seconds, 44.1 kHz, reverb time 1.02 seconds");

    auto unmeasured = row.entry;
    unmeasured.facts.reverbTimeSeconds.reset();
    unmeasured.facts.sampleRate = 48000.0;
    unmeasured.facts.frames = 24000;
    EXPECT_EQ (BrowserEntryText::facts (unmeasured), "2 ch \xc2\xb7 0.50 s \xc2\xb7 48 kHz");
    unmeasured.hasFacts = false;
    EXPECT_EQ (BrowserEntryText::facts (unmeasured), "");
}

TEST (BrowserEntryText, AnUnreadableFileSaysWhy)
{
    BrowserRow row;
    row.entry.name = "broken";
    row.entry.readable = false;
    row.entry.path = "/home/me/IRs/broken.wav";
    row.entry.reason = "'/home/me/IRs/broken.wav': not a WAV file";
    EXPECT_EQ (BrowserEntryText::detail (row.entry), "Cannot be read: 'broken.wav': not a WAV file");
    EXPECT_EQ (BrowserEntryText::spoken (row), "broken, cannot be read: '/home/me/IRs/broken.wav': not a WAV file");

    BrowserRow heading;
    heading.kind = BrowserRow::Kind::heading;
    heading.section = BrowserSection::folder;
    heading.heading = "My rooms";
    EXPECT_EQ (BrowserEntryText::spoken (heading), "Folder: My rooms");
}

} // namespace partita
