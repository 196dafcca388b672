// SPDX-License-Identifier: GPL-3.0-or-later
#include "ZitaBenchmarkEngine.h"

#include "ScopedRealTimePriority.h"

#include <zita-convolver.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <sched.h>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace partita::benchmark
{

/** Owns the Convproc so the header needs no zita include. */
class ZitaBenchmarkEngine::Implementation
{
public:
    Convproc convolver;
};

namespace
{
void check (int status, const char* call)
{
    if (status != 0)
        throw std::runtime_error (std::string ("zita-convolver: ") + call + " failed with error " + std::to_string (status));
}

std::uint32_t toUnsigned32 (std::size_t value)
{
    return static_cast<std::uint32_t> (value);
}
} // namespace

ZitaBenchmarkEngine::ZitaBenchmarkEngine (const StereoBuffer& ir, std::size_t blockSizeToUse, PeerTiming timing,
                                          const ZitaSettings& settingsToUse)
    : implementation (std::make_unique<Implementation>())
    , blockSize (blockSizeToUse)
    , minPartition (std::max<std::size_t> (blockSizeToUse, Convproc::MINPART))
    , settings (settingsToUse)
    , waitForWorkers (timing == PeerTiming::unpaced)
{
    auto& convolver = implementation->convolver;
    // OPT_LATE_CONTIN: without it zita stops processing for good after five
    // late cycles in a row; a loaded benchmark machine must not end the run.
    std::uint32_t options = Convproc::OPT_FFTW_MEASURE | Convproc::OPT_LATE_CONTIN;
    if (settings.vectorMode)
        options |= Convproc::OPT_VECTOR_MODE;
    convolver.set_options (options);

    const auto irFrames = ir[0].size();
    // Density: 2 of the 4 paths of the 2 x 2 matrix carry a kernel.
    check (convolver.configure (2, 2, toUnsigned32 (irFrames), toUnsigned32 (blockSize), toUnsigned32 (minPartition),
                                toUnsigned32 (settings.maxPartition), 0.5f),
           "configure");
    for (std::uint32_t channel = 0; channel < 2; ++channel)
    {
        // zita takes a non-const pointer but only reads the taps.
        auto taps = ir[channel];
        check (convolver.impdata_create (channel, channel, 1, taps.data(), 0, static_cast<std::int32_t> (irFrames)),
               "impdata_create");
    }

    const bool fifo = settings.realTimeWorkers && ScopedRealTimePriority::isPermitted();
    check (convolver.start_process (fifo ? ScopedRealTimePriority::callbackPriority - 1 : 0,
                                    fifo ? SCHED_FIFO : SCHED_OTHER),
           "start_process");
    // A level whose thread has not yet started computes inline; and stopping
    // a level before its thread runs would leave that thread behind. Give the
    // threads a moment to come up.
    std::this_thread::sleep_for (std::chrono::milliseconds (50));
}

ZitaBenchmarkEngine::~ZitaBenchmarkEngine()
{
    auto& convolver = implementation->convolver;
    if (convolver.state() == Convproc::ST_PROC)
        convolver.stop_process();
    while (! convolver.check_stop())
        std::this_thread::sleep_for (std::chrono::milliseconds (1));
    convolver.cleanup();
}

void ZitaBenchmarkEngine::process (const float* const* inputs, float* const* outputs) noexcept
{
    auto& convolver = implementation->convolver;
    const auto bytes = blockSize * sizeof (float);
    std::memcpy (convolver.inpdata (0), inputs[0], bytes);
    std::memcpy (convolver.inpdata (1), inputs[1], bytes);
    if ((convolver.process (waitForWorkers) & Convproc::FL_LATE) != 0)
        ++late;
    std::memcpy (outputs[0], convolver.outdata (0), bytes);
    std::memcpy (outputs[1], convolver.outdata (1), bytes);
}

std::optional<std::size_t> ZitaBenchmarkEngine::reportedLatency() const
{
    // zita has no latency query: a host must know it from the setup.
    return std::nullopt;
}

std::string ZitaBenchmarkEngine::describeConfiguration() const
{
    std::ostringstream text;
    text << "quantum " << blockSize << ", minpart " << minPartition << ", maxpart " << settings.maxPartition
         << (settings.vectorMode ? ", vector mode" : "") << ", FFTW_MEASURE";
    return text.str();
}

std::string ZitaBenchmarkEngine::libraryVersion()
{
    return std::to_string (zita_convolver_major_version()) + "." + std::to_string (zita_convolver_minor_version());
}

} // namespace partita::benchmark
