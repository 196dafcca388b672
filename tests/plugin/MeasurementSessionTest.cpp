// SPDX-License-Identifier: GPL-3.0-or-later
// The standalone app's measurement without a device: the recorder's callback
// fed by a simulated room (the played sweep convolved with a known IR, a
// latency and noise), the session's IR compared with the known IR.
#include "plugin/standalone/MeasurementSession.h"

#include "PluginTestHelpers.h"
#include "RealtimeWatch.h"
#include "SimulatedRoom.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <vector>

namespace partita
{
namespace
{
constexpr double sampleRate = 48000.0;
using test::bandLimitedRoom;
using test::errorDb;
using test::SimulatedRoom;

/** Runs the recorder as a device with two inputs and two outputs would, in
    blocks of random size up to 512, the room between output `fromOutput` and
    input `toInput`; a loopback (the output straight back, `loopbackLatency`
    late) on the other input when asked. Returns the most any block
    allocated, locked or slept (it must be nothing). */
test::RealtimeViolations runDevice (SweepRecorder& recorder, SimulatedRoom& room, int fromOutput, int toInput,
                                    std::optional<std::size_t> loopbackLatency = std::nullopt)
{
    constexpr std::size_t maxBlock = 512;
    std::vector<float> in0 (maxBlock), in1 (maxBlock), out0 (maxBlock), out1 (maxBlock);
    const float* inputs[] = { in0.data(), in1.data() };
    float* outputs[] = { out0.data(), out1.data() };
    std::vector<float> loopback (recorder.recordFrames() + maxBlock, 0.0f);
    test::RandomBlockSizes sizes (3, maxBlock);
    test::RealtimeViolations violations;
    std::size_t frame = 0;
    juce::AudioIODeviceCallbackContext context;
    for (int guard = 0; !recorder.isFinished() && guard < 100000; ++guard)
    {
        const auto block = sizes.next();
        auto& recorded = toInput == 0 ? in0 : in1;
        auto& other = toInput == 0 ? in1 : in0;
        for (std::size_t i = 0; i < block; ++i)
        {
            recorded[i] = room.heard (frame + i);
            other[i] = loopbackLatency.has_value() && frame + i >= *loopbackLatency
                           ? loopback[frame + i - *loopbackLatency]
                           : 0.0f;
        }
        {
            test::ScopedRealtimeWatch watch;
            recorder.audioDeviceIOCallbackWithContext (inputs, 2, outputs, 2, static_cast<int> (block), context);
            violations += watch.violations();
        }
        const auto& played = fromOutput == 0 ? out0 : out1;
        const auto& silent = fromOutput == 0 ? out1 : out0;
        for (std::size_t i = 0; i < block; ++i)
        {
            room.play (frame + i, played[i]);
            loopback[frame + i] = played[i];
            EXPECT_EQ (silent[i], 0.0f) << "the other output must stay silent";
        }
        frame += block;
    }
    return violations;
}

MeasurementSettings shortSweep()
{
    MeasurementSettings settings;
    settings.startHz = 20.0;
    settings.endHz = 20000.0;
    settings.durationSeconds = 1.5;
    settings.levelDbfs = -12.0;
    settings.silenceSeconds = 0.8;
    return settings;
}
} // namespace

TEST (MeasurementSession, ASimulatedRoomIsMeasuredAsItsKnownImpulseResponse)
{
    constexpr std::size_t directFrame = 300;
    constexpr std::size_t latency = 1733; // an interface's round trip, in frames
    const auto known = bandLimitedRoom (static_cast<std::size_t> (0.25 * sampleRate), directFrame, 0.2, sampleRate);

    auto settings = shortSweep();
    settings.routing = { 1, 0, std::nullopt };
    MeasurementSession session;
    auto& recorder = session.start (settings, sampleRate);
    EXPECT_EQ (session.state(), MeasurementSession::State::recording);
    // -100 dBFS of noise: the sweep at -12 dBFS through a room of energy 0.25.
    SimulatedRoom room (known, latency, 1.0e-5, recorder.recordFrames());
    const auto violations = runDevice (recorder, room, 1, 0);
    EXPECT_EQ (violations.total(), 0u) << violations.describe();
    EXPECT_FALSE (recorder.hasClipped());
    EXPECT_FALSE (recorder.missedChannels());
    EXPECT_GT (recorder.takeInputPeak(), 0.0f);

    ASSERT_TRUE (session.waitUntilDone (std::chrono::seconds (30)));
    ASSERT_EQ (session.state(), MeasurementSession::State::finished) << session.error();
    const auto* result = session.result();
    ASSERT_NE (result, nullptr);
    ASSERT_EQ (result->impulseResponse.numChannels(), 1u);
    EXPECT_EQ (result->impulseResponse.sampleRate, sampleRate);

    // The first arrival is the direct sound, after the interface's latency
    // (ISO 3382-1's onset: 20 dB under the peak, a few frames before it).
    const auto arrival = static_cast<double> (latency + directFrame);
    EXPECT_NEAR (result->latencySeconds * sampleRate, arrival, 8.0);
    const auto offset = static_cast<long> (result->framesRemoved) - static_cast<long> (latency);
    const auto& measured = result->impulseResponse.channels.front();
    const auto error = errorDb (measured, known, offset);
    std::printf (
        "  measured IR: %zu frames, %zu removed, latency %.2f ms, PNR %.1f dB, error %.1f dB re the known IR\n",
        measured.size(), result->framesRemoved, result->latencySeconds * 1000.0, result->peakToNoiseDb, error);
    EXPECT_LT (error, -40.0);
    EXPECT_GT (result->peakToNoiseDb, 60.0);
    // T30 of a 0.2 s tail: present (maybe flagged for a short IR), finite.
    EXPECT_TRUE (std::isfinite (result->t30.seconds)) << result->t30.flag;
}

TEST (MeasurementSession, AClippedInputFailsWithAClearLineAndNoIr)
{
    auto settings = shortSweep();
    settings.durationSeconds = 0.5;
    settings.silenceSeconds = 0.2;
    settings.routing = { 0, 1, std::nullopt };
    MeasurementSession session;
    auto& recorder = session.start (settings, sampleRate);
    // A room that gains 20 dB: the -12 dBFS sweep comes back over full scale.
    std::vector<double> loud (64, 0.0);
    loud[10] = 10.0;
    SimulatedRoom room (loud, 600, 1.0e-9, recorder.recordFrames());
    (void)runDevice (recorder, room, 0, 1);
    EXPECT_TRUE (recorder.hasClipped());
    ASSERT_TRUE (session.waitUntilDone (std::chrono::seconds (30)));
    EXPECT_EQ (session.state(), MeasurementSession::State::failed);
    EXPECT_EQ (session.result(), nullptr);
    EXPECT_NE (session.error().find ("clipped"), std::string::npos) << session.error();
}

TEST (MeasurementSession, ALoopbackReferenceTakesTheInterfaceLatencyOut)
{
    constexpr std::size_t directFrame = 200;
    constexpr std::size_t latency = 2100;
    const auto known = bandLimitedRoom (static_cast<std::size_t> (0.15 * sampleRate), directFrame, 0.1, sampleRate);
    auto settings = shortSweep();
    settings.routing = { 0, 0, 1 };
    MeasurementSession session;
    auto& recorder = session.start (settings, sampleRate);
    SimulatedRoom room (known, latency, 1.0e-5, recorder.recordFrames());
    (void)runDevice (recorder, room, 0, 0, latency);
    ASSERT_TRUE (session.waitUntilDone (std::chrono::seconds (30)));
    ASSERT_EQ (session.state(), MeasurementSession::State::finished) << session.error();
    // Relative to the loopback, only the room's own delay is left.
    EXPECT_NEAR (session.result()->latencySeconds * sampleRate, static_cast<double> (directFrame), 8.0);
}

TEST (MeasurementSession, CancelForgetsTheMeasurement)
{
    auto settings = shortSweep();
    MeasurementSession session;
    (void)session.start (settings, sampleRate);
    EXPECT_NE (session.recorder(), nullptr);
    // The synchronized sweep's duration differs from the one asked by less
    // than ln(f2 / f1) / (2 f1) = 0.17 s (SweepSpec).
    EXPECT_NEAR (session.recordingSeconds(), 1.5 + 0.8 + MeasurementSession::latencyAllowanceSeconds, 0.18);
    session.cancel();
    EXPECT_EQ (session.state(), MeasurementSession::State::idle);
    EXPECT_EQ (session.recorder(), nullptr);
}

} // namespace partita
