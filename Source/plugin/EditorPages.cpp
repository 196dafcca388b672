// SPDX-License-Identifier: GPL-3.0-or-later
#include "EditorPages.h"

namespace partita
{

juce::String EditorPages::title (EditorSection section)
{
    switch (section)
    {
        case EditorSection::impulseResponse:
            return "IR";
        case EditorSection::envelope:
            return "Envelope";
        case EditorSection::equaliser:
            return "EQ";
        case EditorSection::slots:
            return "Slots";
        case EditorSection::output:
            return "Output";
        case EditorSection::analysis:
            return "Analysis";
    }
    return {};
}

juce::String EditorPages::description (EditorSection section)
{
    switch (section)
    {
        case EditorSection::impulseResponse:
            return "The IR itself: trim, stretch, reverse, gain, layout and latency";
        case EditorSection::envelope:
            return "The IR's envelope: attack, reverb time, damping, early and late levels";
        case EditorSection::equaliser:
            return "The equaliser and the cut filters on the wet signal";
        case EditorSection::slots:
            return "The two IR slots: level, polarity, delay and pan of each, and their blend";
        case EditorSection::output:
            return "The signal path: pre-delay, width, wet gain, mix and output gain";
        case EditorSection::analysis:
            return "The playing IR analysed as ISO 3382-1 asks: decay curves and T30, EDT, C80, D50 per octave band";
    }
    return {};
}

juce::String EditorPages::key (EditorSection section)
{
    switch (section)
    {
        case EditorSection::impulseResponse:
            return "ir";
        case EditorSection::envelope:
            return "envelope";
        case EditorSection::equaliser:
            return "eq";
        case EditorSection::slots:
            return "slots";
        case EditorSection::output:
            return "output";
        case EditorSection::analysis:
            return "analysis";
    }
    return {};
}

std::optional<EditorSection> EditorPages::fromKey (const juce::String& text)
{
    const auto wanted = text.trim().toLowerCase();
    if (wanted == "equaliser" || wanted == "equalizer")
        return EditorSection::equaliser;
    for (const auto section : { EditorSection::impulseResponse, EditorSection::envelope, EditorSection::equaliser,
                                EditorSection::slots, EditorSection::output, EditorSection::analysis })
        if (key (section) == wanted)
            return section;
    return std::nullopt;
}

} // namespace partita
