// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BrowserList.h"

#include <string>

namespace partita
{

/** The browser's words for a row, shared by what it draws and what a screen
    reader hears, so that both say the same.

    Threading: pure functions. */
namespace BrowserEntryText
{
/** "2 ch · 1.50 s · 48 kHz · RT 1.02 s"; "2 ch · 1.50 s · 44.1 kHz" without
    a measurable reverb time; "" before the facts are known. */
[[nodiscard]] std::string facts (const BrowserEntry& entry);

/** The first line: the name, with what a set combines ("hall [L+R]"). */
[[nodiscard]] std::string title (const BrowserEntry& entry);

/** The second line: the facts, or "Cannot be read: <reason>". */
[[nodiscard]] std::string detail (const BrowserEntry& entry);

/** Everything in one sentence for a screen reader: "hall [L+R], Halls,
    favourite, 2 channels, 1.50 seconds, 48 kHz, reverb time 1.02
    seconds" or "Folder: My rooms". */
[[nodiscard]] std::string spoken (const BrowserRow& row);
} // namespace BrowserEntryText

} // namespace partita
