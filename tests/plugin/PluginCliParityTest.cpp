// SPDX-License-Identifier: GPL-3.0-or-later
#include "PluginTestHelpers.h"
#include "TestSignals.h"
#include "cli/PreparedImpulseResponses.h"
#include "cli/RenderJob.h"
#include "cli/StateRenderJob.h"
#include "processor/ParameterTable.h"
#include "state/StateFile.h"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>

namespace partita
{
namespace
{

/** Null depth of a against b over b's peak, in dB (-400 when identical). */
double nullDb (const test::Channels& a, const std::vector<std::vector<double>>& b, std::size_t offset,
               std::size_t length)
{
    double worst = 0.0;
    double peak = 0.0;
    for (std::size_t c = 0; c < b.size(); ++c)
        for (std::size_t n = 0; n < length; ++n)
        {
            peak = std::max (peak, std::abs (b[c][n]));
            worst = std::max (worst, std::abs (static_cast<double> (a[c][n + offset]) - b[c][n]));
        }
    return worst == 0.0 ? -400.0 : 20.0 * std::log10 (worst / peak);
}

/** The plugin's input as a clip at 48 kHz, for the command line's renders. */
AudioClip clipOf (const test::Channels& input)
{
    AudioClip clip;
    clip.sampleRate = 48000.0;
    for (const auto& channel : input)
        clip.channels.emplace_back (channel.begin(), channel.end());
    return clip;
}

double parity (LatencyMode mode)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    plugin->setNonRealtime (true);
    test::setParameter (*plugin, "mix", 65.0f);
    test::setParameter (*plugin, "wetGain", -1.5f);
    test::setParameter (*plugin, "outputGain", 2.0f);
    test::setParameter (*plugin, "preDelay", 12.5f);
    test::setParameter (*plugin, "irStart", 3.0f);
    test::setParameter (*plugin, "irEnd", 40.0f);
    test::setParameter (*plugin, "stretch", 120.0f);
    test::setParameter (*plugin, "lowCut", 90.0f);
    test::setParameter (*plugin, "highCut", 11000.0f);
    test::setParameter (*plugin, "width", 150.0f);
    test::setParameter (*plugin, "latencyMode", mode == LatencyMode::zero ? 0.0f : 1.0f);
    // The IR's envelope, every stage of it.
    test::setParameter (*plugin, "attack", 4.0f);
    test::setParameter (*plugin, "attackShape", 30.0f);
    test::setParameter (*plugin, "reverbTime", 60.0f);
    test::setParameter (*plugin, "damping", 50.0f);
    test::setParameter (*plugin, "dampingFreq", 3000.0f);
    test::setParameter (*plugin, "earlyLevel", 2.0f);
    test::setParameter (*plugin, "lateLevel", -3.0f);
    test::setParameter (*plugin, "earlyLateSplit", 60.0f);
    const auto file = test::writeIr (directory, "hall.wav",
                                     { test::decayingNoise (20000, 1), test::decayingNoise (20000, 2) }, 44100.0);
    EXPECT_TRUE (test::loadIrAndWait (*plugin, file));
    test::preparePlugin (*plugin, 48000.0, 1024, 2, 2);

    // The preset the editor exports is exactly the plugin's state.
    writeStateFile (directory / "preset.partita", plugin->stateBytes());

    const test::Channels input { test::whiteNoise (30000, 3), test::whiteNoise (30000, 4) };
    const auto latency = static_cast<std::size_t> (plugin->getLatencySamples());
    const auto length = 40000;
    const auto fromPlugin = test::renderThroughPlugin (*plugin, input, 2, length + latency, 5, 1024);

    const auto clip = clipOf (input);
    const auto fromCli = StateRenderJob (directory / "preset.partita").render (clip, std::nullopt);
    EXPECT_GE (fromCli.numFrames(), static_cast<std::size_t> (length));
    return nullDb (fromPlugin, fromCli.channels, latency, length);
}
} // namespace

TEST (PluginCliParity, PartitaRenderWithTheExportedPresetNullsAgainstThePlugin)
{
    for (const auto mode : { LatencyMode::zero, LatencyMode::onePartition })
    {
        const auto difference = parity (mode);
        EXPECT_LT (difference, -120.0);
        const auto name = mode == LatencyMode::zero ? "zero latency" : "low CPU";
        RecordProperty (std::string ("nullDb_") + (mode == LatencyMode::zero ? "zero" : "lowCpu"),
                        std::to_string (difference));
        std::printf ("  %s: partita render --state vs the plugin: %.1f dB re peak\n", name, difference);
    }
}

/** A host's transport at a fixed tempo (tempo absent: a play head that
    gives no tempo). */
class FixedTempoPlayHead final : public juce::AudioPlayHead
{
public:
    explicit FixedTempoPlayHead (std::optional<double> bpm)
        : tempo (bpm)
    {
    }

    juce::Optional<PositionInfo> getPosition() const override
    {
        PositionInfo position;
        if (tempo)
            position.setBpm (*tempo);
        return position;
    }

private:
    std::optional<double> tempo;
};

