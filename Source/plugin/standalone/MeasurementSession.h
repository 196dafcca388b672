// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SweepRecorder.h"
#include "analysis/RoomAcousticAnalysis.h"
#include "io/AudioClip.h"
#include "measure/SweepSpec.h"
#include "measure/SynchronizedSweep.h"

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace partita
{

/** What the Measure window asks for: the sweep (the rest of SweepSpec keeps
    `partita sweep`'s defaults; the rate is the device's) and the channels. */
struct MeasurementSettings
{
    double startHz = 20.0;
    double endHz = 20000.0;
    double durationSeconds = 10.0;
    double levelDbfs = -12.0;
    /** Silence after the sweep: the room's decay is recorded in it. */
    double silenceSeconds = 3.0;
    SweepRecorder::Routing routing;
};

/** A measurement's outcome: the IR and the figures the window shows. */
struct MeasuredImpulseResponse
{
    /** The linear IR (mono), the latency removed (the first arrival 1 ms
        in), its end found from the noise floor and faded. */
    AudioClip impulseResponse;
    double peakToNoiseDb = 0.0;
    /** The first arrival in the recording: the device's round trip plus the
        sound's travel (relative to the loopback with a reference channel). */
    double latencySeconds = 0.0;
    /** Frames by which the IR was advanced to remove that latency (the
        recording's frame n + framesRemoved is the IR's frame n). */
    std::size_t framesRemoved = 0;
    /** Broadband T30 of the IR (ISO 3382-1), flagged when its decay range
        does not support it. */
    DecayTimeValue t30;
    /** The sweep the IR was measured with (for the file's name and notes). */
    SweepSpec sweep;
};

/** One measurement in the standalone app, from the sweep to the IR: start()
    makes the synchronized sweep (SynchronizedSweep) and a SweepRecorder
    that plays and records it; the caller adds the recorder to the device's
    callbacks. update(), polled on the message thread, sees the recording
    finished and deconvolves it (SweepDeconvolver, the interface's latency
    removed; by the loopback reference when there is one) and measures the
    IR's T30 (analyseRoomAcoustics) on a thread of its own.

    It knows nothing of devices, so a test feeds the recorder's callback
    with a simulated room and checks the IR that comes out.

    Threading: message thread (start, update, cancel, the accessors); the
    recorder's callback on the audio thread; the deconvolution on the
    session's worker thread. The destructor waits for a deconvolution in
    progress (well under a second for a 10 s sweep). */
class MeasurementSession
{
public:
    enum class State
    {
        idle,
        recording,
        deconvolving,
        finished,
        failed,
    };

    MeasurementSession() = default;
    ~MeasurementSession();
    MeasurementSession (const MeasurementSession&) = delete;
    MeasurementSession& operator= (const MeasurementSession&) = delete;

    /** A new measurement at the device's rate (any earlier one is
        forgotten). Throws MeasurementError (one line) for a sweep out of
        range. The recorder lives until the next start() or cancel(). */
    SweepRecorder& start (const MeasurementSettings& settings, double sampleRate);

    /** Moves on: a finished recording goes to be deconvolved, a finished
        deconvolution becomes the result. Returns the state. */
    State update();

    /** Forgets the measurement (the caller has removed the recorder from
        the device first); a deconvolution under way finishes unheard. */
    void cancel();

    [[nodiscard]] State state() const noexcept { return current; }
    /** Null unless finished. */
    [[nodiscard]] const MeasuredImpulseResponse* result() const noexcept
    {
        return measured.has_value() ? &*measured : nullptr;
    }
    /** Why it failed (MeasurementError's line); empty unless failed. */
    [[nodiscard]] const std::string& error() const noexcept { return failure; }
    /** The recorder of the measurement under way (null when idle). */
    [[nodiscard]] SweepRecorder* recorder() const noexcept { return sweepRecorder.get(); }
    /** How long the recording lasts, in seconds (0 when idle). */
    [[nodiscard]] double recordingSeconds() const noexcept;

    /** Calls update() until the session is finished or failed; false on
        timeout (tests). */
    bool waitUntilDone (std::chrono::milliseconds timeout);

    /** The recording beyond the sweep's signal, for the device's latency. */
    static constexpr double latencyAllowanceSeconds = 0.5;

    /** The deconvolution and the analysis themselves, on the calling thread.
        Throws MeasurementError. */
    [[nodiscard]] static MeasuredImpulseResponse deconvolve (const SynchronizedSweep& sweep,
                                                             const SweepRecorder& recorder, bool hasReference);

private:
    /** What the worker hands back. */
    struct Outcome
    {
        std::optional<MeasuredImpulseResponse> measured;
        std::string error;
        bool done = false;
    };

    void joinWorker();

    State current = State::idle;
    std::unique_ptr<SynchronizedSweep> sweep;
    std::unique_ptr<SweepRecorder> sweepRecorder;
    bool hasReference = false;
    std::optional<MeasuredImpulseResponse> measured;
    std::string failure;

    std::shared_ptr<std::mutex> outcomeLock = std::make_shared<std::mutex>();
    std::shared_ptr<Outcome> outcome;
    std::thread worker;
};

} // namespace partita
