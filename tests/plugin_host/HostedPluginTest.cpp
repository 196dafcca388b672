// SPDX-License-Identifier: GPL-3.0-or-later
// The built VST3 and LV2 binaries, loaded the way a DAW loads them (JUCE's
// plugin hosting), given a session state, fed audio and compared with the
// JUCE-free processor and with `partita render --state` on the same input.
#include "BuiltPlugin.h"
#include "HostStateWrapping.h"
#include "ReferenceConvolution.h"
#include "TemporaryDirectory.h"
#include "TestSignals.h"
#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"
#include "processor/ConvolverProcessor.h"
#include "state/ContentHash.h"
#include "state/PluginStateFormat.h"
#include "state/RestoredImpulseResponse.h"
#include "state/StateFile.h"

#include <gtest/gtest.h>
#include <juce_audio_processors/juce_audio_processors.h>

#include <cmath>
#include <cstdlib>
#include <memory>

namespace partita
{
namespace
{
using test::asVst3HostState;
using test::Format;
using test::fromLv2HostState;
using test::fromVst3HostState;
using test::pumpMessages;
using test::withLv2PluginState;

constexpr double sessionRate = 48000.0;
constexpr int hostBlock = 512;
constexpr std::size_t inputLength = 48000;

/** A session as a user might save it: a stereo room at 44.1 kHz (24-bit,
    stored as FLAC in the state) and every kind of parameter off its default. */
PluginState exampleSession (LatencyMode latencyMode)
{
    PluginState state;
    auto& p = state.parameters;
    p.mixPercent = 60.0f;
    p.wetGainDb = -2.0f;
    p.outputGainDb = 1.0f;
    p.preDelayMs = 7.0f;
    p.lowCutHz = 80.0f;
    p.highCutHz = 12000.0f;
    p.widthPercent = 140.0f;
    p.trimStartMs = 1.0f;
    p.trimEndMs = 20.0f;
    p.stretchPercent = 110.0f;
    p.autoGain = true;
    p.latencyMode = latencyMode;

    AudioClip ir;
    ir.sampleRate = 44100.0;
    for (const std::uint32_t seed : { 1u, 2u })
    {
        const auto noise = test::decayingNoise (13230, seed);
        std::vector<double> channel;
        for (const auto sample : noise)
            channel.push_back (std::round (0.5 * static_cast<double> (sample) * 8388608.0) / 8388608.0);
        ir.channels.push_back (std::move (channel));
    }
    SavedImpulseResponse saved;
    saved.name = "room.wav";
    saved.originalPath = "/nonexistent/room.wav";
    saved.audio = std::make_shared<const AudioClip> (std::move (ir));
    saved.contentHash = contentHash (*saved.audio);
    state.impulseResponse = saved;
    return state;
}

std::vector<std::vector<float>> exampleInput()
{
    return { test::whiteNoise (inputLength, 11), test::whiteNoise (inputLength, 12) };
}

/** What the JUCE-free processor makes of the state: the plugin's DSP with
    no host in between. */
std::vector<std::vector<float>> processorOutput (const std::vector<std::uint8_t>& stateBytes)
{
    const auto parsed = parseState (stateBytes);
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (parsed.state.parameters);
    const auto restored = restoreImpulseResponse (*parsed.state.impulseResponse);
    EXPECT_NE (restored.audio, nullptr);
    processor.loadImpulseResponse (*restored.audio, restored.name);
    processor.prepare (sessionRate, hostBlock, 2, 2);

    auto channels = exampleInput();
    for (std::size_t start = 0; start < inputLength; start += hostBlock)
    {
        float* pointers[] = { channels[0].data() + start, channels[1].data() + start };
        processor.process (pointers, std::min<std::size_t> (hostBlock, inputLength - start));
    }
    return channels;
}

/** Loads a built binary as a DAW would, at the session's rate and block. */
test::HostedPlugin load (Format kind)
{
    return test::loadBuiltPlugin (kind, sessionRate, hostBlock);
}

void useStereo (juce::AudioPluginInstance& instance)
{
    juce::AudioProcessor::BusesLayout layout;
    layout.inputBuses.add (juce::AudioChannelSet::stereo());
    layout.outputBuses.add (juce::AudioChannelSet::stereo());
    EXPECT_TRUE (instance.setBusesLayout (layout));
}

/** Feeds `warmUp` samples of silence first, then the example input, whose
    output it returns. */
std::vector<std::vector<float>> renderHosted (juce::AudioPluginInstance& instance, std::size_t warmUp = 0)
{
    const auto input = exampleInput();
    std::vector<std::vector<float>> output (2, std::vector<float> (inputLength));
    juce::AudioBuffer<float> buffer (2, hostBlock);
    juce::MidiBuffer midi;
    for (std::size_t done = 0; done < warmUp; done += hostBlock)
    {
        buffer.setSize (2, static_cast<int> (std::min<std::size_t> (hostBlock, warmUp - done)), false, false, true);
        buffer.clear();
        instance.processBlock (buffer, midi);
    }
    for (std::size_t start = 0; start < inputLength; start += hostBlock)
    {
        const auto count = static_cast<int> (std::min<std::size_t> (hostBlock, inputLength - start));
        buffer.setSize (2, count, false, false, true);
        for (int c = 0; c < 2; ++c)
            buffer.copyFrom (c, 0, input[static_cast<std::size_t> (c)].data() + start, count);
        instance.processBlock (buffer, midi);
        for (int c = 0; c < 2; ++c)
            std::copy_n (buffer.getReadPointer (c), count,
                         output[static_cast<std::size_t> (c)].begin() + static_cast<std::ptrdiff_t> (start));
    }
    return output;
}

/** Largest difference relative to the reference's peak, in dB. */
double nullDb (const std::vector<std::vector<float>>& result, const std::vector<std::vector<float>>& reference)
{
    double worst = 0.0;
    double peak = 0.0;
    for (std::size_t c = 0; c < reference.size(); ++c)
        for (std::size_t n = 0; n < reference[c].size(); ++n)
        {
            peak = std::max (peak, std::abs (static_cast<double> (reference[c][n])));
            const auto r = c < result.size() && n < result[c].size() ? static_cast<double> (result[c][n]) : 0.0;
            worst = std::max (worst, std::abs (r - static_cast<double> (reference[c][n])));
        }
    if (worst == 0.0)
        return -400.0;
    return 20.0 * std::log10 (worst / peak);
}

void checkBinary (Format kind, const char* formatName)
{
    auto hosted = load (kind);
    ASSERT_NE (hosted.instance, nullptr) << formatName << " did not load: " << hosted.error;
    auto& instance = *hosted.instance;
    EXPECT_EQ (hosted.description->name, "Partita");
    EXPECT_EQ (hosted.description->manufacturerName, "Partita Audio");
    EXPECT_FALSE (hosted.description->isInstrument);
    EXPECT_EQ (instance.getName(), "Partita");

    useStereo (instance);
    const auto stateBytes = serialiseState (exampleSession (LatencyMode::zero));
    instance.setNonRealtime (true);
    juce::MemoryBlock hostState;
    if (kind == Format::vst3)
    {
        hostState = asVst3HostState (stateBytes);
    }
    else
    {
        juce::MemoryBlock fresh;
        instance.getStateInformation (fresh);
        hostState = withLv2PluginState (fresh, stateBytes);
        ASSERT_GT (hostState.getSize(), 0u) << "no plugin state in the LV2 host's state: " << fresh.toString();
    }
    instance.setStateInformation (hostState.getData(), static_cast<int> (hostState.getSize()));
    instance.prepareToPlay (sessionRate, hostBlock);
    // JUCE's LV2 host makes a new plugin instance in prepareToPlay, which
    // starts out real-time: say "offline" again, as a host bouncing would.
    // The new instance restores the IR in the background; a DAW would show
    // the session before play is pressed, so give it that moment.
    instance.setNonRealtime (true);
    pumpMessages (300);
    EXPECT_EQ (instance.getLatencySamples(), 0);

    // JUCE 7.0.5's LV2 host brings its own parameter values into line with
    // a restored state over the first blocks (about 0.3 s here): compare after
    // a second of silence, which leaves the DSP exactly as fresh.
    const std::size_t warmUp = kind == Format::lv2 ? 48000 : 0;
    const auto hostedOutput = renderHosted (instance, warmUp);
    const auto expected = processorOutput (stateBytes);
    const auto difference = nullDb (hostedOutput, expected);
    EXPECT_LT (difference, -120.0) << formatName;

    ::testing::Test::RecordProperty (std::string (formatName) + "_null_vs_processor_dB", std::to_string (difference));
    std::printf ("  %s binary vs the JUCE-free processor: %.1f dB re peak\n", formatName, difference);

    // The host's saved state holds ours, parameters intact.
    juce::MemoryBlock saved;
    instance.getStateInformation (saved);
    const auto ours = kind == Format::vst3 ? fromVst3HostState (saved) : fromLv2HostState (saved);
    const auto parsed = parseState (ours);
    EXPECT_NEAR (parsed.state.parameters.mixPercent, 60.0f, 1.0e-3f);
    ASSERT_TRUE (parsed.state.impulseResponse.has_value());
    ASSERT_NE (parsed.state.impulseResponse->audio, nullptr);
    EXPECT_EQ (contentHash (*parsed.state.impulseResponse->audio),
               contentHash (*exampleSession (LatencyMode::zero).impulseResponse->audio));
    instance.releaseResources();
}
} // namespace

TEST (HostedPlugin, TheVst3BinaryLoadsAndNullsAgainstTheProcessor)
{
    checkBinary (Format::vst3, "VST3");
}

TEST (HostedPlugin, TheLv2BinaryLoadsAndNullsAgainstTheProcessor)
{
    checkBinary (Format::lv2, "LV2");
}

TEST (HostedPlugin, TheVst3BinaryReportsTheLowCpuLatencyToTheHost)
{
    auto hosted = load (Format::vst3);
    ASSERT_NE (hosted.instance, nullptr) << hosted.error;
    useStereo (*hosted.instance);
    const auto state = asVst3HostState (serialiseState (exampleSession (LatencyMode::onePartition)));
    hosted.instance->setStateInformation (state.getData(), static_cast<int> (state.getSize()));
    hosted.instance->prepareToPlay (sessionRate, hostBlock);
    pumpMessages (100);
    EXPECT_EQ (hosted.instance->getLatencySamples(), static_cast<int> (ConvolverProcessor::lowCpuPartition));
    EXPECT_GT (hosted.instance->getTailLengthSeconds(), 0.3);
    hosted.instance->releaseResources();
}

TEST (HostedPlugin, TheCliRendersAStateToTheSameOutputAsTheVst3Binary)
{
    test::TemporaryDirectory directory;
    const auto stateBytes = serialiseState (exampleSession (LatencyMode::zero));
    writeStateFile (directory / "session.partita", stateBytes);

    AudioClip input;
    input.sampleRate = sessionRate;
    for (const auto& channel : exampleInput())
        input.channels.emplace_back (channel.begin(), channel.end());
    writeAudioFile (directory / "dry.wav", input, OutputFormat { FileContainer::wav, SampleFormat::float32 });

    juce::ChildProcess cli;
    const juce::StringArray command { PARTITA_CLI, "render",
                                      "--state",   (directory / "session.partita").string(),
                                      "--quiet",   (directory / "dry.wav").string(),
                                      "-o",        (directory / "wet.wav").string() };
    ASSERT_TRUE (cli.start (command));
    const auto cliOutput = cli.readAllProcessOutput();
    ASSERT_EQ (cli.getExitCode(), 0u) << cliOutput;
    const auto rendered = readAudioFile (directory / "wet.wav");

    auto hosted = load (Format::vst3);
    ASSERT_NE (hosted.instance, nullptr) << hosted.error;
    useStereo (*hosted.instance);
    hosted.instance->setNonRealtime (true);
    const auto state = asVst3HostState (stateBytes);
    hosted.instance->setStateInformation (state.getData(), static_cast<int> (state.getSize()));
    hosted.instance->prepareToPlay (sessionRate, hostBlock);
    const auto hostedOutput = renderHosted (*hosted.instance);

    // The CLI renders the tail too; compare the input's length.
    std::vector<std::vector<float>> cliChannels;
    for (const auto& channel : rendered.channels)
        cliChannels.emplace_back (
            channel.begin(), channel.begin() + static_cast<std::ptrdiff_t> (std::min (channel.size(), inputLength)));
    const auto difference = nullDb (cliChannels, hostedOutput);
    EXPECT_LT (difference, -120.0);
    ::testing::Test::RecordProperty ("cli_null_vs_vst3_dB", std::to_string (difference));
    std::printf ("  partita render --state vs the VST3 binary: %.1f dB re peak\n", difference);
}
} // namespace partita
