// SPDX-License-Identifier: GPL-3.0-or-later
#include "BuiltPlugin.h"

namespace juce
{
// JUCE's own message pump step (juce_events, Linux and Windows); the test host
// is built without modal loops, so runDispatchLoopUntil does not exist.
bool dispatchNextMessageOnSystemQueue (bool returnIfNoPendingMessages);
} // namespace juce

namespace partita::test
{

const char* nameOf (Format format)
{
    return format == Format::vst3 ? "VST3" : "LV2";
}

void PrintTo (Format format, std::ostream* stream)
{
    *stream << nameOf (format);
}

HostedPlugin loadBuiltPlugin (Format kind, double sampleRate, int blockSize)
{
    HostedPlugin hosted;
    juce::OwnedArray<juce::PluginDescription> found;
    if (kind == Format::vst3)
    {
        hosted.format = std::make_unique<juce::VST3PluginFormat>();
        hosted.format->findAllTypesForFile (found, PARTITA_VST3_BUNDLE);
    }
    else
    {
        hosted.format = std::make_unique<juce::LV2PluginFormat>();
        hosted.format->searchPathsForPlugins (juce::FileSearchPath (PARTITA_LV2_FOLDER), true, false);
        hosted.format->findAllTypesForFile (found, PARTITA_LV2_URI);
    }

    if (found.isEmpty())
    {
        hosted.error = "no plugin found";
        return hosted;
    }
    hosted.description = std::make_unique<juce::PluginDescription> (*found[0]);
    hosted.instance =
        hosted.format->createInstanceFromDescription (*hosted.description, sampleRate, blockSize, hosted.error);
    return hosted;
}

void pumpMessages (int milliseconds)
{
    const auto end = juce::Time::getMillisecondCounter() + static_cast<juce::uint32> (milliseconds);
    while (juce::Time::getMillisecondCounter() < end)
        if (!juce::dispatchNextMessageOnSystemQueue (true))
            juce::Thread::sleep (1);
}

} // namespace partita::test
