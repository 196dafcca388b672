// SPDX-License-Identifier: GPL-3.0-or-later
// Control ports for the LV2 plugin, in front of JUCE's LV2 wrapper.
//
// Why: JUCE 7.0.5 publishes an LV2 plugin's parameters only as patch:writable
// properties. Ardour 7 creates controls for those but never lists them as
// automatable (only lv2:ControlPort inputs are), so in Ardour the plugin had
// no automatable parameter at all; jalv and other hosts that drive control
// ports could not set them either. A native LV2 entry point over the
// JUCE-free processor would lose the editor (JUCE's LV2 UI reaches the DSP
// through instance-access), so this file keeps JUCE's wrapper and adds what
// it lacks:
//
// - lv2_descriptor() is ours; JUCE's is compiled under another name
//   (Source/plugin/CMakeLists.txt) and everything else is forwarded to it,
//   with JUCE's own instance handle, so its state, UI and options
//   interfaces keep working unchanged.
// - One input control port per parameter, after JUCE's ports (its index is
//   jucePortCount + the parameter's index; its symbol is the parameter ID, so
//   sessions keep finding it). A port value the host changes reaches the
//   processor as the patch:Set message JUCE's wrapper already understands,
//   put in front of the host's own events in a copy of the input sequence.
// - Ports are edge-triggered: the values a host holds when it first runs the
//   plugin, or after it restores the plugin's state, are taken as they are
//   and not applied, so that stale port values (the editor and the state
//   change parameters without moving the host's ports) never override a
//   restored session. A change after that is applied at once.
// - The Turtle that JUCE writes at build time (its turtle_recall extension)
//   gets the ports appended, and the patch:writable/readable lists removed,
//   so that hosts show one control per parameter, not two.
//
// This file is the descriptor that hosts see; Lv2PortForwarder turns port
// changes into patch:Set messages, Lv2InstanceTable finds an instance's
// forwarder from JUCE's handle, Lv2Turtle rewrites the Turtle. They are
// compiled into the LV2 binary only (Source/plugin/CMakeLists.txt).
//
// Threading: instantiate, cleanup and the state calls on the host's
// non-real-time threads; connect_port and run on the audio thread, where
// nothing here allocates, locks or waits (an instance is found in a fixed
// table of atomics).
#include "Lv2Headers.h"
#include "Lv2InstanceTable.h"
#include "Lv2PortForwarder.h"
#include "Lv2Turtle.h"

#include <cstring>

extern "C" const LV2_Descriptor* partita_juce_lv2_descriptor (uint32_t index);

namespace partita::lv2
{
namespace
{
constexpr const char* turtleRecallUri = "https://lv2-extensions.juce.com/turtle_recall";

const LV2_Descriptor& juceDescriptor()
{
    return *partita_juce_lv2_descriptor (0);
}

InstanceTable& instances()
{
    return InstanceTable::instance();
}

const LV2_URID_Map* findUridMap (const LV2_Feature* const* features)
{
    for (auto* const* feature = features; feature != nullptr && *feature != nullptr; ++feature)
        if (std::strcmp ((*feature)->URI, LV2_URID__map) == 0)
            return static_cast<const LV2_URID_Map*> ((*feature)->data);
    return nullptr;
}

LV2_Handle instantiate (const LV2_Descriptor*, double rate, const char* bundle, const LV2_Feature* const* features)
{
    const auto* map = findUridMap (features);
    if (map == nullptr)
        return nullptr;
    auto* handle = juceDescriptor().instantiate (&juceDescriptor(), rate, bundle, features);
    if (handle == nullptr)
        return nullptr;

    auto forwarder = PortForwarder::create (handle, map);
    // Until the host connects its own: an empty sequence for JUCE to read.
    juceDescriptor().connect_port (handle, juceSequenceInputPort, forwarder->sequenceForJuce());

    if (!instances().add (forwarder.get()))
    {
        juceDescriptor().cleanup (handle);
        return nullptr;
    }
    forwarder.release(); // owned through the table until cleanup
    return handle;
}

void connectPort (LV2_Handle handle, uint32_t port, void* data)
{
    auto* forwarder = instances().find (handle);
    if (forwarder != nullptr && port >= jucePortCount && port < jucePortCount + numParameters)
    {
        forwarder->connectParameterPort (port - jucePortCount, static_cast<const float*> (data));
        return;
    }
    if (forwarder != nullptr && port == juceSequenceInputPort)
    {
        // JUCE reads our copy of the host's events, with the ports' changes added.
        forwarder->connectHostSequence (static_cast<const LV2_Atom_Sequence*> (data));
        return;
    }
    juceDescriptor().connect_port (handle, port, data);
}

void run (LV2_Handle handle, uint32_t numSamples)
{
    if (auto* forwarder = instances().find (handle); forwarder != nullptr)
        forwarder->writeSequence();
    juceDescriptor().run (handle, numSamples);
}

void cleanup (LV2_Handle handle)
{
    auto* forwarder = instances().find (handle);
    instances().remove (handle);
    juceDescriptor().cleanup (handle);
    delete forwarder;
}

// The state interface, so that a restore re-takes the ports' values -------------

const LV2_State_Interface* juceStateInterface()
{
    return static_cast<const LV2_State_Interface*> (juceDescriptor().extension_data (LV2_STATE__interface));
}

LV2_State_Status saveState (LV2_Handle handle, LV2_State_Store_Function store, LV2_State_Handle state, uint32_t flags,
                            const LV2_Feature* const* features)
{
    return juceStateInterface()->save (handle, store, state, flags, features);
}

LV2_State_Status restoreState (LV2_Handle handle, LV2_State_Retrieve_Function retrieve, LV2_State_Handle state,
                               uint32_t flags, const LV2_Feature* const* features)
{
    const auto status = juceStateInterface()->restore (handle, retrieve, state, flags, features);
    if (auto* forwarder = instances().find (handle); forwarder != nullptr)
        forwarder->rebaseline();
    return status;
}

// The Turtle: JUCE's, with the control ports ------------------------------------

int writeTurtle (const char* libraryPath)
{
    using RecallFunction = int (*) (const char*);
    const auto* juceRecall = static_cast<const RecallFunction*> (juceDescriptor().extension_data (turtleRecallUri));
    if (juceRecall == nullptr || *juceRecall == nullptr)
        return 1;
    if (const auto result = (*juceRecall) (libraryPath); result != 0)
        return result;
    return appendControlPortsToTurtle (libraryPath);
}

const void* extensionData (const char* uri)
{
    static const LV2_State_Interface stateInterface { saveState, restoreState };
    static const struct
    {
        int (*doRecall) (const char*);
    } recall { writeTurtle };

    if (std::strcmp (uri, LV2_STATE__interface) == 0)
        return juceStateInterface() != nullptr ? &stateInterface : nullptr;
    if (std::strcmp (uri, turtleRecallUri) == 0)
        return &recall;
    return juceDescriptor().extension_data (uri);
}
} // namespace
} // namespace partita::lv2

extern "C" LV2_SYMBOL_EXPORT const LV2_Descriptor* lv2_descriptor (uint32_t index)
{
    namespace lv2 = partita::lv2;
    if (index != 0)
        return nullptr;
    static const LV2_Descriptor descriptor {
        JucePlugin_LV2URI, lv2::instantiate,
        lv2::connectPort,  [] (LV2_Handle handle) { lv2::juceDescriptor().activate (handle); },
        lv2::run,          [] (LV2_Handle handle) { lv2::juceDescriptor().deactivate (handle); },
        lv2::cleanup,      lv2::extensionData,
    };
    return &descriptor;
}
