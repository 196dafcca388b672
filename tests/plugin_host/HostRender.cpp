// SPDX-License-Identifier: GPL-3.0-or-later
//
// partita_host_render: renders an audio file through the BUILT VST3 or LV2
// binary with a saved Partita state, as a DAW bouncing offline would, so that
// the golden renders (scripts/golden-renders.sh) cover the plugin binaries
// and not only the processor they wrap.
//
//     partita_host_render vst3|lv2 PRESET INPUT OUTPUT
//
// Host blocks cycle through irregular sizes (1 to 2048); the output is the
// input's length plus one second, 32-bit float WAV. The LV2 run starts with a
// second of silence: JUCE 7.0.5's LV2 host brings its parameter values into
// line with a restored state over the first blocks.
#include "BuiltPlugin.h"
#include "HostStateWrapping.h"
#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"
#include "state/StateFile.h"

#include <juce_audio_processors/juce_audio_processors.h>

#include <array>
#include <cstdio>
#include <exception>
#include <string>

namespace
{
using partita::test::Format;

constexpr int largestBlock = 2048;
constexpr std::array blockSizes { 512, 37, 2048, 1, 300, 64, 1024, 129 };

void render (Format kind, const std::string& presetPath, const std::string& inputPath, const std::string& outputPath)
{
    const auto input = partita::readAudioFile (inputPath);
    const auto channels = static_cast<int> (input.channels.size());
    if (channels < 1 || channels > 2)
        throw std::runtime_error ("the input must be mono or stereo");

    auto hosted = partita::test::loadBuiltPlugin (kind, input.sampleRate, largestBlock);
    if (hosted.instance == nullptr)
        throw std::runtime_error ("the plugin did not load: " + hosted.error.toStdString());
    auto& instance = *hosted.instance;
    juce::AudioProcessor::BusesLayout layout;
    const auto set = channels == 1 ? juce::AudioChannelSet::mono() : juce::AudioChannelSet::stereo();
    layout.inputBuses.add (set);
    layout.outputBuses.add (set);
    if (!instance.setBusesLayout (layout))
        throw std::runtime_error ("the plugin refused the channel layout");

    const auto ours = partita::readStateFile (presetPath);
    instance.setNonRealtime (true);
    juce::MemoryBlock hostState;
    if (kind == Format::vst3)
    {
        hostState = partita::test::asVst3HostState (ours);
    }
    else
    {
        juce::MemoryBlock fresh;
        instance.getStateInformation (fresh);
        hostState = partita::test::withLv2PluginState (fresh, ours);
    }
    instance.setStateInformation (hostState.getData(), static_cast<int> (hostState.getSize()));
    instance.prepareToPlay (input.sampleRate, largestBlock);
    instance.setNonRealtime (true);
    partita::test::pumpMessages (300);

    const auto latency = static_cast<std::size_t> (std::max (instance.getLatencySamples(), 0));
    const auto warmUp = kind == Format::lv2 ? static_cast<std::size_t> (input.sampleRate) : std::size_t { 0 };
    const auto inputFrames = input.numFrames();
    const auto outputFrames = inputFrames + static_cast<std::size_t> (input.sampleRate);
    const auto total = warmUp + latency + outputFrames;

    partita::AudioClip output;
    output.sampleRate = input.sampleRate;
    output.channels.assign (input.channels.size(), std::vector<double> (outputFrames, 0.0));
    juce::AudioBuffer<float> buffer (channels, largestBlock);
    juce::MidiBuffer midi;
    std::size_t next = 0;
    for (std::size_t done = 0; done < total; ++next)
    {
        const auto count =
            std::min<std::size_t> (static_cast<std::size_t> (blockSizes[next % blockSizes.size()]), total - done);
        buffer.setSize (channels, static_cast<int> (count), false, false, true);
        for (int c = 0; c < channels; ++c)
            for (std::size_t n = 0; n < count; ++n)
            {
                const auto at = done + n;
                const auto inputAt = at >= warmUp ? at - warmUp : inputFrames;
                buffer.setSample (c, static_cast<int> (n),
                                  inputAt < inputFrames
                                      ? static_cast<float> (input.channels[static_cast<std::size_t> (c)][inputAt])
                                      : 0.0f);
            }
        instance.processBlock (buffer, midi);
        for (int c = 0; c < channels; ++c)
            for (std::size_t n = 0; n < count; ++n)
            {
                const auto at = done + n;
                if (at >= warmUp + latency && at - warmUp - latency < outputFrames)
                    output.channels[static_cast<std::size_t> (c)][at - warmUp - latency] =
                        buffer.getSample (c, static_cast<int> (n));
            }
        done += count;
    }
    instance.releaseResources();
    partita::writeAudioFile (outputPath, output,
                             partita::OutputFormat { partita::FileContainer::wav, partita::SampleFormat::float32 },
                             partita::OverwritePolicy::replace);
}
} // namespace

int main (int argc, char** argv)
{
    if (argc != 5 || (std::string (argv[1]) != "vst3" && std::string (argv[1]) != "lv2"))
    {
        std::fprintf (stderr, "usage: partita_host_render vst3|lv2 PRESET INPUT OUTPUT\n");
        return 2;
    }
    const juce::ScopedJuceInitialiser_GUI juce;
    try
    {
        render (std::string (argv[1]) == "vst3" ? Format::vst3 : Format::lv2, argv[2], argv[3], argv[4]);
    }
    catch (const std::exception& failure)
    {
        std::fprintf (stderr, "partita_host_render: %s\n", failure.what());
        return 1;
    }
    return 0;
}
