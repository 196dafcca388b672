// SPDX-License-Identifier: GPL-3.0-or-later
#include "plugin/LoadStatus.h"

#include <gtest/gtest.h>

#include <limits>

namespace partita
{
namespace
{
AudioClip stereoClip (double firstSample)
{
    AudioClip clip;
    clip.sampleRate = 48000.0;
    clip.channels = std::vector<std::vector<double>> (2, std::vector<double> (24000, 0.0));
    clip.channels[0][0] = firstSample;
    clip.channels[1][0] = 0.5;
    return clip;
}

TEST (LoadStatus, TheBarSaysLoadingThenWhatTheProcessorBuilt)
{
    StatusMessage bar;
    LoadStatus status (bar);
    ConvolverProcessor dsp (RebuildMode::synchronous);
    dsp.prepare (48000.0, 256, 2, 2);
    status.loading ("hall.wav", "Loading 'hall.wav' ...");
    EXPECT_EQ (bar.snapshot().text, "Loading 'hall.wav' ...");
    dsp.loadImpulseResponse (stereoClip (1.0), "hall.wav");
    status.processorChanged (dsp);
    EXPECT_EQ (bar.snapshot().text, "Loaded 'hall.wav': stereo, 48000 Hz, 500 ms");
    EXPECT_EQ (bar.snapshot().severity, StatusMessage::Severity::information);
}

TEST (LoadStatus, AnIrChannelTheIrLacksIsAWarningOnLoadAndOnASettingsChange)
{
    StatusMessage bar;
    LoadStatus status (bar);
    ConvolverProcessor dsp (RebuildMode::synchronous);
    ProcessorParameters parameters;
    parameters.irChannel = IrChannelSelection::channel3;
    dsp.setParameters (parameters);
    dsp.prepare (48000.0, 256, 2, 2);
    status.loading ("hall.wav", "Loading 'hall.wav' ...");
    dsp.loadImpulseResponse (stereoClip (1.0), "hall.wav");
    status.processorChanged (dsp);
    EXPECT_EQ (bar.snapshot().text,
               "Loaded 'hall.wav': mono (no channel 3 in 2 channels: channel 1 plays), 48000 Hz, 500 ms");
    EXPECT_EQ (bar.snapshot().severity, StatusMessage::Severity::warning);

    // Back to a channel it has: no new line; then a setting it lacks again.
    parameters.irChannel = IrChannelSelection::channel2;
    dsp.setParameters (parameters);
    status.processorChanged (dsp);
    EXPECT_EQ (bar.snapshot().severity, StatusMessage::Severity::warning);
    bar.set ("something else", StatusMessage::Severity::information);
    parameters.irChannel = IrChannelSelection::channel8;
    dsp.setParameters (parameters);
    status.processorChanged (dsp);
    EXPECT_EQ (bar.snapshot().text, "'hall.wav': no channel 8 in 2 channels: channel 1 plays");
    EXPECT_EQ (bar.snapshot().severity, StatusMessage::Severity::warning);
}

TEST (LoadStatus, AnotherIrsBuildDoesNotEndTheWait)
{
    StatusMessage bar;
    LoadStatus status (bar);
    ConvolverProcessor dsp (RebuildMode::synchronous);
    dsp.prepare (48000.0, 256, 2, 2);
    status.loading ("next.wav", "Loading 'next.wav' ...");
    dsp.loadImpulseResponse (stereoClip (1.0), "earlier.wav");
    status.processorChanged (dsp);
    EXPECT_EQ (bar.snapshot().text, "Loading 'next.wav' ...");
}

TEST (LoadStatus, TheProcessorsErrorIsShownAndEndsTheWait)
{
    StatusMessage bar;
    LoadStatus status (bar);
    ConvolverProcessor dsp (RebuildMode::synchronous);
    dsp.prepare (48000.0, 256, 2, 2);
    status.loading ("broken.wav", "Loading 'broken.wav' ...");
    dsp.loadImpulseResponse (stereoClip (std::numeric_limits<double>::infinity()), "broken.wav");
    status.processorChanged (dsp);
    EXPECT_EQ (bar.snapshot().severity, StatusMessage::Severity::error);
    EXPECT_NE (bar.snapshot().text.find ("broken.wav"), std::string::npos) << bar.snapshot().text;
}

TEST (LoadStatus, FilesReadAreHandedOverOnce)
{
    StatusMessage bar;
    LoadStatus status (bar);
    status.read ("a.wav", "/irs/a.wav");
    status.read ("factory", "");
    EXPECT_EQ (status.takeFilesRead(), std::vector<std::string> { "/irs/a.wav" });
    EXPECT_TRUE (status.takeFilesRead().empty());
}
} // namespace
} // namespace partita
