// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImpulseResponseAnalysisJob.h"

#include <exception>
#include <span>
#include <utility>
#include <vector>

namespace partita
{

ImpulseResponseAnalysisJob::ImpulseResponseAnalysisJob()
{
    worker = std::thread ([this] { run(); });
}

ImpulseResponseAnalysisJob::~ImpulseResponseAnalysisJob()
{
    {
        const std::scoped_lock guard (lock);
        stopping = true;
        pending.reset();
    }
    wake.notify_all();
    worker.join();
}

void ImpulseResponseAnalysisJob::request (std::shared_ptr<const ImpulseResponseInfo> info)
{
    {
        const std::scoped_lock guard (lock);
        ++requested;
        pending = std::move (info);
        ready.reset();
    }
    wake.notify_all();
}

std::shared_ptr<const ImpulseResponseAnalysisJob::Result> ImpulseResponseAnalysisJob::takeResult()
{
    const std::scoped_lock guard (lock);
    return std::exchange (ready, nullptr);
}

bool ImpulseResponseAnalysisJob::isBusy() const
{
    const std::scoped_lock guard (lock);
    return finished != requested;
}

bool ImpulseResponseAnalysisJob::waitUntilIdle (std::chrono::milliseconds timeout)
{
    std::unique_lock guard (lock);
    return becameIdle.wait_for (guard, timeout, [this] { return finished == requested; });
}

RoomAcousticResult ImpulseResponseAnalysisJob::analyse (const ImpulseResponseInfo& info)
{
    if (info.shapedChannels.empty() || info.shapedFrames() == 0)
        throw RoomAnalysisError ("the IR is empty");
    std::vector<RoomAcousticResult> channels;
    channels.reserve (info.shapedChannels.size());
    for (const auto& channel : info.shapedChannels)
        channels.push_back (analyseRoomAcoustics (std::span<const float> (channel), info.sampleRate));
    if (channels.size() == 1)
        return std::move (channels.front());
    return averageRoomAcoustics (channels);
}

void ImpulseResponseAnalysisJob::run()
{
    std::unique_lock guard (lock);
    for (;;)
    {
        wake.wait (guard, [this] { return stopping || pending.has_value(); });
        if (stopping)
            return;

        const auto info = std::move (*pending);
        pending.reset();
        const auto number = requested;
        guard.unlock();

        auto result = std::make_shared<Result>();
        result->info = info;
        result->computedOn = std::this_thread::get_id();
        if (info != nullptr)
        {
            try
            {
                result->analysis = analyse (*info);
            }
            catch (const std::exception& error)
            {
                result->error = error.what();
            }
        }

        guard.lock();
        // A newer request came in meanwhile: its own result will follow.
        if (number == requested)
        {
            ready = std::move (result);
            finished = number;
            becameIdle.notify_all();
        }
    }
}

} // namespace partita
