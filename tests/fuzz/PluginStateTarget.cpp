// SPDX-License-Identifier: GPL-3.0-or-later
#include "FuzzTargets.h"
#include "processor/ParameterTable.h"
#include "state/PluginStateFormat.h"
#include "state/StateError.h"

#include <cmath>
#include <string>

namespace partita::fuzz
{
namespace
{
void checkRange (float value, const ParameterRange& range, const char* name)
{
    if (!(value >= range.minimum && value <= range.maximum))
        throw ContractViolation (std::string ("parameter ") + name
                                 + " came back out of range: " + std::to_string (value));
}

void checkOneLine (const std::string& message)
{
    if (message.empty() || message.find ('\n') != std::string::npos)
        throw ContractViolation ("a message is empty or not one line: " + message);
}
} // namespace

void checkPluginState (std::span<const std::uint8_t> bytes)
{
    try
    {
        const auto parsed = parseState (bytes, irReadLimits);
        const auto& p = parsed.state.parameters;
        checkRange (p.mixPercent, parameterRow ("mix").range, "mix");
        checkRange (p.wetGainDb, parameterRow ("wetGain").range, "wet gain");
        checkRange (p.outputGainDb, parameterRow ("outputGain").range, "output gain");
        checkRange (p.preDelayMs, parameterRow ("preDelay").range, "pre-delay");
        checkRange (p.lowCutHz, parameterRow ("lowCut").range, "low cut");
        checkRange (p.highCutHz, parameterRow ("highCut").range, "high cut");
        checkRange (p.widthPercent, parameterRow ("width").range, "width");
        checkRange (p.trimStartMs, parameterRow ("irStart").range, "trim start");
        checkRange (p.trimEndMs, parameterRow ("irEnd").range, "trim end");
        checkRange (p.stretchPercent, parameterRow ("stretch").range, "stretch");
        for (const auto& problem : parsed.problems)
            checkOneLine (problem);

        if (parsed.state.impulseResponse.has_value() && parsed.state.impulseResponse->audio != nullptr)
        {
            const auto& audio = *parsed.state.impulseResponse->audio;
            if (audio.numChannels() == 0 || audio.numChannels() > irReadLimits.maxChannels
                || audio.numFrames() > irReadLimits.maxFrames)
                throw ContractViolation ("the state's IR audio is outside the limits");
            if (!(audio.sampleRate >= irReadLimits.minSampleRate && audio.sampleRate <= irReadLimits.maxSampleRate))
                throw ContractViolation ("the state's IR rate is outside the limits: "
                                         + std::to_string (audio.sampleRate));
            for (const auto& channel : audio.channels)
            {
                if (channel.size() != audio.numFrames())
                    throw ContractViolation ("the state's IR has channels of different lengths");
                for (const double sample : channel)
                    if (!std::isfinite (sample))
                        throw ContractViolation ("the state's IR holds a non-finite sample");
            }
        }
    }
    catch (const StateError& error)
    {
        checkOneLine (error.what());
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
