// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Lv2Headers.h"
#include "Lv2PortLayout.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace partita::lv2
{

/** What the control ports keep per plugin instance, beside JUCE's own: the
    hosts' parameter ports and the event sequence JUCE's wrapper reads, which
    is the host's sequence with a patch:Set in front for each port the host
    changed (the message JUCE already understands, so its wrapper needs no
    change).

    Edge-triggered: after a rebaseline (the first run, a state restore) the
    ports' values are taken as they are, so that stale values in the host
    never override a restored session.

    Threading: created and rebaselined off the audio thread; the port
    connections and writeSequence on the audio thread, where nothing here
    allocates, locks or waits. */
class PortForwarder final
{
public:
    /** Null without the URID map the patch messages need. */
    static std::unique_ptr<PortForwarder> create (LV2_Handle juceHandle, const LV2_URID_Map* map);

    [[nodiscard]] LV2_Handle juceHandle() const noexcept { return juce; }
    /** The sequence JUCE reads, to connect to JUCE's atom input port. */
    [[nodiscard]] void* sequenceForJuce() noexcept { return sequence.data(); }

    void connectParameterPort (std::size_t parameter, const float* port) noexcept { ports[parameter] = port; }
    void connectHostSequence (const LV2_Atom_Sequence* host) noexcept { hostSequence = host; }

    /** Take the ports' values as they are at the next run, not as changes. */
    void rebaseline() noexcept { rebaselinePending.store (true, std::memory_order_release); }

    /** Before JUCE's run: the ports' changes, then the host's events. */
    void writeSequence() noexcept;

private:
    PortForwarder() = default;

    void forwardPortChanges() noexcept;
    void copyHostEvents() noexcept;

    LV2_Handle juce = nullptr;
    std::array<const float*, numParameters> ports {};
    std::array<float, numParameters> applied {};
    std::atomic<bool> rebaselinePending { true };
    const LV2_Atom_Sequence* hostSequence = nullptr;
    std::vector<std::uint8_t> sequence;
    LV2_Atom_Forge forge {};
    LV2_URID patchSet = 0;
    LV2_URID patchProperty = 0;
    LV2_URID patchValue = 0;
    std::array<LV2_URID, numParameters> parameterUrids {};
};

} // namespace partita::lv2
