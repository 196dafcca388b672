// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace partita::lv2
{

/** Rewrites the dsp.ttl that JUCE's turtle_recall just wrote next to the
    library: its patch:writable and patch:readable lists removed (hosts would
    show each parameter twice) and one control port appended per parameter,
    in the parameter table's order. Runs at build time, in JUCE's helper that
    loads the library; 0 on success, as turtle_recall answers. */
int appendControlPortsToTurtle (const char* libraryPath);

} // namespace partita::lv2
