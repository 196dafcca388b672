// SPDX-License-Identifier: GPL-3.0-or-later
#include "HelpLayout.h"

#include <algorithm>

namespace partita
{

namespace
{
/** Help lines end at column 79, so that they fit an 80-column terminal
    without the cursor wrapping. */
constexpr std::size_t lineWidth = 79;
constexpr std::size_t labelIndent = 2;
constexpr std::size_t helpColumn = 26;
/** A label and the help beside it need two spaces between them. */
constexpr std::size_t labelGap = 2;

/** Appends one paragraph, wrapped, ending in a newline. The first line is
    not indented when it continues a line already started (beside a label). */
void appendWrapped (std::string& text, std::string_view paragraph, std::size_t width, std::size_t indent,
                    bool indentFirst)
{
    std::size_t used = 0;
    bool onFirstLine = true;
    for (auto start = paragraph.find_first_not_of (' '); start != std::string_view::npos;
         start = paragraph.find_first_not_of (' ', start))
    {
        const auto word = paragraph.substr (start, paragraph.find (' ', start) - start);
        start += word.size();

        if (used > 0 && used + 1 + word.size() > width)
        {
            text += '\n';
            used = 0;
            onFirstLine = false;
        }
        if (used > 0)
        {
            text += ' ';
            ++used;
        }
        else if (!onFirstLine || indentFirst)
        {
            text.append (indent, ' ');
        }
        text += word;
        used += word.size();
    }
    text += '\n';
}
} // namespace

std::string wrapText (std::string_view text, std::size_t width, std::size_t indent)
{
    std::string wrapped;
    appendWrapped (wrapped, text, width, indent, true);
    return wrapped;
}

std::string formatOptionSections (std::span<const OptionSpec* const> rows)
{
    std::vector<std::string_view> sections;
    for (const auto* row : rows)
        if (std::find (sections.begin(), sections.end(), row->section) == sections.end())
            sections.push_back (row->section);

    std::string text;
    for (const auto section : sections)
    {
        if (!text.empty())
            text += '\n';
        text.append (section).append ("\n");
        for (const auto* row : rows)
        {
            if (row->section != section)
                continue;
            const auto label = row->helpLabel();
            text.append (labelIndent, ' ').append (label);
            const bool besideLabel = labelIndent + label.size() + labelGap <= helpColumn;
            if (besideLabel)
                text.append (helpColumn - labelIndent - label.size(), ' ');
            else
                text += '\n';

            std::string_view help = row->help;
            bool firstLine = true;
            while (!help.empty() || firstLine)
            {
                const auto line = help.substr (0, help.find ('\n'));
                help.remove_prefix (std::min (help.size(), line.size() + 1));
                appendWrapped (text, line, lineWidth - helpColumn, helpColumn, !(firstLine && besideLabel));
                firstLine = false;
            }
        }
    }
    return text;
}

std::string optionNameList (std::span<const OptionSpec* const> rows)
{
    std::string list;
    for (const auto* row : rows)
    {
        if (!list.empty())
            list += ", ";
        if (!row->shortName.empty())
            list.append (row->shortName).append ("/");
        list.append (row->longName);
    }
    return list;
}

} // namespace partita
