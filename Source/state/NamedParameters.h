// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "processor/ProcessorParameters.h"

#include <string_view>
#include <vector>

namespace partita
{

/** One parameter as a saved state holds it: a stable ID (the parameter table's) and
    the value in the parameter's own unit (percent, dB, ms, Hz; 0 or 1 for a
    switch; the index of the latency mode: 0 zero latency, 1 low CPU). */
struct NamedParameterValue
{
    std::string_view id;
    double value = 0.0;
};

/** Every parameter, in the order of the parameter table. */
std::vector<NamedParameterValue> toNamedValues (const ProcessorParameters& parameters);

/** Sets the parameter `id` from a saved value, clamped to its range (NaN
    becomes the default). Returns false, changing nothing, for an ID this
    version does not know (a state from a newer version). */
bool applyNamedValue (ProcessorParameters& parameters, std::string_view id, double value) noexcept;

} // namespace partita
