// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/NamedChoices.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace partita
{

TEST (NamedChoices, FindsEachNameAndOnlyTheNames)
{
    EXPECT_EQ (findChoice (modeChoices, "same"), ConvolutionMode::same);
    EXPECT_EQ (findChoice (methodChoices, "auto"), ConvolutionMethod::automatic);
    EXPECT_EQ (findChoice (precisionChoices, "double"), Precision::float64);
    EXPECT_EQ (findChoice (normalisationChoices, "none"), IrNormalisation::none);
    EXPECT_FALSE (findChoice (modeChoices, "FULL").has_value());
    EXPECT_FALSE (findChoice (modeChoices, "").has_value());
    EXPECT_FALSE (findChoice (methodChoices, "automatic").has_value());
}

TEST (NamedChoices, SampleFormatsIgnoreCaseAndTakeTheirAliases)
{
    EXPECT_EQ (findChoice (sampleFormatChoices, "FLOAT"), SampleFormat::float32);
    EXPECT_EQ (findChoice (sampleFormatChoices, "pcm16"), SampleFormat::pcm16);
    EXPECT_EQ (findChoice (sampleFormatChoices, "Float64"), SampleFormat::float64);
    EXPECT_FALSE (findChoice (sampleFormatChoices, "8").has_value());
    EXPECT_FALSE (findChoice (sampleFormatChoices, "floa").has_value());
}

TEST (NamedChoices, HelpListsTheDocumentedNamesAndErrorsTheAcceptedOnes)
{
    const auto formats = namesOf (sampleFormatChoices);
    EXPECT_EQ (barList (formats.documented), "16|24|32|float|double|vorbis");
    EXPECT_EQ (spokenList (formats.accepted), "16, 24, 32, float, double or vorbis");
    EXPECT_TRUE (formats.contains ("PCM24"));

    const auto normalisations = namesOf (normalisationChoices);
    EXPECT_EQ (barList (normalisations.documented), "energy|peak");
    EXPECT_EQ (spokenList (normalisations.accepted), "energy, peak or none");
}

TEST (NamedChoices, SpokenListsReadAsEnglish)
{
    const std::vector<std::string_view> one { "a" };
    const std::vector<std::string_view> two { "a", "b" };
    const std::vector<std::string_view> three { "a", "b", "c" };
    EXPECT_EQ (spokenList (one), "a");
    EXPECT_EQ (spokenList (two), "a or b");
    EXPECT_EQ (spokenList (three), "a, b or c");
    EXPECT_EQ (barList (three), "a|b|c");
}

TEST (NamedChoices, EveryValueHasAListedName)
{
    for (const auto mode : { ConvolutionMode::full, ConvolutionMode::same, ConvolutionMode::valid })
        EXPECT_TRUE (std::any_of (modeNames.begin(), modeNames.end(),
                                  [mode] (const auto& choice)
                                  { return choice.value == mode && choice.use == NameUse::documented; }));
    for (const auto format : { SampleFormat::pcm16, SampleFormat::pcm24, SampleFormat::pcm32, SampleFormat::float32,
                               SampleFormat::float64, SampleFormat::vorbis })
        EXPECT_TRUE (std::any_of (sampleFormatNames.begin(), sampleFormatNames.end(),
                                  [format] (const auto& choice)
                                  { return choice.value == format && choice.use == NameUse::documented; }));
}

} // namespace partita
