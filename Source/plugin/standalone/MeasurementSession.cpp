// SPDX-License-Identifier: GPL-3.0-or-later
#include "MeasurementSession.h"

#include "measure/MeasurementError.h"
#include "measure/SweepDeconvolver.h"

#include <array>
#include <exception>
#include <span>

namespace partita
{

MeasurementSession::~MeasurementSession()
{
    joinWorker();
}

void MeasurementSession::joinWorker()
{
    if (worker.joinable())
        worker.join();
}

SweepRecorder& MeasurementSession::start (const MeasurementSettings& settings, double sampleRate)
{
    cancel();
    SweepSpec spec;
    spec.startHz = settings.startHz;
    spec.endHz = settings.endHz;
    spec.durationSeconds = settings.durationSeconds;
    spec.levelDbfs = settings.levelDbfs;
    spec.silenceSeconds = settings.silenceSeconds;
    spec.sampleRate = sampleRate;
    spec.repeats = 1;
    spec.numChannels = 1;
    sweep = std::make_unique<SynchronizedSweep> (spec);

    const auto signal = sweep->generate();
    std::vector<float> played (signal.channels.front().begin(), signal.channels.front().end());
    const auto extra = static_cast<std::size_t> (latencyAllowanceSeconds * sampleRate);
    hasReference = settings.routing.referenceChannel.has_value();
    sweepRecorder = std::make_unique<SweepRecorder> (std::move (played), signal.numFrames() + extra, settings.routing);
    current = State::recording;
    return *sweepRecorder;
}

void MeasurementSession::cancel()
{
    {
        // The worker's outcome is dropped: it reports into a state no one reads.
        const std::scoped_lock guard (*outcomeLock);
        outcome.reset();
    }
    joinWorker();
    sweepRecorder.reset();
    sweep.reset();
    measured.reset();
    failure.clear();
    current = State::idle;
}

double MeasurementSession::recordingSeconds() const noexcept
{
    if (sweepRecorder == nullptr || sweep == nullptr)
        return 0.0;
    return static_cast<double> (sweepRecorder->recordFrames()) / sweep->spec().sampleRate;
}

MeasurementSession::State MeasurementSession::update()
{
    if (current == State::recording && sweepRecorder != nullptr && sweepRecorder->isFinished())
    {
        current = State::deconvolving;
        outcome = std::make_shared<Outcome>();
        joinWorker();
        // The recorder and the sweep stay alive until the worker is joined
        // (start, cancel and the destructor join it first).
        worker = std::thread (
            [job = outcome, lock = outcomeLock, &sweepIn = *sweep, &recorderIn = *sweepRecorder,
             reference = hasReference]
            {
                Outcome made;
                try
                {
                    made.measured = deconvolve (sweepIn, recorderIn, reference);
                }
                catch (const std::exception& error)
                {
                    made.error = error.what();
                }
                made.done = true;
                const std::scoped_lock guard (*lock);
                *job = std::move (made);
            });
    }
    if (current == State::deconvolving)
    {
        const std::scoped_lock guard (*outcomeLock);
        if (outcome != nullptr && outcome->done)
        {
            if (outcome->measured.has_value())
            {
                measured = std::move (outcome->measured);
                current = State::finished;
            }
            else
            {
                failure = outcome->error;
                current = State::failed;
            }
            outcome.reset();
        }
    }
    return current;
}

bool MeasurementSession::waitUntilDone (std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline)
    {
        const auto state = update();
        if (state == State::finished || state == State::failed)
            return true;
        if (state == State::idle)
            return false;
        std::this_thread::sleep_for (std::chrono::milliseconds (5));
    }
    return false;
}

MeasuredImpulseResponse MeasurementSession::deconvolve (const SynchronizedSweep& sweep, const SweepRecorder& recorder,
                                                        bool hasReference)
{
    const auto rate = sweep.spec().sampleRate;
    if (recorder.hasClipped())
        throw MeasurementError ("The input clipped during the sweep: lower the sweep's level or the input's gain, "
                                "and measure again");

    AudioClip recording;
    recording.sampleRate = rate;
    recording.channels.emplace_back (recorder.recording().begin(), recorder.recording().end());
    DeconvolutionSettings settings;
    settings.latency = LatencyHandling::remove;
    if (hasReference)
    {
        recording.channels.emplace_back (recorder.reference().begin(), recorder.reference().end());
        settings.referenceChannel = 1;
    }

    const SweepDeconvolver deconvolver (sweep.spec(), settings);
    const std::array<AudioClip, 1> recordings { std::move (recording) };
    const std::array<std::string, 1> names { "the recording" };
    const auto result = deconvolver.deconvolve (recordings, names);
    if (result.channels.empty())
        throw MeasurementError ("The deconvolution gave no impulse response");

    MeasuredImpulseResponse measured;
    measured.impulseResponse = result.impulseResponse();
    const auto& channel = result.channels.front();
    measured.peakToNoiseDb = channel.peakToNoiseDb;
    measured.latencySeconds = channel.latencySeconds;
    measured.framesRemoved = result.framesRemoved;
    measured.sweep = sweep.spec();
    try
    {
        const std::vector<float> ir (channel.impulseResponse.begin(), channel.impulseResponse.end());
        measured.t30 = analyseRoomAcoustics (ir, rate).broadband.t30;
    }
    catch (const std::exception& error)
    {
        measured.t30.flag = error.what();
    }
    return measured;
}

} // namespace partita
