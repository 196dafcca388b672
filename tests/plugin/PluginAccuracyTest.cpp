// SPDX-License-Identifier: GPL-3.0-or-later
#include "PluginTestHelpers.h"
#include "ReferenceConvolution.h"
#include "TestSignals.h"
#include "io/Resampler.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace partita
{
namespace
{
constexpr double irRate = 48000.0;

std::vector<float> resampledToFloat (const std::vector<float>& h, double toRate)
{
    const std::vector<double> asDouble (h.begin(), h.end());
    const auto resampled = resample (asDouble, irRate, toRate);
    // A resampled IR keeps its frequency response: its samples scale by the rates' ratio.
    std::vector<float> scaled;
    for (const auto sample : resampled)
        scaled.push_back (static_cast<float> (sample * (irRate / toRate)));
    return scaled;
}

/** The routing the plugin documents, written out: a 4-channel IR is true
    stereo (LL, LR, RL, RR); otherwise input i feeds output i (same counts) or
    every output (mono in), through the mono IR or the IR channel of the
    output. */
std::optional<std::size_t> documentedIrChannel (std::size_t numInputs, std::size_t numOutputs,
                                                std::size_t numIrChannels, std::size_t input, std::size_t output)
{
    if (numIrChannels == 4)
        return input * numOutputs + output;
    if (numInputs == numOutputs && input != output)
        return std::nullopt;
    if (numIrChannels == 1)
        return 0;
    return output;
}

/** Worst error of every output of the plugin against the double-precision
    reference, with the IR resampled by partita::resample (the resampler the
    IR chain uses) to the session rate. */
double worstErrorDb (int numInputs, int numOutputs, std::size_t numIrChannels, double sessionRate, std::uint32_t seed)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    test::setNeutralParameters (*plugin);

    test::Channels ir;
    for (std::size_t c = 0; c < numIrChannels; ++c)
        ir.push_back (test::decayingNoise (1500, seed + static_cast<std::uint32_t> (c)));
    const auto file = test::writeIr (directory, "ir.wav", ir, irRate);
    EXPECT_TRUE (test::loadIrAndWait (*plugin, file)) << plugin->status().text;
    test::preparePlugin (*plugin, sessionRate, 4096, numInputs, numOutputs);

    test::Channels inputs;
    for (int i = 0; i < numInputs; ++i)
        inputs.push_back (test::whiteNoise (6000, seed + 100 + static_cast<std::uint32_t> (i)));

    test::Channels resampledIr;
    for (const auto& channel : ir)
        resampledIr.push_back (resampledToFloat (channel, sessionRate));

    const auto fullLength = inputs[0].size() + resampledIr[0].size() - 1;
    const auto output =
        test::renderThroughPlugin (*plugin, inputs, static_cast<std::size_t> (numOutputs), fullLength, seed);

    double worst = -400.0;
    for (std::size_t o = 0; o < static_cast<std::size_t> (numOutputs); ++o)
    {
        std::vector<double> reference (fullLength, 0.0);
        for (std::size_t i = 0; i < inputs.size(); ++i)
        {
            const auto channel =
                documentedIrChannel (inputs.size(), static_cast<std::size_t> (numOutputs), numIrChannels, i, o);
            if (!channel.has_value())
                continue;
            const auto path = test::referenceConvolution<float> (inputs[i], resampledIr[*channel]);
            for (std::size_t n = 0; n < fullLength; ++n)
                reference[n] += path[n];
        }
        worst = std::max (worst,
                          test::maxErrorDb (std::span<const float> (output[o]), std::span<const double> (reference)));
    }
    return worst;
}
} // namespace

TEST (PluginAccuracy, RandomBlockSizesAtEverySessionRateGiveTheReferenceConvolution)
{
    for (const double rate : { 44100.0, 48000.0, 96000.0, 192000.0 })
    {
        const auto error = worstErrorDb (2, 2, 2, rate, 5);
        EXPECT_LT (error, -110.0) << rate << " Hz";
        RecordProperty ("worstErrorDb_" + std::to_string (static_cast<int> (rate)), std::to_string (error));
    }
}

TEST (PluginAccuracy, EveryBusLayoutRoutesTheIrAsDocumented)
{
    struct Case
    {
        int inputs;
        int outputs;
        std::size_t irChannels;
    };
    for (const auto c :
         { Case { 1, 1, 1 }, Case { 1, 2, 1 }, Case { 1, 2, 2 }, Case { 2, 2, 1 }, Case { 2, 2, 2 }, Case { 2, 2, 4 } })
    {
        const auto error = worstErrorDb (c.inputs, c.outputs, c.irChannels, 48000.0, 11);
        EXPECT_LT (error, -110.0) << c.inputs << " -> " << c.outputs << " with " << c.irChannels << " IR channels";
    }
}

TEST (PluginBusLayouts, AcceptsMonoToMonoMonoToStereoAndStereoToStereoOnly)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    const auto mono = juce::AudioChannelSet::mono();
    const auto stereo = juce::AudioChannelSet::stereo();
    const auto layout = [] (juce::AudioChannelSet in, juce::AudioChannelSet out)
    {
        juce::AudioProcessor::BusesLayout result;
        result.inputBuses.add (in);
        result.outputBuses.add (out);
        return result;
    };

    EXPECT_TRUE (plugin->checkBusesLayoutSupported (layout (mono, mono)));
    EXPECT_TRUE (plugin->checkBusesLayoutSupported (layout (mono, stereo)));
    EXPECT_TRUE (plugin->checkBusesLayoutSupported (layout (stereo, stereo)));
    EXPECT_FALSE (plugin->checkBusesLayoutSupported (layout (stereo, mono)));
    EXPECT_FALSE (plugin->checkBusesLayoutSupported (layout (juce::AudioChannelSet::quadraphonic(), stereo)));
    EXPECT_FALSE (plugin->checkBusesLayoutSupported (layout (juce::AudioChannelSet::disabled(), stereo)));
    EXPECT_FALSE (plugin->checkBusesLayoutSupported (layout (stereo, juce::AudioChannelSet::create5point1())));
}

TEST (PluginBusLayouts, AreAnEffectWithoutMidi)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    EXPECT_FALSE (plugin->acceptsMidi());
    EXPECT_FALSE (plugin->producesMidi());
    EXPECT_FALSE (plugin->isMidiEffect());
    EXPECT_EQ (plugin->getMainBusNumInputChannels(), 2);
    EXPECT_EQ (plugin->getMainBusNumOutputChannels(), 2);
    EXPECT_EQ (plugin->getName(), "Partita");
}
} // namespace partita