/*  A pre-delay synced to the host's tempo: the plugin reads the tempo from
    its play head, `partita render --state` from --tempo; at the same tempo
    the two null. Without a play head, or one without a tempo, the plugin
    plays at 120 BPM, the command line's default. */
TEST (PluginCliParity, ASyncedPreDelayAtTheHostsTempoMatchesARenderAtThatTempo)
{
    struct Case
    {
        std::optional<double> hostTempo;
        bool hasPlayHead;
        double renderTempo;
    };
    for (const auto& host :
         { Case { 97.3, true, 97.3 }, Case { std::nullopt, true, 120.0 }, Case { std::nullopt, false, 120.0 } })
    {
        test::TemporaryDirectory directory;
        auto plugin = test::makePlugin (directory);
        plugin->setNonRealtime (true);
        test::setParameter (*plugin, "mix", 70.0f);
        test::setParameter (*plugin, "preDelaySync", 1.0f);
        test::setParameter (*plugin, "preDelayNote", static_cast<float> (NoteValue::eighthDotted));
        const auto file = test::writeIr (directory, "room.wav",
                                         { test::decayingNoise (4000, 1), test::decayingNoise (4000, 2) }, 48000.0);
        ASSERT_TRUE (test::loadIrAndWait (*plugin, file));
        FixedTempoPlayHead playHead (host.hostTempo);
        if (host.hasPlayHead)
            plugin->setPlayHead (&playHead);
        test::preparePlugin (*plugin, 48000.0, 512, 2, 2);
        writeStateFile (directory / "preset.partita", plugin->stateBytes());

        const test::Channels input { test::whiteNoise (30000, 3), test::whiteNoise (30000, 4) };
        // The input, the delay and most of the IR's tail.
        const std::size_t length = 50000;
        const auto fromPlugin = test::renderThroughPlugin (*plugin, input, 2, length, 5, 512);
        plugin->setPlayHead (nullptr);
        EXPECT_EQ (plugin->convolver().hostTempo(), host.renderTempo);

        StateRenderJob job (directory / "preset.partita");
        job.setTempo (host.renderTempo);
        const auto fromCli = job.render (clipOf (input), std::nullopt);
        ASSERT_GE (fromCli.numFrames(), length);
        EXPECT_LT (nullDb (fromPlugin, fromCli.channels, 0, length), -120.0) << host.renderTempo;
        // The synced delay, 0.75 beat: 0.75 * 60 * 48000 / 97.3 = 22199.38 or at 120 BPM 18000 samples.
        const std::size_t delay = host.renderTempo == 120.0 ? 18000 : 22199;
        for (std::size_t n = 0; n < delay; ++n)
            ASSERT_NEAR (fromCli.channels[0][n], 0.3 * static_cast<double> (input[0][n]), 1.0e-6)
                << "only the dry signal until " << delay;
        EXPECT_GT (std::abs (fromCli.channels[0][delay] - 0.3 * static_cast<double> (input[0][delay])), 1.0e-4);
    }
}

/*  A B-format IR (FuMa, known by its name) decoded by the plugin, by
    `partita render --state` with the preset it exports (which carries what
    the name said) and by the exact `partita render --ir`: all three hear the
    same microphone pair. */
TEST (PluginCliParity, ABFormatIrIsDecodedAlikeByThePluginAndBothRenders)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    plugin->setNonRealtime (true);
    test::setParameter (*plugin, "autoGain", 0.0f);
    test::setParameter (*plugin, "micPattern", 70.0f);
    test::setParameter (*plugin, "micAngle", 120.0f);
    const auto file = test::writeIr (directory, "church_bformat.wav",
                                     { test::decayingNoise (6000, 11), test::decayingNoise (6000, 12),
                                       test::decayingNoise (6000, 13), test::decayingNoise (6000, 14) },
                                     48000.0);
    ASSERT_TRUE (test::loadIrAndWait (*plugin, file));
    test::preparePlugin (*plugin, 48000.0, 512, 2, 2);
    writeStateFile (directory / "preset.partita", plugin->stateBytes());

    const test::Channels input { test::whiteNoise (8000, 3), test::whiteNoise (8000, 4) };
    const auto latency = static_cast<std::size_t> (plugin->getLatencySamples());
    const std::size_t length = 12000;
    const auto fromPlugin = test::renderThroughPlugin (*plugin, input, 2, length + latency, 5, 512);

    const auto clip = clipOf (input);
    const auto fromState = StateRenderJob (directory / "preset.partita").render (clip, std::nullopt);
    EXPECT_LT (nullDb (fromPlugin, fromState.channels, latency, length), -120.0);

    RenderOptions options;
    options.irLayout = { IrLayout::automatic, 1.0 - 0.70, 120.0 };
    PreparedImpulseResponses irs (file, IrNormalisation::none, options.irLayout);
    ASSERT_EQ (irs.layout(), (ResolvedIrLayout { IrLayout::bFormatFuMa, IrLayoutReason::name }));
    irs.prepare (std::vector<double> { 48000.0 });
    const auto fromIr = RenderJob (options).render (clip, *irs.at (48000.0));
    EXPECT_LT (nullDb (fromPlugin, fromIr.channels, latency, length), -120.0);
}
} // namespace partita
