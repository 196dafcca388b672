// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>

namespace partita
{

/** A sweep or a recording that cannot be used for a measurement (a spec out
    of range, a recording at the wrong rate, too short, silent, clipped, or
    not of this sweep), with a one-line message meant for the user. */
class MeasurementError : public std::runtime_error
{
public:
    explicit MeasurementError (const std::string& message)
        : std::runtime_error (message)
    {
    }
};

} // namespace partita
