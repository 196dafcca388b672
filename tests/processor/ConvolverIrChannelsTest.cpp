// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessorTestHelpers.h"
#include "TestSignals.h"
#include "ir/ImpulseResponsePreparation.h"
#include "ir/IrShaping.h"
#include "processor/ConvolverInstance.h"
#include "processor/ConvolverProcessor.h"

#include <gtest/gtest.h>

#include <string>

namespace partita
{
namespace
{
constexpr double rate = 48000.0;

/** Four channels, channel c an impulse of height (c + 1) / 10 at sample
    10 (c + 1): which channel plays shows in where and how loud. */
test::Channels fourDistinctChannels()
{
    test::Channels channels;
    for (std::size_t c = 0; c < 4; ++c)
    {
        std::vector<float> channel (64, 0.0f);
        channel[10 * (c + 1)] = static_cast<float> (c + 1) / 10.0f;
        channels.push_back (channel);
    }
    return channels;
}

ProcessorParameters withChannel (IrChannelSelection selection)
{
    auto p = test::neutralParameters();
    p.irChannel = selection;
    return p;
}

/** An IR's build at the session rate, engine and all (no processor). */
BuiltInstance build (const test::Channels& ir, const ProcessorParameters& parameters, double irRate = rate)
{
    auto source = std::make_shared<ImpulseResponseSource>();
    source->clip = std::make_shared<const AudioClip> (test::makeClip (ir, irRate));
    source->name = "ir.wav";
    InstanceRequest request;
    request.source = source;
    request.parameters = parameters;
    request.sampleRate = rate;
    request.numInputs = 2;
    request.numOutputs = 2;
    request.maxBlockSize = 512;
    return buildConvolverInstance (request);
}
} // namespace

TEST (ConvolverIrChannels, TheChosenChannelOfAFourChannelIrPlaysOnEveryPath)
{
    const auto ir = fourDistinctChannels();
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (withChannel (IrChannelSelection::channel3));
    processor.loadImpulseResponse (test::makeClip (ir, rate), "four.wav");
    processor.prepare (rate, 512, 2, 2);
    const auto info = processor.impulseResponseInfo();
    ASSERT_NE (info, nullptr);
    ASSERT_EQ (info->shapedChannels.size(), 1u);
    EXPECT_EQ (info->shapedChannels[0], ir[2]);
    EXPECT_EQ (describeChannelLayout (*info), "mono (channel 3 of 4)");

    // Left in, right silent: a mono IR on each input-output path sends it
    // to the left output only (channel 3: 0.3 at sample 30).
    const auto y =
        test::renderThroughProcessor (processor, { test::impulse (1, 0), std::vector<float> (1, 0.0f) }, 2, 100, 7);
    for (std::size_t n = 0; n < 100; ++n)
    {
        EXPECT_EQ (y[0][n], n == 30 ? 0.3f : 0.0f) << n;
        EXPECT_EQ (y[1][n], 0.0f) << n;
    }
}

TEST (ConvolverIrChannels, SumToMonoPlaysTheAverageOfTheChannels)
{
    const auto ir = fourDistinctChannels();
    const auto built = build (ir, withChannel (IrChannelSelection::sumToMono));
    ASSERT_EQ (built.info->shapedChannels.size(), 1u);
    const auto& played = built.info->shapedChannels[0];
    for (std::size_t n = 0; n < played.size(); ++n)
    {
        const float expected = n % 10 == 0 && n >= 10 && n <= 40 ? static_cast<float> (n / 10) / 10.0f / 4.0f : 0.0f;
        EXPECT_FLOAT_EQ (played[n], expected) << n;
    }
    EXPECT_EQ (describeChannelLayout (*built.info), "mono (4 channels summed)");
}

TEST (ConvolverIrChannels, AChannelTheIrLacksPlaysChannelOneAndTheStatusSaysSo)
{
    const test::Channels stereo { test::decayingNoise (480, 1), test::decayingNoise (480, 2) };
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (withChannel (IrChannelSelection::channel5));
    processor.loadImpulseResponse (test::makeClip (stereo, rate), "stereo.wav");
    processor.prepare (rate, 512, 2, 2);
    EXPECT_EQ (processor.lastError(), "") << "the IR plays: no error";
    const auto info = processor.impulseResponseInfo();
    ASSERT_NE (info, nullptr);
    EXPECT_TRUE (info->channelSelectionFellBack);
    EXPECT_EQ (info->shapedChannels[0], stereo[0]);
    EXPECT_EQ (describeChannelLayout (*info), "mono (no channel 5 in 2 channels: channel 1 plays)");
}

TEST (ConvolverIrChannels, OneChannelOfABFormatIrIsReadAsMono)
{
    // The file says B-format; channel 1 alone (W) is no longer B-format and
    // is not decoded.
    const auto ir = fourDistinctChannels();
    auto source = std::make_shared<ImpulseResponseSource>();
    source->clip = std::make_shared<const AudioClip> (test::makeClip (ir, rate));
    source->name = "room.amb";
    source->layoutHint = { IrLayout::bFormatFuMa, IrLayoutReason::extension };
    InstanceRequest request;
    request.source = source;
    request.parameters = withChannel (IrChannelSelection::channel1);
    request.sampleRate = rate;
    const auto info = makeImpulseResponseInfo (request);
    ASSERT_EQ (info->shapedChannels.size(), 1u);
    EXPECT_EQ (info->shapedChannels[0], ir[0]);
    EXPECT_FALSE (info->layout.isBFormat());
}

TEST (ConvolverIrChannels, TheLengthCapShortensTheEngineAndLowersItsEstimatedCost)
{
    // 4 s of decaying noise, capped at 500 ms.
    const test::Channels ir { test::decayingNoise (192000, 3), test::decayingNoise (192000, 4) };
    auto parameters = test::neutralParameters();
    const auto full = build (ir, parameters);
    parameters.maxIrLengthMs = 500.0f;
    const auto capped = build (ir, parameters);

    EXPECT_EQ (capped.info->shapedFrames(), 24000u);
    EXPECT_EQ (capped.instance->engineTailSamples, 23999u);
    EXPECT_EQ (full.instance->engineTailSamples, 191999u);
    const auto* fullPlan = full.instance->engine.plan();
    const auto* cappedPlan = capped.instance->engine.plan();
    ASSERT_NE (fullPlan, nullptr);
    ASSERT_NE (cappedPlan, nullptr);
    // The planner's cost model, not a clock: the measured CPU is in docs/plugin.md.
    EXPECT_LT (cappedPlan->estimatedSecondsPerSample, 0.75 * fullPlan->estimatedSecondsPerSample);
    RecordProperty ("estimated cost capped / full",
                    std::to_string (cappedPlan->estimatedSecondsPerSample / fullPlan->estimatedSecondsPerSample));
}

TEST (ConvolverIrChannels, TheNeutralSettingsBuildTheIrOfTheChainWithoutThemBitForBit)
{
    // All and no cap against the chain of earlier versions run by hand
    // (resample, shape without a cap): the same shaped IR, sample for sample.
    const test::Channels ir { test::decayingNoise (9600, 5), test::decayingNoise (9600, 6) };
    auto p = test::neutralParameters();
    p.trimStartMs = 3.0f;
    p.autoGain = true;
    const auto built = build (ir, p, 44100.0);

    ImpulseResponseShape shape;
    shape.trimStartMs = 3.0;
    shape.autoGain = true;
    const auto reference = shapeImpulseResponse (
        prepareImpulseResponse (test::makeClip (ir, 44100.0), rate, IrNormalisation::none), shape);
    ASSERT_EQ (built.info->shapedChannels.size(), 2u);
    for (std::size_t c = 0; c < 2; ++c)
    {
        ASSERT_EQ (built.info->shapedChannels[c].size(), reference.clip.channels[c].size());
        for (std::size_t n = 0; n < reference.clip.channels[c].size(); ++n)
            ASSERT_EQ (built.info->shapedChannels[c][n], static_cast<float> (reference.clip.channels[c][n])) << n;
    }
    EXPECT_EQ (describeChannelLayout (*built.info), "stereo");
}

} // namespace partita
