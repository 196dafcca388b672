// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/RoomAcousticAnalysis.h"
#include "processor/ImpulseResponseInfo.h"

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace partita
{

/** The ISO 3382-1 analysis (analyseRoomAcoustics) of the IR that plays, as
    shaped (ImpulseResponseInfo::shapedChannels: trimmed, stretched, with its
    envelope and both slots folded in), on a thread of its own: an analysis
    of a long IR takes a good part of a second, which neither the audio
    thread nor the message thread can spare.

    Only the newest request counts: one that arrives while another waits
    replaces it, and the result of one computed while a newer request came in
    is dropped (a user turning a shaping knob sees the figures of where the
    knob stopped, not of every step on the way). A channel-per-channel
    analysis of a stereo or true-stereo IR is averaged as ISO 3382-1 averages
    positions (averageRoomAcoustics).

    Threading: request(), takeResult() and waitUntilIdle() from one
    non-audio thread (the editor's message thread); the analysis runs on the
    job's thread. The destructor waits for an analysis in progress. */
class ImpulseResponseAnalysisJob
{
public:
    struct Result
    {
        /** The IR analysed (null: no IR plays). */
        std::shared_ptr<const ImpulseResponseInfo> info;
        /** The figures; none when there is no IR or it could not be analysed. */
        std::optional<RoomAcousticResult> analysis;
        /** Why there are no figures (RoomAnalysisError's line); empty otherwise. */
        std::string error;
        /** The thread that computed it (tests check it is not the caller's). */
        std::thread::id computedOn;
    };

    ImpulseResponseAnalysisJob();
    ~ImpulseResponseAnalysisJob();
    ImpulseResponseAnalysisJob (const ImpulseResponseAnalysisJob&) = delete;
    ImpulseResponseAnalysisJob& operator= (const ImpulseResponseAnalysisJob&) = delete;

    /** Analyses `info` (null: no IR) on the job's thread, in place of any
        request not finished yet. */
    void request (std::shared_ptr<const ImpulseResponseInfo> info);

    /** The result of the newest request once it is ready, once; null before
        and after. */
    [[nodiscard]] std::shared_ptr<const Result> takeResult();

    /** Whether the newest request is still waiting or being computed. */
    [[nodiscard]] bool isBusy() const;

    /** Waits until the newest request's result is ready; false on timeout (tests). */
    bool waitUntilIdle (std::chrono::milliseconds timeout);

    /** The analysis itself, on the calling thread: each channel of the shaped
        IR analysed, then averaged. Throws RoomAnalysisError. */
    [[nodiscard]] static RoomAcousticResult analyse (const ImpulseResponseInfo& info);

private:
    void run();

    mutable std::mutex lock;
    std::condition_variable wake;
    std::condition_variable becameIdle;
    /** Requests are numbered; a result counts only for the newest. */
    std::uint64_t requested = 0;
    std::uint64_t finished = 0;
    std::optional<std::shared_ptr<const ImpulseResponseInfo>> pending;
    std::shared_ptr<const Result> ready;
    bool stopping = false;
    std::thread worker;
};

} // namespace partita
