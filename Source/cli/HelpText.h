// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace partita
{

/** `partita --help`: the commands from the command table, with examples. */
std::string generalHelp();

/** What partita does, in a phrase: the help's and the man page's NAME line. */
std::string_view programPurpose();
/** The general help's examples, also the man page's. */
std::span<const std::string_view> generalExamples();
/** The exit statuses, one paragraph, for the help and the man page. */
std::string exitStatusText();

/** `partita render --help`: every option of the render table, and examples. */
std::string renderHelp();
/** The render command's paragraph in the general help. */
std::string renderSummary();

/** `partita info --help`. */
std::string infoHelp();
/** The info command's paragraph in the general help. */
std::string infoSummary();

/** `partita correlate --help`. */
std::string correlateHelp();
/** The correlate command's paragraph in the general help. */
std::string correlateSummary();

/** `partita --version`: name, version and licence. */
std::string versionText();

/** `partita sweep --help` and its paragraph in the general help (MeasureHelpText.cpp). */
std::string sweepHelp();
std::string sweepSummary();
/** `partita deconvolve --help` and its paragraph in the general help (MeasureHelpText.cpp). */
std::string deconvolveHelp();
std::string deconvolveSummary();

} // namespace partita
