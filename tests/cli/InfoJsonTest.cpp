// SPDX-License-Identifier: GPL-3.0-or-later
// `partita info --json`, run as a built binary on files made here: the JSON
// is parsed by the tests' own reader and its numbers are compared with the
// values the files were made with.
#include "CliRunner.h"
#include "JsonReader.h"
#include "TemporaryDirectory.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace partita
{
namespace
{
using Kind = test::JsonValue::Kind;

/** 0.5 s at 44.1 kHz: channel 1 a square wave of amplitude 0.5 (peak and
    RMS both 0.5, -6.02 dBFS), channel 2 silent. */
AudioClip knownClip()
{
    constexpr std::size_t frames = 22050;
    std::vector<float> square (frames);
    for (std::size_t n = 0; n < frames; ++n)
        square[n] = (n % 2 == 0) ? 0.5f : -0.5f;
    return test::makeClip ({ square, std::vector<float> (frames, 0.0f) }, 44100.0);
}

test::JsonValue parsedOutput (const test::CliResult& result)
{
    try
    {
        return test::parseJson (result.out);
    }
    catch (const std::exception& error)
    {
        ADD_FAILURE() << error.what() << "\n" << result.out;
        return {};
    }
}

void expectDescribesKnownClip (const test::JsonValue& file)
{
    ASSERT_EQ (file.kind, Kind::object);
    EXPECT_EQ (file["format"].string, "WAV");
    EXPECT_EQ (file["sample_format"].string, "32-bit float");
    EXPECT_EQ (file["channels"].numberText, "2");
    EXPECT_EQ (file["sample_rate_hz"].number, 44100.0);
    EXPECT_EQ (file["frames"].numberText, "22050");
    EXPECT_EQ (file["duration_s"].number, 0.5);

    const double halfInDb = 20.0 * std::log10 (0.5); // -6.0206 dB
    EXPECT_NEAR (file["peak_dbfs"].number, halfInDb, 1e-12);
    EXPECT_EQ (file["peak_linear"].number, 0.5);

    const auto& levels = file["channel_levels"].array;
    ASSERT_EQ (levels.size(), 2u);
    EXPECT_NEAR (levels[0]["peak_dbfs"].number, halfInDb, 1e-12);
    EXPECT_NEAR (levels[0]["rms_dbfs"].number, halfInDb, 1e-12);
    EXPECT_EQ (levels[0]["samples_beyond_full_scale"].number, 0.0);
    // Silence is -infinity dB, which JSON cannot hold.
    EXPECT_EQ (levels[1]["peak_dbfs"].kind, Kind::null);
    EXPECT_EQ (levels[1]["rms_dbfs"].kind, Kind::null);
    EXPECT_EQ (levels[1]["peak_linear"].number, 0.0);
}
} // namespace

TEST (InfoJson, OneFileIsOneObjectWhoseValuesAreThoseTheFileWasMadeWith)
{
    const test::TemporaryDirectory directory;
    test::writeFloatWav (directory / "known.wav", knownClip());

    const auto result = test::runPartita ({ "info", "--json", (directory / "known.wav").string() });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_EQ (result.err, "");

    const auto file = parsedOutput (result);
    expectDescribesKnownClip (file);
    EXPECT_EQ (file["file"].string, (directory / "known.wav").string());
    EXPECT_EQ (file.keys.front(), "file");
}

TEST (InfoJson, SeveralFilesAreAnArrayAndAnUnreadableOneIsAnErrorObjectWithStatus1)
{
    const test::TemporaryDirectory directory;
    test::writeFloatWav (directory / "known.wav", knownClip());
    test::writeBytes (directory / "junk.wav", "not audio at all");

    const auto result = test::runPartita ({ "info", "--json", (directory / "known.wav").string(),
                                            (directory / "junk.wav").string(), (directory / "missing.wav").string() });
    EXPECT_EQ (result.exitStatus, 1);

    const auto files = parsedOutput (result);
    ASSERT_EQ (files.kind, Kind::array);
    ASSERT_EQ (files.array.size(), 3u);
    expectDescribesKnownClip (files.array[0]);
    for (std::size_t index : { 1u, 2u })
    {
        const auto& failed = files.array[index];
        EXPECT_EQ (failed.keys, (std::vector<std::string> { "file", "error" }));
        EXPECT_NE (failed["error"].string, "");
        // The same message as the line on stderr.
        EXPECT_NE (result.err.find ("partita: error: " + failed["error"].string + "\n"), std::string::npos)
            << result.err;
    }
    EXPECT_EQ (files.array[1]["file"].string, (directory / "junk.wav").string());
    EXPECT_NE (files.array[2]["error"].string.find ("missing.wav"), std::string::npos);
}

TEST (InfoJson, AFileNameWithQuotesBackslashesControlsAndNonUtf8BytesStaysValidJson)
{
    const test::TemporaryDirectory directory;
    const std::string name = "a \"quoted\" \\ name\twith\nnewline \xFF\xFE.wav";
    test::writeFloatWav (directory / name, knownClip());

    const auto result = test::runPartita ({ "info", "--json", (directory / name).string() });
    ASSERT_EQ (result.exitStatus, 0) << result.err;

    const auto file = parsedOutput (result);
    expectDescribesKnownClip (file);
    // Each byte that is not UTF-8 reads back as U+FFFD; the rest as given.
    EXPECT_EQ (file["file"].string,
               (directory / "a \"quoted\" \\ name\twith\nnewline \xEF\xBF\xBD\xEF\xBF\xBD.wav").string());
}

TEST (InfoJson, StandardInputIsReadFromAPipeAndNamedDash)
{
    const test::TemporaryDirectory directory;
    test::writeFloatWav (directory / "known.wav", knownClip());

    const auto result = test::runPartitaWithPipedInput (directory / "known.wav", { "info", "--json", "-" });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    const auto file = parsedOutput (result);
    expectDescribesKnownClip (file);
    EXPECT_EQ (file["file"].string, "-");

    const auto text = test::runPartitaWithPipedInput (directory / "known.wav", { "info", "-" });
    ASSERT_EQ (text.exitStatus, 0) << text.err;
    EXPECT_EQ (text.out.rfind ("-\n  format:      WAV, 32-bit float\n", 0), 0u) << text.out;

    const auto twice = test::runPartitaWithPipedInput (directory / "known.wav", { "info", "-", "-" });
    EXPECT_EQ (twice.exitStatus, 2);
    EXPECT_NE (twice.err.find ("standard input ('-') can be read only once"), std::string::npos) << twice.err;
}

} // namespace partita
