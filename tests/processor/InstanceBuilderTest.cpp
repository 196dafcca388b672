// SPDX-License-Identifier: GPL-3.0-or-later
#include "processor/InstanceBuilder.h"

#include <gtest/gtest.h>

#include <chrono>
#include <limits>
#include <thread>

namespace partita
{
namespace
{
constexpr double rate = 48000.0;

std::shared_ptr<const ImpulseResponseSource> sourceOf (double sample, const char* name)
{
    auto source = std::make_shared<ImpulseResponseSource>();
    AudioClip clip;
    clip.sampleRate = rate;
    clip.channels = { { sample, 0.5 * sample } };
    source->clip = std::make_shared<const AudioClip> (std::move (clip));
    source->name = name;
    return source;
}

struct Harness
{
    explicit Harness (RebuildMode mode)
        : builder (mode, parameters, status, mailbox, history)
    {
        history.prepare (1, 48000, 256);
    }

    std::unique_ptr<ConvolverInstance> prepare()
    {
        std::unique_ptr<ConvolverInstance> installed;
        builder.prepare (
            SessionFormat { rate, 1, 1, 256 }, [] {},
            [&installed] (std::unique_ptr<ConvolverInstance> first) { installed = std::move (first); });
        return installed;
    }

    ParameterStore parameters;
    ProcessorStatus status;
    InstanceMailbox mailbox;
    EngineInputHistory history;
    InstanceBuilder builder;
};

TEST (InstanceBuilder, PrepareBuildsThePassThroughEngineWhenNoIrIsLoaded)
{
    Harness harness (RebuildMode::synchronous);
    const auto first = harness.prepare();
    ASSERT_NE (first, nullptr);
    EXPECT_EQ (first->latencySamples, 0u);
    EXPECT_EQ (harness.status.info(), nullptr);
    EXPECT_FALSE (harness.mailbox.hasPending());
}

TEST (InstanceBuilder, ASynchronousLoadIsBuiltOnTheCallingThreadAndOffered)
{
    Harness harness (RebuildMode::synchronous);
    harness.prepare();
    EXPECT_EQ (harness.builder.load (IrSlot::a, sourceOf (0.5, "half.wav")), LoadOutcome::built);
    EXPECT_TRUE (harness.mailbox.hasPending());
    ASSERT_NE (harness.status.info(), nullptr);
    EXPECT_EQ (harness.status.info()->name, "half.wav");
    EXPECT_TRUE (harness.status.lastError().empty());
}

TEST (InstanceBuilder, ABrokenIrFailsWithItsNameAndTheOfferedEngineStays)
{
    Harness harness (RebuildMode::synchronous);
    harness.prepare();
    harness.builder.load (IrSlot::a, sourceOf (0.5, "half.wav"));
    const auto offered = harness.mailbox.takePending();
    ASSERT_NE (offered, nullptr);
    EXPECT_EQ (harness.builder.load (IrSlot::a, sourceOf (std::numeric_limits<double>::infinity(), "broken.wav")),
               LoadOutcome::failed);
    EXPECT_FALSE (harness.mailbox.hasPending());
    EXPECT_NE (harness.status.lastError().find ("broken.wav"), std::string::npos) << harness.status.lastError();
    EXPECT_EQ (harness.status.info()->name, "half.wav");
}

TEST (InstanceBuilder, BeforePrepareALoadIsOnlyChecked)
{
    Harness harness (RebuildMode::synchronous);
    EXPECT_EQ (harness.builder.load (IrSlot::a, sourceOf (0.5, "half.wav")), LoadOutcome::built);
    EXPECT_FALSE (harness.mailbox.hasPending());
    const auto first = harness.prepare(); // builds the loaded IR
    ASSERT_NE (first, nullptr);
    ASSERT_NE (harness.status.info(), nullptr);
    EXPECT_EQ (harness.status.info()->name, "half.wav");
}

TEST (InstanceBuilder, ASynchronousShapingChangeRebuildsAtOnce)
{
    Harness harness (RebuildMode::synchronous);
    harness.prepare();
    harness.builder.load (IrSlot::a, sourceOf (0.5, "half.wav"));
    EXPECT_NE (harness.mailbox.takePending(), nullptr);
    ProcessorParameters reversed;
    reversed.reverse = true;
    harness.builder.parametersChanged (harness.parameters.store (reversed).shaping);
    EXPECT_TRUE (harness.mailbox.hasPending());
}

TEST (InstanceBuilder, TheLoaderThreadBuildsABackgroundLoad)
{
    Harness harness (RebuildMode::background);
    harness.prepare();
    EXPECT_EQ (harness.builder.load (IrSlot::a, sourceOf (0.5, "half.wav")), LoadOutcome::queued);
    // Work, not wall time, decides the outcome: the wait only bounds a hang.
    for (int attempt = 0; attempt < 3000 && !harness.mailbox.hasPending(); ++attempt)
        std::this_thread::sleep_for (std::chrono::milliseconds (10));
    EXPECT_TRUE (harness.mailbox.hasPending());
    ASSERT_NE (harness.status.info(), nullptr);
    EXPECT_EQ (harness.status.info()->name, "half.wav");
}

TEST (InstanceBuilder, TheLoaderNoticesAShapingChangeByPolling)
{
    Harness harness (RebuildMode::background);
    harness.prepare();
    ProcessorParameters stretched;
    stretched.stretchPercent = 150.0f;
    harness.parameters.store (stretched); // as the audio thread would: no call to the builder
    for (int attempt = 0; attempt < 3000 && !harness.mailbox.hasPending(); ++attempt)
        std::this_thread::sleep_for (std::chrono::milliseconds (10));
    EXPECT_TRUE (harness.mailbox.hasPending());
}
} // namespace
} // namespace partita
