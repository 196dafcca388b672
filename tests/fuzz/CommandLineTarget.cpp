// SPDX-License-Identifier: GPL-3.0-or-later
#include "FuzzTargets.h"

#include "cli/CommandLineParser.h"
#include "cli/UsageError.h"
#include "processor/ParameterTable.h"

#include <cmath>
#include <string>
#include <vector>

namespace partita::fuzz
{

void checkCommandLine (std::span<const std::uint8_t> bytes)
{
    std::vector<std::string> arguments (1);
    for (const auto byte : bytes)
    {
        if (byte == 0)
            arguments.emplace_back();
        else
            arguments.back().push_back (static_cast<char> (byte));
    }
    if (bytes.empty())
        arguments.clear();

    try
    {
        const auto parsed = parseCommandLine (arguments);
        if (parsed.kind == CommandKind::render)
        {
            const auto& render = parsed.render;
            // The IR comes from --ir or from a plugin state (--state), never both.
            if (render.inputs.empty() || render.impulseResponse.empty() == render.state.empty())
                throw ContractViolation ("a render without an input, or without exactly one of --ir and --state, "
                                         "was accepted");
            if (! (render.mix >= 0.0 && render.mix <= 1.0))
                throw ContractViolation ("a mix outside 0..1 was accepted");
            for (const double gain : { render.wetGainDb, render.dryGainDb, render.outputGainDb })
                if (! std::isfinite (gain))
                    throw ContractViolation ("a non-finite gain was accepted");
            // A plugin control is refused outside its row's range, never clamped.
            for (const auto& setting : render.parameterSettings)
            {
                const auto* row = findParameter (setting.id);
                if (row == nullptr || ! (setting.value >= static_cast<double> (row->range.minimum)
                                         && setting.value <= static_cast<double> (row->range.maximum)))
                    throw ContractViolation ("a plugin control outside its range was accepted");
            }
        }
    }
    catch (const UsageError& error)
    {
        const std::string message = error.what();
        if (message.empty() || message.find ('\n') != std::string::npos)
            throw ContractViolation ("a usage error is empty or not one line: " + message);
    }
    catch (const ContractViolation&)
    {
        throw;
    }
    catch (const std::exception& error)
    {
        throw ContractViolation (std::string ("unexpected exception: ") + error.what());
    }
}

} // namespace partita::fuzz
