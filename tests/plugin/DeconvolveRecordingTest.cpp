// SPDX-License-Identifier: GPL-3.0-or-later
// "Deconvolve recording..." in the plugin: a recording of a sweep made
// elsewhere becomes the playing IR (or leaves the playing one alone).
#include "PluginTestHelpers.h"
#include "SimulatedRoom.h"
#include "io/AudioFileWriter.h"
#include "measure/SweepFile.h"
#include "measure/SynchronizedSweep.h"
#include "plugin/EditorFileActions.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <limits>

namespace partita
{
namespace
{
constexpr double sampleRate = 48000.0;
constexpr std::size_t directFrame = 300;
constexpr std::size_t latency = 2000;

SweepSpec shortSweep()
{
    SweepSpec spec;
    spec.sampleRate = sampleRate;
    spec.durationSeconds = 1.5;
    spec.silenceSeconds = 0.8;
    return spec;
}

/** The sweep played in the room with a known IR, recorded `latency` late
    with -100 dBFS of noise. */
AudioClip recordingOf (const SynchronizedSweep& sweep, const std::vector<double>& room)
{
    const auto played = sweep.generate();
    AudioClip recording;
    recording.sampleRate = sampleRate;
    recording.channels.push_back (
        test::recordInRoom (played.channels.front(), room, latency, 1.0e-5,
                            played.numFrames() + static_cast<std::size_t> (0.5 * sampleRate)));
    return recording;
}

std::filesystem::path writeClip (const test::TemporaryDirectory& directory, const std::string& name,
                                 const AudioClip& clip, const std::string& comment = {})
{
    const auto path = directory.path() / name;
    AudioFileWriter writer (path, clip.numChannels(), clip.sampleRate, clip.numFrames(), OutputFormat {});
    if (!comment.empty())
        writer.setComment (comment);
    std::vector<const double*> channels;
    for (const auto& channel : clip.channels)
        channels.push_back (channel.data());
    writer.write (channels, clip.numFrames());
    writer.commit();
    return path;
}

/** The smallest error of the loaded IR against the known room over
    alignments near the expected one (the direct sound 1 ms into the IR). */
double bestErrorDb (const std::vector<double>& measured, const std::vector<double>& known)
{
    const auto expected = static_cast<long> (directFrame) - 48;
    auto best = std::numeric_limits<double>::infinity();
    for (long offset = expected - 16; offset <= expected + 16; ++offset)
        best = std::min (best, test::errorDb (measured, known, offset));
    return best;
}
} // namespace

TEST (DeconvolveRecording, ARecordingOfTheChosenSweepFileLoadsAsTheRoomsIrWithItsPeakToNoiseOnTheBar)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    test::preparePlugin (*plugin, sampleRate, 256, 2, 2);
    const SynchronizedSweep sweep (shortSweep());
    const auto sweepFile = directory.path() / "sweep.wav";
    writeSweepFile (sweepFile, sweep, OutputFormat {});
    const auto room =
        test::bandLimitedRoom (static_cast<std::size_t> (0.2 * sampleRate), directFrame, 0.15, sampleRate);
    // A DAW's recording: no metadata.
    const auto take = writeClip (directory, "take.wav", recordingOf (sweep, room));

    EditorFileActions actions (*plugin, {});
    actions.setSweepFile (juce::File (juce::String (sweepFile.string())));
    const auto versionBefore = plugin->convolver().impulseResponseVersion();
    actions.deconvolve (juce::File (juce::String (take.string())));
    EXPECT_TRUE (plugin->status().text.starts_with ("Deconvolving 'take.wav'")) << plugin->status().text;
    ASSERT_TRUE (test::waitUntilPlaying (*plugin, "take.wav (deconvolved)", versionBefore, std::chrono::seconds (60)))
        << plugin->status().text;

