// SPDX-License-Identifier: GPL-3.0-or-later
#include "PreDelayTime.h"

#include "NoteValue.h"
#include "ParameterTable.h"
#include "ir/IrTrim.h"

#include <algorithm>
#include <cmath>

namespace partita
{

namespace
{
std::size_t noteSamples (NoteValue note, double usableBeatsPerMinute, double sampleRate) noexcept
{
    // One division of exact products: a whole-number tempo and rate give
    // the correctly rounded quotient, so an exact half always rounds up.
    const auto length = lengthOf (note);
    return static_cast<std::size_t> (
        std::llround ((length.numerator * 60.0 * sampleRate) / (length.denominator * usableBeatsPerMinute)));
}
} // namespace

double PreDelayTime::usableTempo (double beatsPerMinute) noexcept
{
    if (!std::isfinite (beatsPerMinute) || beatsPerMinute <= 0.0)
        return defaultTempo;
    return std::clamp (beatsPerMinute, minimumTempo, maximumTempo);
}

std::size_t PreDelayTime::samples (const ProcessorParameters& parameters, double beatsPerMinute,
                                   double sampleRate) noexcept
{
    if (parameters.preDelaySync == PreDelaySync::tempo)
        return noteSamples (parameters.preDelayNote, usableTempo (beatsPerMinute), sampleRate);
    return millisecondsToFrames (static_cast<double> (parameters.preDelayMs), sampleRate);
}

double PreDelayTime::milliseconds (const ProcessorParameters& parameters, double beatsPerMinute) noexcept
{
    if (parameters.preDelaySync == PreDelaySync::tempo)
        return beatsOf (parameters.preDelayNote) * 60000.0 / usableTempo (beatsPerMinute);
    return static_cast<double> (parameters.preDelayMs);
}

std::size_t PreDelayTime::longestSamples (double sampleRate) noexcept
{
    const auto longestTime =
        millisecondsToFrames (static_cast<double> (parameterRow ("preDelay").range.maximum), sampleRate);
    return std::max (longestTime, noteSamples (longestNoteValue, minimumTempo, sampleRate));
}

} // namespace partita
