// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "processor/ParameterTable.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace partita
{

/** How the command line spells and reads the values of the plugin's
    parameters, from their rows alone (the plugin parses host text with JUCE,
    in plugin/ParameterLayout.cpp; this is the command line's JUCE-free
    counterpart, stricter: a value is one number and at most its unit).

    Threading: pure functions; any thread. */

/** The option name of a parameter ID, in kebab case: "preDelay" gives
    "pre-delay", "irStart" "ir-start". */
std::string kebabCase (std::string_view id);

/** A choice's name as typed on a command line: lower case, every run of
    other characters than letters and digits one '-': "Zero latency" gives
    "zero-latency", "B-format (FuMa)" "b-format-fuma". */
std::string commandLineSpelling (std::string_view choiceName);

/** The value's name in the help: MS, HZ, DB, PERCENT (VALUE without a unit). */
std::string_view unitValueName (ParameterUnit unit) noexcept;

/** The unit as written after a number: "ms", "Hz", "dB", "%" (empty: none). */
std::string_view unitSymbol (ParameterUnit unit) noexcept;

/** Whether the command line knows how to write and read `unit` (every unit
    of the parameter table must be known; a test checks it). */
bool isKnownUnit (ParameterUnit unit) noexcept;

/** A number as the help shows it: the shortest text that reads back as the
    same float ("20", "0.5", "4472.136"), with a '+' when `signed` and it is
    positive. */
std::string formatNumber (double value, bool withSign = false);

/** A value with its unit: "12.5 ms", "+6 dB", "100 %"; a switch "on"/"off",
    a choice its command-line spelling. */
std::string formatParameterValue (const ParameterDefinition& row, double value);

/** The range as the help and the errors say it: "0 to 500 ms", "-60 to +24
    dB", "on or off", "zero-latency or low-cpu". */
std::string rangeText (const ParameterDefinition& row);

/** The names a switch takes: on, off (documented) and their other spellings. */
const std::vector<std::string_view>& switchNames();

/** Reads a value of the parameter as typed on the command line, in the
    parameter's own unit (a switch 0 or 1, a choice its index):
    - continuous: a number, optionally followed by its unit, case ignored
      ("20ms", "0.5 s", "80Hz", "1.2kHz", "-6dB", "35%"); "off" for a cut
      whose end of range means off;
    - switch: on, off, yes, no, true, false, 1, 0;
    - choice: its command-line spelling or the plugin's name, case ignored.
    Throws std::invalid_argument with the end of a one-line message, to follow
    the option's name: "must lie between 0 and 500 ms, not '600'", "needs a
    time in ms, not 'soon'", "must be zero-latency or low-cpu, not 'x'". */
double parseParameterValue (const ParameterDefinition& row, std::string_view text);

} // namespace partita
