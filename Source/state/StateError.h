// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>

namespace partita
{

/** A saved plugin state (or preset file) that cannot be used at all: not a
    Partita state, or cut off before anything usable. what() is one line meant
    for the user. Damage to parts of a state is not an error: the parser keeps
    what it can and lists the rest as problems. */
class StateError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace partita
