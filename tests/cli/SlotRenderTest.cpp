// SPDX-License-Identifier: GPL-3.0-or-later
// The two IR slots from the command line: `render --state` of a state with
// slot B plays it bit for bit as the plugin's processor does, and `--ir-b`
// gives the same render from two files.
#include "CliRunner.h"
#include "TemporaryDirectory.h"
#include "TestSignals.h"
#include "cli/CommandLineParser.h"
#include "cli/StateRenderJob.h"
#include "cli/UsageError.h"
#include "io/AudioFileReader.h"
#include "processor/ConvolverProcessor.h"
#include "state/ContentHash.h"
#include "state/PluginStateFormat.h"
#include "state/StateFile.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace partita
{
namespace
{
constexpr double rate = 48000.0;

SavedImpulseResponse saved (const AudioClip& clip, const std::string& name)
{
    SavedImpulseResponse ir;
    ir.name = name;
    ir.audio = std::make_shared<const AudioClip> (clip);
    ir.contentHash = contentHash (clip);
    return ir;
}

ProcessorParameters slotParameters()
{
    ProcessorParameters parameters;
    parameters.autoGain = false;
    parameters.slotALevelDb = -1.5f;
    parameters.slotAPanPercent = -25.0f;
    parameters.slotBInvert = true;
    parameters.slotBDelayMs = 0.35f;
    parameters.slotBlendPercent = 40.0f;
    return parameters;
}

/** The plugin's processor, in synchronous mode, played in blocks of 300. */
std::vector<std::vector<double>> pluginOutput (const AudioClip& a, const AudioClip& b, const AudioClip& input,
                                               std::size_t frames)
{
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (slotParameters());
    processor.loadImpulseResponse (IrSlot::a, a, "a.wav");
    processor.loadImpulseResponse (IrSlot::b, b, "b.wav");
    processor.prepare (rate, 300, 2, 2);
    EXPECT_EQ (processor.latencySamples(), 0u);
    std::vector<std::vector<double>> output (2);
    std::vector<float> left (300);
    std::vector<float> right (300);
    for (std::size_t start = 0; start < frames; start += 300)
    {
        for (std::size_t n = 0; n < 300; ++n)
        {
            const auto at = start + n;
            left[n] = at < input.numFrames() ? static_cast<float> (input.channels[0][at]) : 0.0f;
            right[n] = at < input.numFrames() ? static_cast<float> (input.channels[1][at]) : 0.0f;
        }
        float* channels[2] = { left.data(), right.data() };
        processor.process (channels, 300);
        for (std::size_t n = 0; n < 300 && start + n < frames; ++n)
        {
            output[0].push_back (left[n]);
            output[1].push_back (right[n]);
        }
    }
    return output;
}

struct SlotFiles
{
    AudioClip a = test::makeClip ({ test::decayingNoise (1500, 1) }, rate);
    AudioClip b = test::makeClip ({ test::decayingNoise (1200, 2), test::decayingNoise (1200, 3) }, rate);
    AudioClip input = test::makeClip ({ test::whiteNoise (4000, 4), test::whiteNoise (4000, 5) }, rate);
};

TEST (SlotRender, AStateWithTwoSlotsRendersBitForBitAsThePluginsProcessor)
{
    const SlotFiles files;
    test::TemporaryDirectory directory;
    PluginState state;
    state.parameters = slotParameters();
    state.impulseResponse = saved (files.a, "a.wav");
    state.impulseResponseB = saved (files.b, "b.wav");
    writeStateFile (directory / "slots.partita", serialiseState (state));

    const StateRenderJob job (directory / "slots.partita");
    EXPECT_TRUE (job.warnings().empty());
    const auto rendered = job.render (files.input, std::nullopt);
    ASSERT_EQ (rendered.numChannels(), 2u);
    EXPECT_EQ (rendered.channels, pluginOutput (files.a, files.b, files.input, rendered.numFrames()));
}

TEST (SlotRender, IrBRendersTheSameAsAStateHoldingBothSlots)
{
    const SlotFiles files;
    test::TemporaryDirectory directory;
    test::writeFloatWav (directory / "a.wav", files.a);
    test::writeFloatWav (directory / "b.wav", files.b);
    test::writeFloatWav (directory / "in.wav", files.input);
    PluginState state;
    state.parameters = slotParameters();
    state.impulseResponse = saved (files.a, "a.wav");
    state.impulseResponseB = saved (files.b, "b.wav");
    writeStateFile (directory / "slots.partita", serialiseState (state));

    const auto fromFiles = test::runPartita (
        { "render", (directory / "in.wav").string(), "--ir", (directory / "a.wav").string(), "--ir-b",
          (directory / "b.wav").string(), "--slot-a-level", "-1.5", "--slot-a-pan", "-25", "--slot-b-invert", "on",
          "--slot-b-delay", "0.35", "--slot-blend", "40", "-o", (directory / "files.wav").string(), "--quiet" });
    ASSERT_EQ (fromFiles.exitStatus, 0) << fromFiles.err;
    const auto fromState = test::runPartita ({ "render", (directory / "in.wav").string(), "--state",
                                               (directory / "slots.partita").string(), "-o",
                                               (directory / "state.wav").string(), "--quiet" });
    ASSERT_EQ (fromState.exitStatus, 0) << fromState.err;
    EXPECT_EQ (test::readBytes (directory / "files.wav"), test::readBytes (directory / "state.wav"));
    const auto rendered = readAudioFile (directory / "files.wav");
    EXPECT_EQ (rendered.channels, pluginOutput (files.a, files.b, files.input, rendered.numFrames()));
}

TEST (SlotRenderOptions, IrBRunsThePluginsSignalPathAndRefusesTheExactRendersOptions)
{
    const auto command = parseCommandLine (
        std::vector<std::string> { "render", "in.wav", "--ir", "a.wav", "--ir-b", "b.wav", "-o", "out.wav" });
    EXPECT_EQ (command.render.impulseResponseB, "b.wav");
    try
    {
        (void)parseCommandLine (std::vector<std::string> { "render", "in.wav", "--ir", "a.wav", "--ir-b", "b.wav",
                                                           "--normalize", "-o", "out.wav" });
        FAIL() << "--normalize was accepted with --ir-b";
    }
    catch (const UsageError& error)
    {
        EXPECT_NE (std::string (error.what()).find ("cannot be combined with --ir-b"), std::string::npos)
            << error.what();
    }
}
} // namespace
} // namespace partita
