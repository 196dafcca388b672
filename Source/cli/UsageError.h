// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>

namespace partita
{

/** The command line itself is wrong (unknown option, missing value, bad
    number, missing argument): exit status 2, as opposed to 1 for a file or
    runtime error. what() is one line for the user. */
class UsageError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace partita
