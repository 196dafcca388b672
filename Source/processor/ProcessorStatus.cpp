// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessorStatus.h"

#include "PreDelayTime.h"

namespace partita
{

void ProcessorStatus::publishInfo (std::shared_ptr<const ImpulseResponseInfo> info, std::string error)
{
    {
        const std::scoped_lock lock (infoMutex);
        currentInfo = std::move (info);
        errorMessage = std::move (error);
    }
    irVersion.fetch_add (1, std::memory_order_acq_rel);
}

void ProcessorStatus::publishError (std::string error)
{
    {
        const std::scoped_lock lock (infoMutex);
        errorMessage = std::move (error);
    }
    irVersion.fetch_add (1, std::memory_order_acq_rel);
}

void ProcessorStatus::publishTiming (std::size_t latencySamples, std::size_t engineTailSamples) noexcept
{
    const auto oldLatency = latency.exchange (latencySamples, std::memory_order_acq_rel);
    const auto oldTail = engineTail.exchange (engineTailSamples, std::memory_order_acq_rel);
    if (oldLatency != latencySamples || oldTail != engineTailSamples)
        timingMayHaveChanged();
}

void ProcessorStatus::timingMayHaveChanged() noexcept
{
    timingVersionCounter.fetch_add (1, std::memory_order_acq_rel);
}

void ProcessorStatus::setSampleRate (double rate) noexcept
{
    sampleRate.store (rate, std::memory_order_release);
}

std::shared_ptr<const ImpulseResponseInfo> ProcessorStatus::info() const
{
    const std::scoped_lock lock (infoMutex);
    return currentInfo;
}

std::string ProcessorStatus::lastError() const
{
    const std::scoped_lock lock (infoMutex);
    return errorMessage;
}

std::uint64_t ProcessorStatus::impulseResponseVersion() const noexcept
{
    return irVersion.load (std::memory_order_acquire);
}

std::uint64_t ProcessorStatus::timingVersion() const noexcept
{
    return timingVersionCounter.load (std::memory_order_acquire);
}

ReportedTiming ProcessorStatus::reportedTiming (const ProcessorParameters& parameters,
                                                double beatsPerMinute) const noexcept
{
    const auto preDelay =
        PreDelayTime::samples (parameters, beatsPerMinute, sampleRate.load (std::memory_order_acquire));
    ReportedTiming timing;
    timing.latencySamples = latency.load (std::memory_order_acquire);
    timing.tailSamples = engineTail.load (std::memory_order_acquire) + preDelay;
    return timing;
}

} // namespace partita
