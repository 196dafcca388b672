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
// Threading: instantiate, cleanup and the state calls on the host's
// non-real-time threads; connect_port and run on the audio thread, where
// nothing here allocates, locks or waits (an instance is found in a fixed
// table of atomics).
#include "processor/ParameterTable.h"

#include <juce_audio_processors/juce_audio_processors.h>
// JUCE puts its own copy of the LV2 headers on the include path, not as
// system headers: their inline functions would fail the project's warnings.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wparentheses"
#include <lv2/atom/forge.h>
#include <lv2/atom/util.h>
#include <lv2/core/lv2.h>
#include <lv2/patch/patch.h>
#include <lv2/state/state.h>
#include <lv2/urid/urid.h>
#pragma GCC diagnostic pop

#include <array>
#include <atomic>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

extern "C" const LV2_Descriptor* partita_juce_lv2_descriptor (uint32_t index);
juce::AudioProcessor* JUCE_CALLTYPE createPluginFilter(); // PluginProcessor.cpp

namespace partita
{
namespace
{
/** JUCE's ports for Partita's stereo buses: 2 audio inputs, 2 outputs, the
    atom input and output, latency, free-wheeling and enabled. */
constexpr uint32_t juceAudioPorts = 4;
constexpr uint32_t juceSequenceInputPort = juceAudioPorts;
constexpr uint32_t jucePortCount = juceAudioPorts + 5;
constexpr std::size_t numParameters = parameterCount;
constexpr std::size_t maxInstances = 256;
/** Room for the host's events (JUCE asks for about 9 KiB) and ours. */
constexpr std::size_t sequenceCapacity = 1 << 16;
constexpr const char* turtleRecallUri = "https://lv2-extensions.juce.com/turtle_recall";

std::string propertyUri (std::string_view id)
{
    return std::string (JucePlugin_LV2URI) + ":" + std::string (id);
}

/** What this layer keeps per instance, beside JUCE's. */
struct Instance
{
    LV2_Handle juce = nullptr;
    std::array<const float*, numParameters> ports {};
    std::array<float, numParameters> applied {};
    /** Set on the non-real-time side: take the ports' values as they are at
        the next run instead of applying them. */
    std::atomic<bool> rebaseline { true };
    const LV2_Atom_Sequence* hostSequence = nullptr;
    std::vector<std::uint8_t> sequence;
    LV2_Atom_Forge forge {};
    LV2_URID patchSet = 0;
    LV2_URID patchProperty = 0;
    LV2_URID patchValue = 0;
    std::array<LV2_URID, numParameters> parameterUrids {};
};

/** Instances by JUCE's handle: written under a lock off the audio thread,
    read lock-free on it. A lookup compares handles only, and dereferences
    nothing but the caller's own instance (which LV2 never cleans up while it
    runs), so another instance's cleanup cannot pull memory from under it. */
class InstanceTable
{
public:
    bool add (Instance* instance)
    {
        const std::scoped_lock guard (lock);
        for (std::size_t i = 0; i < maxInstances; ++i)
        {
            if (handles[i].load (std::memory_order_relaxed) == nullptr)
            {
                instances[i].store (instance, std::memory_order_relaxed);
                handles[i].store (instance->juce, std::memory_order_release);
                return true;
            }
        }
        return false;
    }

    Instance* find (LV2_Handle juce) const noexcept
    {
        for (std::size_t i = 0; i < maxInstances; ++i)
            if (handles[i].load (std::memory_order_acquire) == juce)
                return instances[i].load (std::memory_order_relaxed);
        return nullptr;
    }

