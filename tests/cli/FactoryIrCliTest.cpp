// SPDX-License-Identifier: GPL-3.0-or-later
// `factory:ID` on the command line: the built binary renders with a
// generated factory IR exactly as with the same IR given as a file, and
// `partita info factory:` lists the catalogue.
#include "CliRunner.h"
#include "JsonReader.h"
#include "TemporaryDirectory.h"
#include "factory/FactoryCatalogue.h"
#include "io/AudioFileWriter.h"
#include "io/OutputFormat.h"

#include <gtest/gtest.h>

#include <cmath>

namespace partita
{
namespace
{
AudioClip dryClip()
{
    std::vector<float> left (4800), right (4800);
    for (std::size_t n = 0; n < left.size(); ++n)
    {
        left[n] = 0.5f * static_cast<float> (std::sin (0.05 * static_cast<double> (n)));
        right[n] = n % 700 == 0 ? 0.8f : 0.0f;
    }
    return test::makeClip ({ left, right }, 48000.0);
}
} // namespace

TEST (FactoryIrCli, InfoFactoryListsEveryGeneratedIr)
{
    const auto result = test::runPartita ({ "info", "--json", "factory:" });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    const auto json = test::parseJson (result.out);
    const auto& list = json["factory_irs"].array;
    const auto& catalogue = generatedFactoryIrs();
    ASSERT_EQ (list.size(), catalogue.size());
    for (std::size_t i = 0; i < list.size(); ++i)
    {
        EXPECT_EQ (list[i]["id"].string, catalogue[i].id);
        EXPECT_EQ (list[i]["name"].string, catalogue[i].displayName);
        EXPECT_EQ (list[i]["frames"].number, static_cast<double> (catalogue[i].numFrames));
        EXPECT_EQ (list[i]["reverb_time_s"].number, catalogue[i].reverbTimeSeconds);
    }

    const auto text = test::runPartita ({ "info", "factory:" });
    ASSERT_EQ (text.exitStatus, 0) << text.err;
    EXPECT_NE (text.out.find ("hall_cathedral"), std::string::npos) << text.out;
}

TEST (FactoryIrCli, InfoDescribesOneFactoryIrByItsName)
{
    const auto result = test::runPartita ({ "info", "--json", "factory:hall_small" });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    const auto file = test::parseJson (result.out);
    const auto* ir = findGeneratedFactoryIr ("hall_small");
    ASSERT_NE (ir, nullptr);
    EXPECT_EQ (file["file"].string, "factory:hall_small");
    EXPECT_EQ (file["channels"].number, 2.0);
    EXPECT_EQ (file["sample_rate_hz"].number, 48000.0);
    EXPECT_EQ (file["frames"].number, static_cast<double> (ir->numFrames));
    EXPECT_NEAR (file["peak_dbfs"].number, -1.0, 1e-9);
}

TEST (FactoryIrCli, RendersWithAFactoryIrExactlyAsWithTheSameIrInAFile)
{
    const test::TemporaryDirectory directory;
    test::writeFloatWav (directory / "dry.wav", dryClip());
    const auto* ir = findGeneratedFactoryIr ("cab_4x12");
    ASSERT_NE (ir, nullptr);
    writeAudioFile (directory / "cab.wav", ir->generate(), { FileContainer::wav, SampleFormat::float64 },
                    OverwritePolicy::replace);

    const auto viaFactory = test::runPartita ({ "render", (directory / "dry.wav").string(), "--ir", "factory:cab_4x12",
                                                "-o", (directory / "a.wav").string() });
    ASSERT_EQ (viaFactory.exitStatus, 0) << viaFactory.err;
    const auto viaFile = test::runPartita ({ "render", (directory / "dry.wav").string(), "--ir",
                                             (directory / "cab.wav").string(), "-o", (directory / "b.wav").string() });
    ASSERT_EQ (viaFile.exitStatus, 0) << viaFile.err;
    EXPECT_EQ (test::readBytes (directory / "a.wav"), test::readBytes (directory / "b.wav"));
}

TEST (FactoryIrCli, AnUnknownFactoryIrIsAUsageErrorThatSaysWhereTheListIs)
{
    const test::TemporaryDirectory directory;
    test::writeFloatWav (directory / "dry.wav", dryClip());
    const auto result = test::runPartita ({ "render", (directory / "dry.wav").string(), "--ir", "factory:nowhere", "-o",
                                            (directory / "a.wav").string() });
    EXPECT_EQ (result.exitStatus, 2);
    EXPECT_NE (result.err.find ("partita info factory:"), std::string::npos) << result.err;
}

} // namespace partita
