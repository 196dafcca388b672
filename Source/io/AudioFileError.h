// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>

namespace partita
{

/** A file could not be read or written. what() is one line meant for the user,
    naming the file and the reason. */
class AudioFileError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace partita
