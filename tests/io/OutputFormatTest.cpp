// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/OutputFormat.h"

#include "IoTestHelpers.h"

#include <gtest/gtest.h>

#include <array>

namespace partita
{
namespace
{
using ::testing::HasSubstr;

TEST (OutputFormat, TakesTheContainerFromTheExtensionWhateverItsCase)
{
    EXPECT_EQ (containerForPath ("out.wav"), FileContainer::wav);
    EXPECT_EQ (containerForPath ("dir.v2/OUT.WAV"), FileContainer::wav);
    EXPECT_EQ (containerForPath ("a.aif"), FileContainer::aiff);
    EXPECT_EQ (containerForPath ("a.AIFF"), FileContainer::aiff);
    EXPECT_EQ (containerForPath ("b.Flac"), FileContainer::flac);
    EXPECT_EQ (containerForPath ("c.ogg"), FileContainer::ogg);
    EXPECT_EQ (containerForPath ("c.OGA"), FileContainer::ogg);

    EXPECT_EQ (containerForPath ("d.mp3"), std::nullopt);
    EXPECT_EQ (containerForPath ("wav"), std::nullopt);
    EXPECT_EQ (containerForPath ("folder.wav/noextension"), std::nullopt);
}

TEST (OutputFormat, ParsesTheSampleFormatNamesUsersType)
{
    EXPECT_EQ (parseSampleFormat ("16"), SampleFormat::pcm16);
    EXPECT_EQ (parseSampleFormat ("24"), SampleFormat::pcm24);
    EXPECT_EQ (parseSampleFormat ("32"), SampleFormat::pcm32);
    EXPECT_EQ (parseSampleFormat ("PCM24"), SampleFormat::pcm24);
    EXPECT_EQ (parseSampleFormat ("float"), SampleFormat::float32);
    EXPECT_EQ (parseSampleFormat ("float32"), SampleFormat::float32);
    EXPECT_EQ (parseSampleFormat ("Double"), SampleFormat::float64);
    EXPECT_EQ (parseSampleFormat ("float64"), SampleFormat::float64);
    EXPECT_EQ (parseSampleFormat ("vorbis"), SampleFormat::vorbis);

    EXPECT_EQ (parseSampleFormat (""), std::nullopt);
    EXPECT_EQ (parseSampleFormat ("8"), std::nullopt);
    EXPECT_EQ (parseSampleFormat ("16 "), std::nullopt);
    EXPECT_EQ (parseSampleFormat ("mp3"), std::nullopt);
}

TEST (OutputFormat, DefaultsToFloatWherePossibleAnd24BitForFlac)
{
    EXPECT_EQ (defaultSampleFormat (FileContainer::wav), SampleFormat::float32);
    EXPECT_EQ (defaultSampleFormat (FileContainer::aiff), SampleFormat::float32);
    EXPECT_EQ (defaultSampleFormat (FileContainer::flac), SampleFormat::pcm24);
    EXPECT_EQ (defaultSampleFormat (FileContainer::ogg), SampleFormat::vorbis);
}

TEST (OutputFormat, KnowsWhichContainerHoldsWhichSampleFormat)
{
    constexpr std::array formats { SampleFormat::pcm16,   SampleFormat::pcm24,   SampleFormat::pcm32,
                                   SampleFormat::float32, SampleFormat::float64, SampleFormat::vorbis };
    // Rows: WAV, AIFF, FLAC, Ogg; columns in the order of `formats`.
    constexpr std::array<std::array<bool, 6>, 4> expected { {
        { true, true, true, true, true, false },
        { true, true, true, true, true, false },
        { true, true, false, false, false, false },
        { false, false, false, false, false, true },
    } };
    constexpr std::array containers { FileContainer::wav, FileContainer::aiff, FileContainer::flac,
                                      FileContainer::ogg };

    for (std::size_t c = 0; c < containers.size(); ++c)
        for (std::size_t f = 0; f < formats.size(); ++f)
            EXPECT_EQ (supports (containers[c], formats[f]), expected[c][f])
                << toString (containers[c]) << " / " << toString (formats[f]);
}

TEST (OutputFormat, CallsOnlyIntegerFormatsFixedPoint)
{
    EXPECT_TRUE (isFixedPoint (SampleFormat::pcm16));
    EXPECT_TRUE (isFixedPoint (SampleFormat::pcm24));
    EXPECT_TRUE (isFixedPoint (SampleFormat::pcm32));
    EXPECT_FALSE (isFixedPoint (SampleFormat::float32));
    EXPECT_FALSE (isFixedPoint (SampleFormat::float64));
    EXPECT_FALSE (isFixedPoint (SampleFormat::vorbis));
}

TEST (OutputFormat, NamesFormatsTheWayUsersReadThem)
{
    EXPECT_EQ (toString (FileContainer::flac), "FLAC");
    EXPECT_EQ (toString (FileContainer::ogg), "Ogg");
    EXPECT_EQ (toString (SampleFormat::pcm24), "24-bit PCM");
    EXPECT_EQ (toString (SampleFormat::float32), "32-bit float");
    EXPECT_EQ (toString (SampleFormat::float64), "64-bit float");
}

TEST (OutputFormat, ResolvesThePathAndTheRequestOrTheDefault)
{
    const auto flacDefault = resolveOutputFormat ("mix.flac", std::nullopt);
    EXPECT_EQ (flacDefault.container, FileContainer::flac);
    EXPECT_EQ (flacDefault.sampleFormat, SampleFormat::pcm24);

    const auto aiff16 = resolveOutputFormat ("mix.AIF", SampleFormat::pcm16);
    EXPECT_EQ (aiff16.container, FileContainer::aiff);
    EXPECT_EQ (aiff16.sampleFormat, SampleFormat::pcm16);

    const auto wavDefault = resolveOutputFormat ("mix.wav", std::nullopt);
    EXPECT_EQ (wavDefault.sampleFormat, SampleFormat::float32);
}

TEST (OutputFormat, ExplainsAFormatTheContainerCannotHold)
{
    const auto message = test::audioFileErrorOf ([] { resolveOutputFormat ("out.flac", SampleFormat::float32); });

    EXPECT_THAT (message, HasSubstr ("out.flac"));
    EXPECT_THAT (message, HasSubstr ("cannot write 32-bit float to FLAC; choose 16 or 24"));

    const auto oggMessage = test::audioFileErrorOf ([] { resolveOutputFormat ("out.ogg", SampleFormat::pcm16); });
    EXPECT_THAT (oggMessage, HasSubstr ("Vorbis"));

    const auto wavMessage = test::audioFileErrorOf ([] { resolveOutputFormat ("out.wav", SampleFormat::vorbis); });
    EXPECT_THAT (wavMessage, HasSubstr ("cannot write Vorbis to WAV"));
}

TEST (OutputFormat, ExplainsAnUnknownExtension)
{
    const auto message = test::audioFileErrorOf ([] { resolveOutputFormat ("out.xyz", std::nullopt); });
    EXPECT_THAT (message, HasSubstr ("unknown output format '.xyz'; use .wav, .aiff, .flac or .ogg"));

    const auto noExtension = test::audioFileErrorOf ([] { resolveOutputFormat ("out", std::nullopt); });
    EXPECT_THAT (noExtension, HasSubstr ("'out'"));
    EXPECT_THAT (noExtension, HasSubstr ("use .wav, .aiff, .flac or .ogg"));
}
} // namespace
} // namespace partita
