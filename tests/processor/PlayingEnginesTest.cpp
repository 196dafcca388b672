// SPDX-License-Identifier: GPL-3.0-or-later
#include "processor/PlayingEngines.h"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

namespace partita
{
namespace
{
constexpr double rate = 48000.0;
constexpr std::size_t chunk = 256;
constexpr double fadeSeconds = 0.001; // 48 samples

/** An engine whose IR is a single sample of `gain`: its output is gain * input. */
std::unique_ptr<ConvolverInstance> scalingInstance (float gain)
{
    auto source = std::make_shared<ImpulseResponseSource>();
    AudioClip clip;
    clip.sampleRate = rate;
    clip.channels = { { static_cast<double> (gain) } };
    source->clip = std::make_shared<const AudioClip> (std::move (clip));
    source->name = "scale.wav";
    InstanceRequest request;
    request.source = source;
    request.parameters.autoGain = false;
    request.sampleRate = rate;
    request.maxBlockSize = chunk;
    return buildConvolverInstance (request).instance;
}

struct Harness
{
    InstanceMailbox mailbox;
    PlayingEngines engines { mailbox };
    std::vector<float> input = std::vector<float> (chunk, 0.0f);
    std::vector<float> wet = std::vector<float> (chunk, 0.0f);

    Harness() { engines.prepare (rate, 1, 1, chunk, fadeSeconds, scalingInstance (1.0f)); }

    /** One chunk of a constant input; returns the wet output. */
    std::vector<float> run (float value, std::size_t length, bool offline = false)
    {
        std::fill_n (input.begin(), length, value);
        const float* in[] = { input.data() };
        float* out[] = { wet.data() };
        engines.run (std::span<const float* const> (in, 1), std::span<float* const> (out, 1), length, offline);
        engines.noteProcessed (length > 0);
        return { wet.begin(), wet.begin() + static_cast<std::ptrdiff_t> (length) };
    }

    void offer (float gain, bool offline = false)
    {
        mailbox.publish (scalingInstance (gain));
        auto budget = std::numeric_limits<std::size_t>::max();
        engines.pickUpPending();
        engines.advancePriming (budget, offline);
    }
};

TEST (PlayingEngines, ANewEngineFadesInLinearlyOverTheCrossfadeAndTheOldOneIsRetired)
{
    Harness harness;
    for (const auto sample : harness.run (1.0f, chunk))
        ASSERT_FLOAT_EQ (sample, 1.0f);

    harness.offer (0.5f);
    ASSERT_TRUE (harness.engines.isFading());
    ASSERT_EQ (harness.engines.fadeRemaining(), 48u);
    const auto faded = harness.run (1.0f, 48);
    for (std::size_t n = 0; n < faded.size(); ++n)
    {
        const double gain = static_cast<double> (n + 1) / 48.0;
        ASSERT_NEAR (faded[n], 0.5 * gain + 1.0 * (1.0 - gain), 1.0e-6) << n;
    }
    EXPECT_FALSE (harness.engines.isFading());
    EXPECT_EQ (harness.mailbox.retiredCount(), 1u);
    for (const auto sample : harness.run (1.0f, chunk))
        ASSERT_FLOAT_EQ (sample, 0.5f);
}

TEST (PlayingEngines, BeforeAnythingIsHeardANewEngineTakesOverWithoutAFade)
{
    Harness harness;
    harness.offer (0.25f);
    EXPECT_FALSE (harness.engines.isFading());
    for (const auto sample : harness.run (1.0f, chunk))
        ASSERT_FLOAT_EQ (sample, 0.25f);
}

TEST (PlayingEngines, OfflineAnEngineArrivingInSilenceTakesOverAtTheNextSoundWithoutAFade)
{
    Harness harness;
    harness.run (1.0f, chunk, true);
    harness.run (0.0f, chunk, true); // silent for longer than a one-sample IR rings
    harness.offer (0.5f, true);
    EXPECT_FALSE (harness.engines.isFading());
    for (const auto sample : harness.run (1.0f, chunk, true))
        ASSERT_FLOAT_EQ (sample, 0.5f);
}

TEST (PlayingEngines, InRealTimeTheSameArrivalFadesBecauseTheEngineNeverSleeps)
{
    Harness harness;
    harness.run (1.0f, chunk);
    harness.run (0.0f, chunk);
    harness.offer (0.5f);
    EXPECT_TRUE (harness.engines.isFading());
}

TEST (PlayingEngines, AResetFinishesAFadeAtOnce)
{
    Harness harness;
    harness.run (1.0f, chunk);
    harness.offer (0.5f);
    ASSERT_TRUE (harness.engines.isFading());
    harness.engines.reset();
    EXPECT_FALSE (harness.engines.isFading());
    for (const auto sample : harness.run (1.0f, chunk))
        ASSERT_FLOAT_EQ (sample, 0.5f);
}
} // namespace
} // namespace partita
