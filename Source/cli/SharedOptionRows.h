// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NamedChoices.h"
#include "OptionSpec.h"
#include "OptionValues.h"

#include <string_view>

namespace partita
{

/** The option rows that more than one command has (render and correlate
    both run the whole-signal engine and write a file): one spec each, so
    that their names, choices and help cannot drift apart. A command takes a
    row with the modes it is valid in; the row sets the member of the same
    name in the command's options struct. */

OptionSpec modeOptionSpec (OptionModes modes);
OptionSpec methodOptionSpec (OptionModes modes);
OptionSpec precisionOptionSpec (OptionModes modes);
OptionSpec sampleFormatOptionSpec (OptionModes modes);
OptionSpec forceOptionSpec (OptionModes modes);
/** Answered before parsing (see CommandLineParser): listed, never applied. */
OptionSpec helpOptionSpec();

template <typename Options>
Option<Options> modeOptionRow (OptionModes modes)
{
    return { modeOptionSpec (modes),
             [] (Options& o, const OptionSpec& s, std::string_view v) { o.mode = choiceValue (modeChoices, s, v); } };
}

template <typename Options>
Option<Options> methodOptionRow (OptionModes modes)
{
    return { methodOptionSpec (modes), [] (Options& o, const OptionSpec& s, std::string_view v)
             { o.method = choiceValue (methodChoices, s, v); } };
}

template <typename Options>
Option<Options> precisionOptionRow (OptionModes modes)
{
    return { precisionOptionSpec (modes), [] (Options& o, const OptionSpec& s, std::string_view v)
             { o.precision = choiceValue (precisionChoices, s, v); } };
}

template <typename Options>
Option<Options> sampleFormatOptionRow (OptionModes modes)
{
    return { sampleFormatOptionSpec (modes), [] (Options& o, const OptionSpec& s, std::string_view v)
             { o.sampleFormat = choiceValue (sampleFormatChoices, s, v); } };
}

template <typename Options>
Option<Options> forceOptionRow (OptionModes modes)
{
    return { forceOptionSpec (modes), [] (Options& o, const OptionSpec&, std::string_view) { o.force = true; } };
}

template <typename Options>
Option<Options> helpOptionRow()
{
    return { helpOptionSpec(), nullptr };
}

} // namespace partita
