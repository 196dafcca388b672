// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BrowserEntry.h"

#include <string>
#include <string_view>
#include <vector>

namespace partita
{

/** The browser's search box: the text split into words at spaces, each of
    which must appear (as a part of a word, in any case) in the entry's
    name, its category, one of its tags or its subfolder. "hall large"
    finds "Large hall" and "Halls/Large/01.wav"; an empty search shows
    everything. Letters compare without case for ASCII; other characters
    as written.

    Threading: a value. */
class BrowserSearch
{
public:
    BrowserSearch() = default;
    explicit BrowserSearch (std::string_view text);

    [[nodiscard]] bool matches (const BrowserEntry& entry) const;
    [[nodiscard]] bool empty() const noexcept { return words.empty(); }

    /** ASCII letters in lower case, every other byte as it is. */
    [[nodiscard]] static std::string folded (std::string_view text);

private:
    std::vector<std::string> words;
};

} // namespace partita