    void remove (LV2_Handle juce)
    {
        const std::scoped_lock guard (lock);
        for (std::size_t i = 0; i < maxInstances; ++i)
            if (handles[i].load (std::memory_order_relaxed) == juce)
                handles[i].store (nullptr, std::memory_order_release);
    }

private:
    std::mutex lock;
    std::array<std::atomic<LV2_Handle>, maxInstances> handles {};
    std::array<std::atomic<Instance*>, maxInstances> instances {};
};

InstanceTable& instances()
{
    static InstanceTable table;
    return table;
}

const LV2_Descriptor& juceDescriptor()
{
    return *partita_juce_lv2_descriptor (0);
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

    auto instance = std::make_unique<Instance>();
    instance->juce = handle;
    instance->sequence.assign (sequenceCapacity, 0);
    lv2_atom_forge_init (&instance->forge, const_cast<LV2_URID_Map*> (map));
    instance->patchSet = map->map (map->handle, LV2_PATCH__Set);
    instance->patchProperty = map->map (map->handle, LV2_PATCH__property);
    instance->patchValue = map->map (map->handle, LV2_PATCH__value);
    for (std::size_t i = 0; i < numParameters; ++i)
        instance->parameterUrids[i] = map->map (map->handle, propertyUri (parameterTable[i].id).c_str());
    // Until the host connects its own: an empty sequence for JUCE to read.
    juceDescriptor().connect_port (handle, juceSequenceInputPort, instance->sequence.data());

    if (!instances().add (instance.get()))
    {
        juceDescriptor().cleanup (handle);
        return nullptr;
    }
    instance.release();
    return handle;
}

void connectPort (LV2_Handle handle, uint32_t port, void* data)
{
    auto* instance = instances().find (handle);
    if (instance != nullptr && port >= jucePortCount && port < jucePortCount + numParameters)
    {
        instance->ports[port - jucePortCount] = static_cast<const float*> (data);
        return;
    }
    if (instance != nullptr && port == juceSequenceInputPort)
    {
        // JUCE reads our copy of the host's events, with the ports' changes added.
        instance->hostSequence = static_cast<const LV2_Atom_Sequence*> (data);
        return;
    }
    juceDescriptor().connect_port (handle, port, data);
}

/** The host's events after a patch:Set for each port that changed, written
    into the instance's own sequence. */
void prepareSequence (Instance& instance) noexcept
{
    auto& forge = instance.forge;
    lv2_atom_forge_set_buffer (&forge, instance.sequence.data(), instance.sequence.size());
    LV2_Atom_Forge_Frame sequenceFrame;
    lv2_atom_forge_sequence_head (&forge, &sequenceFrame, 0);

    const bool rebaseline = instance.rebaseline.exchange (false, std::memory_order_acq_rel);
    for (std::size_t i = 0; i < numParameters; ++i)
    {
        if (instance.ports[i] == nullptr)
            continue;
        const float value = *instance.ports[i];
        if (rebaseline || !std::isfinite (value) || value == instance.applied[i])
        {
            instance.applied[i] = value;
            continue;
        }
        instance.applied[i] = value;
        lv2_atom_forge_frame_time (&forge, 0);
        LV2_Atom_Forge_Frame objectFrame;
        lv2_atom_forge_object (&forge, &objectFrame, 0, instance.patchSet);
        lv2_atom_forge_key (&forge, instance.patchProperty);
        lv2_atom_forge_urid (&forge, instance.parameterUrids[i]);
        lv2_atom_forge_key (&forge, instance.patchValue);
        lv2_atom_forge_float (&forge, value);
        lv2_atom_forge_pop (&forge, &objectFrame);
    }

    if (const auto* host = instance.hostSequence; host != nullptr)
    {
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
    lv2_atom_forge_pop (&forge, &sequenceFrame);
}

void run (LV2_Handle handle, uint32_t numSamples)
{
    if (auto* instance = instances().find (handle); instance != nullptr)
        prepareSequence (*instance);
    juceDescriptor().run (handle, numSamples);
}

void cleanup (LV2_Handle handle)
{
    auto* instance = instances().find (handle);
    instances().remove (handle);
    juceDescriptor().cleanup (handle);
    delete instance;
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
    if (auto* instance = instances().find (handle); instance != nullptr)
        instance->rebaseline.store (true, std::memory_order_release);
    return status;
}

// The Turtle: JUCE's, with the control ports ------------------------------------

std::string number (float value)
{
    std::ostringstream text;
    text.imbue (std::locale::classic());
    text.precision (9);
    text << value;
    auto result = text.str();
    if (result.find_first_of (".eE") == std::string::npos)
        result += ".0";
    return result;
}

std::string portTurtle (const juce::AudioProcessor& processor)
{
    std::ostringstream ttl;
    ttl << "\n<" JucePlugin_LV2URI ">\n\tlv2:port";
    const auto& parameters = processor.getParameters();
    for (int i = 0; i < parameters.size(); ++i)
    {
        const auto* parameter = dynamic_cast<const juce::RangedAudioParameter*> (parameters[i]);
        if (parameter == nullptr)
            continue;
        const auto& range = parameter->getNormalisableRange();
        ttl << (i == 0 ? " [\n" : " , [\n") << "\t\ta lv2:InputPort , lv2:ControlPort ;\n"
            << "\t\tlv2:index " << jucePortCount + static_cast<uint32_t> (i) << " ;\n"
            << "\t\tlv2:symbol \"" << parameter->getParameterID() << "\" ;\n"
            << "\t\tlv2:name \"" << parameter->getName (1024) << "\" ;\n"
            << "\t\tlv2:default " << number (parameter->convertFrom0to1 (parameter->getDefaultValue())) << " ;\n"
            << "\t\tlv2:minimum " << number (range.start) << " ;\n"
            << "\t\tlv2:maximum " << number (range.end);
        if (parameter->isDiscrete())
        {
            // Switches too: named steps read and parse alike in every host.
            ttl << " ;\n\t\tlv2:portProperty lv2:integer , lv2:enumeration"
                << (parameter->isBoolean() ? " , lv2:toggled" : "") << " ;\n\t\tlv2:scalePoint ";
            for (int step = 0; step < parameter->getNumSteps(); ++step)
            {
                const auto value = range.start + static_cast<float> (step);
                ttl << (step == 0 ? "[ " : " , [ ") << "rdfs:label \""
                    << parameter->getText (parameter->convertTo0to1 (value), 1024) << "\" ; rdf:value "
                    << number (value) << " ]";
            }
        }
        else if (parameter->getLabel() == "Hz")
        {
            ttl << " ;\n\t\tlv2:portProperty pprop:logarithmic";
        }
        ttl << " ;\n\t]";
    }
    ttl << " .\n";
    return ttl.str();
}

/** JUCE's dsp.ttl without its patch:writable and patch:readable lists. */
std::string withoutPatchProperties (const std::string& turtle)
{
    std::istringstream lines (turtle);
    std::string result;
    std::string line;
    bool skipping = false;
    while (std::getline (lines, line))
    {
        if (!skipping && (line == "\tpatch:writable" || line == "\tpatch:readable"))
            skipping = true;
        if (!skipping)
            result += line + "\n";
        else if (line.size() >= 2 && line.compare (line.size() - 2, 2, " ;") == 0)
            skipping = false;
    }
    return result;
}

int writeTurtle (const char* libraryPath)
{
    using RecallFunction = int (*) (const char*);
    const auto* juceRecall = static_cast<const RecallFunction*> (juceDescriptor().extension_data (turtleRecallUri));
    if (juceRecall == nullptr || *juceRecall == nullptr)
        return 1;
    if (const auto result = (*juceRecall) (libraryPath); result != 0)
        return result;

    const juce::ScopedJuceInitialiser_GUI juce;
    const std::unique_ptr<juce::AudioProcessor> processor (createPluginFilter());
    const auto& parameters = processor->getParameters();
    if (static_cast<std::size_t> (parameters.size()) != numParameters)
        return 1;
    for (std::size_t i = 0; i < numParameters; ++i)
    {
        const auto* parameter =
            dynamic_cast<const juce::AudioProcessorParameterWithID*> (parameters[static_cast<int> (i)]);
        if (parameter == nullptr || parameter->getParameterID().toStdString() != parameterTable[i].id)
            return 1; // the ports' order must be the table's
    }

    const auto dspPath = juce::File (juce::String::fromUTF8 (libraryPath)).getSiblingFile ("dsp.ttl");
    const auto original = dspPath.loadFileAsString().toStdString();
    std::ofstream out (dspPath.getFullPathName().toStdString(), std::ios::trunc);
    out << withoutPatchProperties (original) << portTurtle (*processor);
    return out.good() ? 0 : 1;
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
} // namespace partita

extern "C" LV2_SYMBOL_EXPORT const LV2_Descriptor* lv2_descriptor (uint32_t index)
{
    if (index != 0)
        return nullptr;
    static const LV2_Descriptor descriptor {
        JucePlugin_LV2URI,    partita::instantiate,
        partita::connectPort, [] (LV2_Handle handle) { partita::juceDescriptor().activate (handle); },
        partita::run,         [] (LV2_Handle handle) { partita::juceDescriptor().deactivate (handle); },
        partita::cleanup,     partita::extensionData,
    };
    return &descriptor;
}
