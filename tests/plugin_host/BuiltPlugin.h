// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <juce_audio_processors/juce_audio_processors.h>

#include <memory>
#include <ostream>

namespace partita::test
{

/** The plugin binaries the build makes, as a host sees them. */
enum class Format
{
    vst3,
    lv2,
};

const char* nameOf (Format format);

/** For GoogleTest's messages and ctest's test names. */
void PrintTo (Format format, std::ostream* stream);

struct HostedPlugin
{
    std::unique_ptr<juce::AudioPluginFormat> format;
    std::unique_ptr<juce::PluginDescription> description;
    std::unique_ptr<juce::AudioPluginInstance> instance;
    juce::String error;
};

/** Loads the built VST3 bundle or LV2 plugin as a DAW would (JUCE's plugin
    hosting); instance is null, and error says why, when the binary does not
    load (missing symbols, a wrong bundle layout, a wrong URI). */
HostedPlugin loadBuiltPlugin (Format kind, double sampleRate, int blockSize);

/** Runs the message loop for a while: the VST3 wrapper tells the host of a
    new latency through an asynchronous restartComponent, and the editor
    paints from it. */
void pumpMessages (int milliseconds);

} // namespace partita::test
