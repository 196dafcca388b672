// SPDX-License-Identifier: GPL-3.0-or-later
#include "Lv2Turtle.h"

#include "Lv2PortLayout.h"

#include <juce_audio_processors/juce_audio_processors.h>

#include <fstream>
#include <locale>
#include <memory>
#include <sstream>
#include <string>

juce::AudioProcessor* JUCE_CALLTYPE createPluginFilter(); // PluginProcessor.cpp

namespace partita::lv2
{
namespace
{
/** A Turtle decimal: locale-free, and always with a point (an integer
    literal would be typed xsd:integer). */
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

void writeScalePoints (std::ostringstream& ttl, const juce::RangedAudioParameter& parameter)
{
    // Switches too: named steps read and parse alike in every host.
    const auto& range = parameter.getNormalisableRange();
    ttl << " ;\n\t\tlv2:portProperty lv2:integer , lv2:enumeration" << (parameter.isBoolean() ? " , lv2:toggled" : "")
        << " ;\n\t\tlv2:scalePoint ";
    for (int step = 0; step < parameter.getNumSteps(); ++step)
    {
        const auto value = range.start + static_cast<float> (step);
        ttl << (step == 0 ? "[ " : " , [ ") << "rdfs:label \""
            << parameter.getText (parameter.convertTo0to1 (value), 1024) << "\" ; rdf:value " << number (value) << " ]";
    }
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
            writeScalePoints (ttl, *parameter);
        else if (parameter->getLabel() == "Hz")
            ttl << " ;\n\t\tlv2:portProperty pprop:logarithmic";
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

/** The ports' indices are the table's: the processor's parameters must be
    in its order. */
bool parametersFollowTheTable (const juce::AudioProcessor& processor)
{
    const auto& parameters = processor.getParameters();
    if (static_cast<std::size_t> (parameters.size()) != numParameters)
        return false;
    for (std::size_t i = 0; i < numParameters; ++i)
    {
        const auto* parameter =
            dynamic_cast<const juce::AudioProcessorParameterWithID*> (parameters[static_cast<int> (i)]);
        if (parameter == nullptr || parameter->getParameterID().toStdString() != parameterTable[i].id)
            return false;
    }
    return true;
}
} // namespace

int appendControlPortsToTurtle (const char* libraryPath)
{
    const juce::ScopedJuceInitialiser_GUI juce;
    const std::unique_ptr<juce::AudioProcessor> processor (createPluginFilter());
    if (!parametersFollowTheTable (*processor))
        return 1;

    const auto dspPath = juce::File (juce::String::fromUTF8 (libraryPath)).getSiblingFile ("dsp.ttl");
    const auto original = dspPath.loadFileAsString().toStdString();
    std::ofstream out (dspPath.getFullPathName().toStdString(), std::ios::trunc);
    out << withoutPatchProperties (original) << portTurtle (*processor);
    return out.good() ? 0 : 1;
}

} // namespace partita::lv2
