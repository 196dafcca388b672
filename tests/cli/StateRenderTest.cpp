// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReferenceConvolution.h"
#include "TemporaryDirectory.h"
#include "TestSignals.h"
#include "cli/CommandLineParser.h"
#include "cli/StateRenderJob.h"
#include "cli/UsageError.h"
#include "io/Resampler.h"
#include "state/ContentHash.h"
#include "state/PluginStateFormat.h"
#include "state/StateError.h"
#include "state/StateFile.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace partita
{
namespace
{
ParsedCommand parse (std::vector<std::string> arguments)
{
    return parseCommandLine (arguments);
}

/** A state whose wet path is the plain convolution with `ir`. */
std::vector<std::uint8_t> neutralState (const AudioClip& ir, LatencyMode latencyMode = LatencyMode::zero)
{
    PluginState state;
    state.parameters.autoGain = false;
    state.parameters.latencyMode = latencyMode;
    SavedImpulseResponse saved;
    saved.name = "ir.wav";
    saved.audio = std::make_shared<const AudioClip> (ir);
    saved.contentHash = contentHash (ir);
    state.impulseResponse = saved;
    return serialiseState (state);
}

AudioClip clipOf (const std::vector<std::vector<float>>& channels, double rate)
{
    AudioClip clip;
    clip.sampleRate = rate;
    for (const auto& channel : channels)
        clip.channels.emplace_back (channel.begin(), channel.end());
    return clip;
}
} // namespace

TEST (StateRenderOptions, StateTakesThePlaceOfTheIrAndTheExactRendersOptions)
{
    const auto command = parse ({ "render", "in.wav", "--state", "vocal.partita", "-o", "out.wav", "--format", "24" });
    EXPECT_EQ (command.render.state, "vocal.partita");
    EXPECT_TRUE (command.render.impulseResponse.empty());

    for (const auto& extra : std::vector<std::vector<std::string>> {
             { "--ir", "x.wav" }, { "--dry-gain", "-3" }, { "--normalize" }, { "--mode", "same" } })
    {
        std::vector<std::string> arguments { "render", "in.wav", "--state", "s.partita", "-o", "o.wav" };
        arguments.insert (arguments.end(), extra.begin(), extra.end());
        try
        {
            (void)parse (arguments);
            FAIL() << extra.front() << " was accepted with --state";
        }
        catch (const UsageError& error)
        {
            EXPECT_NE (std::string (error.what()).find ("cannot be combined with --state"), std::string::npos)
                << error.what();
        }
    }
}

TEST (StateRenderJob, RendersTheStatesIrLikeTheReferenceConvolutionWithTheWholeTail)
{
    test::TemporaryDirectory directory;
    const auto ir = clipOf ({ test::decayingNoise (3000, 1), test::decayingNoise (3000, 2) }, 44100.0);
    writeStateFile (directory / "s.partita", neutralState (ir));

    const auto input = clipOf ({ test::whiteNoise (5000, 3), test::whiteNoise (5000, 4) }, 48000.0);
    const auto output = StateRenderJob (directory / "s.partita").render (input, std::nullopt);

    ASSERT_EQ (output.numChannels(), 2u);
    for (std::size_t c = 0; c < 2; ++c)
    {
        // The IR chain resamples with partita::resample (libsoxr), scales by the
        // rates' ratio (the IR keeps its frequency response), then convolves in float.
        const auto resampled = resample (ir.channels[c], 44100.0, 48000.0);
        std::vector<float> h;
        for (const auto sample : resampled)
            h.push_back (static_cast<float> (sample * (44100.0 / 48000.0)));
        const std::vector<float> x (input.channels[c].begin(), input.channels[c].end());
        const auto reference = test::referenceConvolution<float> (x, h);
        EXPECT_EQ (output.numFrames(), reference.size());
        EXPECT_LT (test::maxErrorDb (std::span<const double> (output.channels[c]), std::span<const double> (reference)),
                   -110.0);
    }
}

TEST (StateRenderJob, RemovesTheLowCpuLatencySoBothModesGiveTheSameOutput)
{
    test::TemporaryDirectory directory;
    const auto ir = clipOf ({ test::decayingNoise (2000, 5) }, 48000.0);
    writeStateFile (directory / "zero.partita", neutralState (ir, LatencyMode::zero));
    writeStateFile (directory / "low.partita", neutralState (ir, LatencyMode::onePartition));
    const auto input = clipOf ({ test::whiteNoise (7000, 6) }, 48000.0);

    const auto zero = StateRenderJob (directory / "zero.partita").render (input, 1);
    const auto low = StateRenderJob (directory / "low.partita").render (input, 1);
    ASSERT_EQ (zero.numFrames(), low.numFrames());
    EXPECT_LT (test::maxErrorDb (std::span<const double> (low.channels[0]), std::span<const double> (zero.channels[0])),
               -110.0);
}

TEST (StateRenderJob, RefusesAFileThatIsNotAStateAndInputsThePluginCannotTake)
{
    test::TemporaryDirectory directory;
    writeStateFile (directory / "bad.partita", std::vector<std::uint8_t> { 'n', 'o', 'p', 'e' });
    try
    {
        StateRenderJob job (directory / "bad.partita");
        FAIL();
    }
    catch (const StateError& error)
    {
        EXPECT_NE (std::string (error.what()).find ("bad.partita"), std::string::npos) << error.what();
    }

    const auto ir = clipOf ({ { 1.0f } }, 48000.0);
    writeStateFile (directory / "s.partita", neutralState (ir));
    const StateRenderJob job (directory / "s.partita");
    const auto threeChannels = clipOf ({ { 1.0f }, { 1.0f }, { 1.0f } }, 48000.0);
    EXPECT_THROW ((void)job.render (threeChannels, std::nullopt), std::invalid_argument);
}
} // namespace partita