    const auto message = plugin->status().text;
    EXPECT_NE (message.find ("peak to noise"), std::string::npos) << message;
    EXPECT_NE (message.find ("latency 47."), std::string::npos) << message; // (2000 + 300) / 48 kHz = 47.9 ms
    const auto info = plugin->convolver().impulseResponseInfo();
    ASSERT_NE (info->source, nullptr);
    ASSERT_EQ (info->source->numChannels(), 1u);
    const auto error = bestErrorDb (info->source->channels.front(), room);
    std::printf ("  deconvolved in the plugin: %zu frames, error %.1f dB re the known room; bar: %s\n",
                 info->source->numFrames(), error, message.c_str());
    EXPECT_LT (error, -40.0);

    // The IR travels in the state like a loaded file's: a new instance
    // restored from it plays the same IR.
    auto restored = test::makePlugin (directory);
    ASSERT_TRUE (restored->restoreState (plugin->stateBytes()));
    ASSERT_TRUE (restored->waitForPendingLoads (std::chrono::seconds (20)));
    const auto restoredInfo = restored->convolver().impulseResponseInfo();
    ASSERT_NE (restoredInfo, nullptr);
    EXPECT_EQ (restoredInfo->name, "take.wav (deconvolved)");
    EXPECT_EQ (restoredInfo->source->channels, info->source->channels);
}

TEST (DeconvolveRecording, ARecordingThatCarriesItsSweepsMetadataNeedsNoSweepFile)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    test::preparePlugin (*plugin, sampleRate, 256, 2, 2);
    const SynchronizedSweep sweep (shortSweep());
    const auto room =
        test::bandLimitedRoom (static_cast<std::size_t> (0.2 * sampleRate), directFrame, 0.15, sampleRate);
    const auto take =
        writeClip (directory, "tagged take.wav", recordingOf (sweep, room), formatSweepMetadata (sweep.spec()));

    // The default choice is the 10 s default sweep, which is not this one:
    // only the metadata can make this work.
    EditorFileActions actions (*plugin, {});
    ASSERT_TRUE (actions.sweepChoice().file.empty());
    const auto versionBefore = plugin->convolver().impulseResponseVersion();
    actions.deconvolve (juce::File (juce::String (take.string())));
    ASSERT_TRUE (
        test::waitUntilPlaying (*plugin, "tagged take.wav (deconvolved)", versionBefore, std::chrono::seconds (60)))
        << plugin->status().text;
    EXPECT_NE (plugin->status().text.find ("the sweep in its metadata"), std::string::npos) << plugin->status().text;
    EXPECT_LT (bestErrorDb (plugin->convolver().impulseResponseInfo()->source->channels.front(), room), -40.0);
}

TEST (DeconvolveRecording, ASilentRecordingLeavesThePlayingIrAndSaysWhy)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    test::preparePlugin (*plugin, sampleRate, 256, 2, 2);
    const auto previous = test::writeIr (directory, "previous.wav", { { 1.0f, 0.5f, 0.25f } }, sampleRate);
    ASSERT_TRUE (test::loadIrAndWait (*plugin, previous));
    const auto playing = plugin->convolver().impulseResponseInfo();

    AudioClip silent;
    silent.sampleRate = sampleRate;
    silent.channels.assign (1, std::vector<double> (static_cast<std::size_t> (3.0 * sampleRate), 0.0));
    const auto take = writeClip (directory, "silence.wav", silent);
    const SynchronizedSweep sweep (shortSweep());
    const auto sweepFile = directory.path() / "sweep.wav";
    writeSweepFile (sweepFile, sweep, OutputFormat {});

    EditorFileActions actions (*plugin, {});
    actions.setSweepFile (juce::File (juce::String (sweepFile.string())));
    const auto versionBefore = plugin->convolver().impulseResponseVersion();
    actions.deconvolve (juce::File (juce::String (take.string())));
    EXPECT_FALSE (
        test::waitUntilPlaying (*plugin, "silence.wav (deconvolved)", versionBefore, std::chrono::seconds (60)));
    const auto status = plugin->status();
    EXPECT_EQ (status.severity, StatusMessage::Severity::error) << status.text;
    EXPECT_NE (status.text.find ("previous one keeps playing"), std::string::npos) << status.text;
    EXPECT_NE (status.text.find ("silence.wav"), std::string::npos) << status.text;
    EXPECT_EQ (plugin->convolver().impulseResponseInfo(), playing);
}

} // namespace partita
