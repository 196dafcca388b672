// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessorTestHelpers.h"
#include "TestSignals.h"
#include "processor/ConvolverProcessor.h"

#include <gtest/gtest.h>

#include <cmath>

namespace partita
{
namespace
{
constexpr double rate = 48000.0;
constexpr std::size_t length = 60000;
constexpr std::size_t bypassAt = 10000;
constexpr std::size_t resumeAt = 30000;

test::Channels render (LatencyMode mode, bool withBypass)
{
    ConvolverProcessor processor (RebuildMode::synchronous);
    auto parameters = test::neutralParameters();
    parameters.mixPercent = 50.0f;
    parameters.outputGainDb = -6.0f;
    parameters.latencyMode = mode;
    processor.setParameters (parameters);
    processor.loadImpulseResponse (test::makeClip ({ test::decayingNoise (4800, 3) }, rate), "room.wav");
    processor.prepare (rate, 512, 1, 1);
    return test::renderInSegments (processor, { test::whiteNoise (length, 4) }, 1, length, 9, { bypassAt, resumeAt },
                                   [&] (std::size_t position)
                                   {
                                       if (withBypass && position == bypassAt)
                                           processor.setBypassed (true);
                                       if (withBypass && position == resumeAt)
                                           processor.setBypassed (false);
                                   });
}
} // namespace

TEST (ConvolverBypass, BypassPlaysTheDryInputDelayedByTheLatencyAndResumesTheReverbWhereItWas)
{
    const auto x = test::whiteNoise (length, 4);
    const auto ramp = static_cast<std::size_t> (std::llround (ConvolverProcessor::smoothingSeconds * rate));
    for (const auto mode : { LatencyMode::zero, LatencyMode::onePartition })
    {
        const std::size_t latency = mode == LatencyMode::zero ? 0 : ConvolverProcessor::lowCpuPartition;
        const auto plain = render (mode, false)[0];
        const auto bypassed = render (mode, true)[0];

        for (std::size_t n = 0; n < bypassAt; ++n)
            ASSERT_EQ (bypassed[n], plain[n]) << "sample " << n;
        // Bypassed: exactly the input, at unity gain, as late as the processed
        // output would be, so that the host's delay compensation holds.
        for (std::size_t n = bypassAt + ramp; n < resumeAt; ++n)
            ASSERT_EQ (bypassed[n], n >= latency ? x[n - latency] : 0.0f) << "sample " << n << ", latency " << latency;
        // The engines kept running: the reverb resumes as if never bypassed.
        for (std::size_t n = resumeAt + ramp; n < length; ++n)
            ASSERT_NEAR (bypassed[n], plain[n], 1.0e-6) << "sample " << n << ", latency " << latency;
        // In between, a linear ramp from one to the other.
        for (std::size_t n = bypassAt; n < bypassAt + ramp; ++n)
        {
            const double b = static_cast<double> (n - bypassAt + 1) / static_cast<double> (ramp);
            const double dry = n >= latency ? static_cast<double> (x[n - latency]) : 0.0;
            ASSERT_NEAR (bypassed[n], (1.0 - b) * static_cast<double> (plain[n]) + b * dry, 1.0e-4) << "sample " << n;
        }
    }
}
} // namespace partita
