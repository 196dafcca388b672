// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>

namespace partita
{

/** An impulse response that cannot be analysed (empty, silent, not finite,
    too short); what() is one line for the user. */
class RoomAnalysisError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace partita
