// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/RestoredImpulseResponse.h"

#include "StateTestHelpers.h"
#include "TemporaryDirectory.h"
#include "io/AudioFileWriter.h"
#include "state/ContentHash.h"

#include <gtest/gtest.h>

namespace partita
{
namespace
{
struct Fixture
{
    test::TemporaryDirectory directory;
    AudioClip clip = test::gridClip (2, 3000, 24, 48000.0, 9);
    std::filesystem::path file = directory / "room ü.wav";

    Fixture() { writeAudioFile (file, clip, OutputFormat { FileContainer::wav, SampleFormat::pcm24 }); }

    [[nodiscard]] SavedImpulseResponse saved (bool withAudio) const
    {
        SavedImpulseResponse ir;
        ir.name = "room ü.wav";
        ir.originalPath = utf8FromPath (file);
        ir.contentHash = contentHash (clip);
        if (withAudio)
            ir.audio = std::make_shared<const AudioClip> (clip);
        return ir;
    }
};

TEST (RestoredImpulseResponse, UsesTheEmbeddedAudioWhenItIsIntactEvenIfTheFileIsGone)
{
    Fixture fixture;
    std::filesystem::remove (fixture.file);
    const auto restored = restoreImpulseResponse (fixture.saved (true));
    ASSERT_NE (restored.audio, nullptr);
    EXPECT_EQ (contentHash (*restored.audio), contentHash (fixture.clip));
    EXPECT_TRUE (restored.problem.empty()) << restored.problem;
}

TEST (RestoredImpulseResponse, ReadsTheOriginalFileWhenTheEmbeddedAudioIsMissing)
{
    Fixture fixture;
    const auto restored = restoreImpulseResponse (fixture.saved (false));
    ASSERT_NE (restored.audio, nullptr);
    EXPECT_EQ (contentHash (*restored.audio), contentHash (fixture.clip));
    EXPECT_FALSE (restored.problem.empty());
}

TEST (RestoredImpulseResponse, PrefersTheMatchingFileOverDamagedEmbeddedAudio)
{
    Fixture fixture;
    auto saved = fixture.saved (true);
    auto damaged = *saved.audio;
    damaged.channels[0][100] = 0.5;
    saved.audio = std::make_shared<const AudioClip> (damaged);

    const auto restored = restoreImpulseResponse (saved);
    ASSERT_NE (restored.audio, nullptr);
    EXPECT_EQ (contentHash (*restored.audio), contentHash (fixture.clip));
    EXPECT_NE (restored.problem.find ("damaged"), std::string::npos) << restored.problem;
}

TEST (RestoredImpulseResponse, SaysSoWhenTheFileChangedAndNoAudioWasSaved)
{
    Fixture fixture;
    auto saved = fixture.saved (false);
    saved.contentHash = *saved.contentHash + 1;
    const auto restored = restoreImpulseResponse (saved);
    ASSERT_NE (restored.audio, nullptr);
    EXPECT_NE (restored.problem.find ("changed"), std::string::npos) << restored.problem;
}

TEST (RestoredImpulseResponse, GivesNothingAndAReasonWhenNeitherSourceIsUsable)
{
    Fixture fixture;
    std::filesystem::remove (fixture.file);
    const auto restored = restoreImpulseResponse (fixture.saved (false));
    EXPECT_EQ (restored.audio, nullptr);
    EXPECT_NE (restored.problem.find ("could not be restored"), std::string::npos) << restored.problem;
    EXPECT_EQ (restored.problem.find ('\n'), std::string::npos);
}

TEST (RestoredImpulseResponse, KeepsNonAsciiPathsThroughUtf8)
{
    const std::filesystem::path path = std::filesystem::path (u8"/tmp/Überraum/ハル.wav");
    EXPECT_EQ (pathFromUtf8 (utf8FromPath (path)), path);
}
} // namespace
} // namespace partita
