// SPDX-License-Identifier: GPL-3.0-or-later
#include "Lv2PortForwarder.h"

#include <cmath>
#include <string>

namespace partita::lv2
{
namespace
{
/** Room for the host's events (JUCE asks for about 9 KiB) and ours. */
constexpr std::size_t sequenceCapacity = 1 << 16;

/** The URI JUCE's wrapper gives a parameter's patch property. */
std::string propertyUri (std::string_view id)
{
    return std::string (JucePlugin_LV2URI) + ":" + std::string (id);
}
} // namespace

std::unique_ptr<PortForwarder> PortForwarder::create (LV2_Handle juceHandle, const LV2_URID_Map* map)
{
    if (map == nullptr)
        return nullptr;
    std::unique_ptr<PortForwarder> forwarder (new PortForwarder());
    forwarder->juce = juceHandle;
    forwarder->sequence.assign (sequenceCapacity, 0);
    lv2_atom_forge_init (&forwarder->forge, const_cast<LV2_URID_Map*> (map));
    forwarder->patchSet = map->map (map->handle, LV2_PATCH__Set);
    forwarder->patchProperty = map->map (map->handle, LV2_PATCH__property);
    forwarder->patchValue = map->map (map->handle, LV2_PATCH__value);
    for (std::size_t i = 0; i < numParameters; ++i)
        forwarder->parameterUrids[i] = map->map (map->handle, propertyUri (parameterTable[i].id).c_str());
    return forwarder;
}

void PortForwarder::writeSequence() noexcept
{
    lv2_atom_forge_set_buffer (&forge, sequence.data(), sequence.size());
    LV2_Atom_Forge_Frame sequenceFrame;
    lv2_atom_forge_sequence_head (&forge, &sequenceFrame, 0);
    forwardPortChanges();
    copyHostEvents();
    lv2_atom_forge_pop (&forge, &sequenceFrame);
}

void PortForwarder::forwardPortChanges() noexcept
{
    const bool takeAsTheyAre = rebaselinePending.exchange (false, std::memory_order_acq_rel);
    for (std::size_t i = 0; i < numParameters; ++i)
    {
        if (ports[i] == nullptr)
            continue;
        const float value = *ports[i];
        if (takeAsTheyAre || !std::isfinite (value) || value == applied[i])
        {
            applied[i] = value;
            continue;
        }
        applied[i] = value;
        lv2_atom_forge_frame_time (&forge, 0);
        LV2_Atom_Forge_Frame objectFrame;
        lv2_atom_forge_object (&forge, &objectFrame, 0, patchSet);
        lv2_atom_forge_key (&forge, patchProperty);
        lv2_atom_forge_urid (&forge, parameterUrids[i]);
        lv2_atom_forge_key (&forge, patchValue);
        lv2_atom_forge_float (&forge, value);
        lv2_atom_forge_pop (&forge, &objectFrame);
    }
}

void PortForwarder::copyHostEvents() noexcept
{
    const auto* host = hostSequence;
    if (host == nullptr)
        return;
    for (const auto* event = lv2_atom_sequence_begin (&host->body);
         !lv2_atom_sequence_is_end (&host->body, host->atom.size, event); event = lv2_atom_sequence_next (event))
    {
        // The whole event or nothing: a time without its body would be read as an event.
        const auto bodySize = static_cast<uint32_t> (sizeof (LV2_Atom)) + event->body.size;
        if (forge.offset + sizeof (int64_t) + lv2_atom_pad_size (bodySize) > forge.size)
            break; // more than the capacity: the rest is dropped
        lv2_atom_forge_frame_time (&forge, event->time.frames);
        lv2_atom_forge_write (&forge, &event->body, bodySize);
    }
}

} // namespace partita::lv2
