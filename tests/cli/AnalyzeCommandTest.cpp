// SPDX-License-Identifier: GPL-3.0-or-later
// `partita analyze`, run as a built binary: its JSON read by the tests' own
// reader (keys, nulls for flagged values, the channel average), its CSV and
// SVG, its one-line errors; on a synthetic room of known T per octave band
// (SyntheticRoom) and on the measured IRs beside the repository, whose
// values are checked for plausibility (what a hall and a seminar room must
// show; see each test).
#include "CliRunner.h"
#include "CraftedAudioFiles.h"
#include "JsonReader.h"
#include "SyntheticRoom.h"
#include "TemporaryDirectory.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace partita
{
namespace
{
using Kind = test::JsonValue::Kind;
namespace fs = std::filesystem;

const fs::path irFolder = fs::path (PARTITA_SHARED_TESTDATA_DIR) / "ir";
const std::vector<double> roomTimes { 1.6, 1.5, 1.4, 1.3, 1.2, 1.1, 1.0, 0.8 };

std::vector<float> roomChannel (unsigned seed, double noiseFloorDb = -80.0)
{
    SyntheticRoom room;
    room.reverbSeconds = roomTimes;
    room.noiseFloorDb = noiseFloorDb;
    room.seed = seed;
    return room.render();
}

test::JsonValue parsed (const test::CliResult& result)
{
    try
    {
        return test::parseJson (result.out);
    }
    catch (const std::exception& error)
    {
        ADD_FAILURE() << error.what() << "\n" << result.out << result.err;
        return {};
    }
}

std::size_t countLines (const std::string& text)
{
    return static_cast<std::size_t> (std::count (text.begin(), text.end(), '\n'));
}

std::size_t countOf (const std::string& text, const std::string& what)
{
    std::size_t count = 0;
    for (auto at = text.find (what); at != std::string::npos; at = text.find (what, at + 1))
        ++count;
    return count;
}

const std::vector<std::string> parameterKeys {
    "center_hz", "edt_s", "t20_s", "t30_s", "c50_db", "c80_db", "d50", "ts_s"
};

class AnalyzeCommand : public ::testing::Test
{
protected:
    void SetUp() override
    {
        test::writeFloatWav (directory / "room.wav", test::makeClip ({ roomChannel (1) }, 48000.0));
        test::writeFloatWav (directory / "noisy.wav", test::makeClip ({ roomChannel (2, -34.0) }, 48000.0));
    }

    std::string at (const std::string& name) const { return (directory / name).string(); }

    void expectOneErrorLine (const test::CliResult& result, int status, const std::string& keyPhrase)
    {
        EXPECT_EQ (result.exitStatus, status) << result.err;
        EXPECT_EQ (result.err.rfind ("partita: error: ", 0), 0u) << result.err;
        EXPECT_EQ (countLines (result.err), 1u) << result.err;
        EXPECT_NE (result.err.find (keyPhrase), std::string::npos) << "wanted '" << keyPhrase << "' in " << result.err;
    }

    test::TemporaryDirectory directory;
};
} // namespace

TEST_F (AnalyzeCommand, JsonHasEveryBandsKeysAndTheKnownReverberationTimes)
{
    const auto result = test::runPartita ({ "analyze", "--json", at ("room.wav") });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    const auto file = parsed (result);
    ASSERT_EQ (file.kind, Kind::object);
    EXPECT_EQ (file["file"].string, at ("room.wav"));
    const auto& bands = file["bands"].array;
    ASSERT_EQ (bands.size(), 8u);
    for (std::size_t b = 0; b < bands.size(); ++b)
    {
        for (const auto& key : parameterKeys)
            EXPECT_TRUE (bands[b].has (key)) << key;
        EXPECT_NEAR (bands[b]["center_hz"].number, SyntheticRoom::centreHz (b), 1e-9);
        for (const auto* key : { "edt_s", "t20_s", "t30_s" })
        {
            ASSERT_EQ (bands[b][key].kind, Kind::number) << key;
            EXPECT_NEAR (bands[b][key].number, roomTimes[b], 0.02 * roomTimes[b]) << key << " " << b;
        }
        EXPECT_EQ (bands[b]["flags"].kind, Kind::object);
        EXPECT_TRUE (bands[b]["flags"].object.empty());
    }
    const auto& broadband = file["broadband"];
    for (const auto& key : parameterKeys)
        EXPECT_TRUE (broadband.has (key)) << key;
    EXPECT_EQ (broadband["center_hz"].kind, Kind::null);
    ASSERT_TRUE (broadband.has ("pnr_db"));
    EXPECT_GT (broadband["pnr_db"].number, 60.0);
    EXPECT_FALSE (file.has ("channels")) << "a mono file has no channels to list";
}

TEST_F (AnalyzeCommand, AFlaggedValueIsNullWithItsReasonUnderTheSameKey)
{
    // The 34 dB noise floor leaves the upper bands less than 45 dB of decay.
    const auto file = parsed (test::runPartita ({ "analyze", "--json", at ("noisy.wav") }));
    const auto& top = file["bands"].array.back(); // 8 kHz
    EXPECT_EQ (top["t30_s"].kind, Kind::null);
    ASSERT_TRUE (top["flags"].has ("t30_s"));
    EXPECT_NE (top["flags"]["t30_s"].string.find ("45 dB needed"), std::string::npos) << top["flags"]["t30_s"].string;
    const auto& bottom = file["bands"].array.front(); // 63 Hz, 52 dB above its noise
    EXPECT_EQ (bottom["t30_s"].kind, Kind::number);
    EXPECT_FALSE (bottom["flags"].has ("t30_s"));
}

TEST_F (AnalyzeCommand, SeveralChannelsAreAveragedAndListedAndOneCanBeChosen)
{
    SyntheticRoom longer;
    longer.reverbSeconds = std::vector<double> (SyntheticRoom::bandCount, 2.0);
    longer.noiseFloorDb = -80.0;
    test::writeFloatWav (directory / "stereo.wav", test::makeClip ({ roomChannel (1), longer.render() }, 48000.0));
    const auto file = parsed (test::runPartita ({ "analyze", "--json", at ("stereo.wav") }));
    ASSERT_TRUE (file.has ("channels"));
    const auto& channels = file["channels"].array;
    ASSERT_EQ (channels.size(), 2u);
    for (std::size_t b = 0; b < 8; ++b)
    {
        const double left = channels[0]["bands"].array[b]["t30_s"].number;
        const double right = channels[1]["bands"].array[b]["t30_s"].number;
        EXPECT_NEAR (left, roomTimes[b], 0.02 * roomTimes[b]);
        EXPECT_NEAR (right, 2.0, 0.04);
        EXPECT_NEAR (file["bands"].array[b]["t30_s"].number, 0.5 * (left + right), 1e-9);
    }
    EXPECT_NE (file["analysed"].string.find ("average of 2 channels"), std::string::npos);

    const auto second = parsed (test::runPartita ({ "analyze", "--json", "--channel", "2", at ("stereo.wav") }));
    EXPECT_NEAR (second["bands"].array[4]["t30_s"].number, channels[1]["bands"].array[4]["t30_s"].number, 1e-12);
    EXPECT_FALSE (second.has ("channels"));
}

TEST_F (AnalyzeCommand, ABFormatFileIsAnalysedByItsWChannel)
{
    SyntheticRoom quiet;
    quiet.reverbSeconds = std::vector<double> (SyntheticRoom::bandCount, 0.5);
    quiet.noiseFloorDb = -80.0;
    const auto other = quiet.render();
    test::writeFloatWav (directory / "hall_bformat.wav",
                         test::makeClip ({ roomChannel (1), other, other, other }, 48000.0));
    const auto file = parsed (test::runPartita ({ "analyze", "--json", at ("hall_bformat.wav") }));
    EXPECT_NE (file["analysed"].string.find ("W channel"), std::string::npos) << file["analysed"].string;
    for (std::size_t b = 0; b < 8; ++b)
        EXPECT_NEAR (file["bands"].array[b]["t30_s"].number, roomTimes[b], 0.02 * roomTimes[b]);
    EXPECT_EQ (file["channels"].array.size(), 4u);
}

TEST_F (AnalyzeCommand, ThirdOctaveBandsAreTwentyFourFrom50HzTo10kHz)
{
    const auto file = parsed (test::runPartita ({ "analyze", "--json", "--bands", "third", at ("room.wav") }));
    const auto& bands = file["bands"].array;
    ASSERT_EQ (bands.size(), 24u);
    EXPECT_NEAR (bands.front()["center_hz"].number, 50.119, 0.001);
    EXPECT_NEAR (bands.back()["center_hz"].number, 10000.0, 1e-9);
}

TEST_F (AnalyzeCommand, SeveralFilesGiveAnArrayAndAnUnreadableOneAnErrorObject)
{
    const auto result = test::runPartita ({ "analyze", "--json", at ("room.wav"), at ("missing.wav") });
    EXPECT_EQ (result.exitStatus, 1);
    EXPECT_EQ (countLines (result.err), 1u) << result.err;
    const auto files = parsed (result);
    ASSERT_EQ (files.kind, Kind::array);
    ASSERT_EQ (files.array.size(), 2u);
    EXPECT_TRUE (files.array[0].has ("bands"));
    EXPECT_TRUE (files.array[1].has ("error"));
}

TEST_F (AnalyzeCommand, CsvHasAHeaderAndARowPerBandThenBroadband)
{
    const auto result = test::runPartita ({ "analyze", "--csv", at ("noisy.wav") });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    std::istringstream lines (result.out);
    std::string header;
    std::getline (lines, header);
    EXPECT_EQ (header, "file,channel,band,center_hz,edt_s,t20_s,t30_s,c50_db,c80_db,d50,ts_s,pnr_db,edt_r,t20_r,"
                       "t30_r,flags");
    std::vector<std::string> rows;
    for (std::string line; std::getline (lines, line);)
        rows.push_back (line);
    ASSERT_EQ (rows.size(), 9u);
    EXPECT_NE (rows.front().find (",63,63.09"), std::string::npos) << rows.front();
    EXPECT_NE (rows.back().find (",broadband,,"), std::string::npos) << rows.back();
    // The 8 kHz row: T30 empty, its reason in the quoted flags cell.
    const auto& top = rows[7];
    EXPECT_NE (top.find ("t30_s: decay range"), std::string::npos) << top;
    EXPECT_EQ (top.back(), '"') << "the flags cell is quoted";
    const auto cells = [] (const std::string& row)
    {
        std::vector<std::string> out (1);
        bool quoted = false;
        for (const char c : row)
            if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
                out.emplace_back();
            else
                out.back() += c;
        return out;
    };
    ASSERT_EQ (cells (top).size(), 16u);
    EXPECT_EQ (cells (top)[6], "") << "T30 flagged";
    EXPECT_NEAR (std::stod (cells (rows[0])[5]), roomTimes[0], 0.02 * roomTimes[0]) << "63 Hz T20";
}

TEST_F (AnalyzeCommand, PlotIsAnSvgWithACurveAndALegendEntryPerBand)
{
    const auto result = test::runPartita ({ "analyze", at ("room.wav"), "--plot", at ("decay.svg") });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    const auto svg = test::readBytes (directory / "decay.svg");
    EXPECT_EQ (svg.rfind ("<?xml", 0), 0u);
    EXPECT_NE (svg.find ("<svg xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
    EXPECT_EQ (countOf (svg, "<polyline"), 9u) << "8 bands and broadband";
    EXPECT_EQ (countOf (svg, "stroke-dasharray"), 9u) << "a fit per curve";
    EXPECT_NE (svg.find ("63 Hz  T30 1.6"), std::string::npos);
    EXPECT_NE (svg.find ("time after the direct sound (s)"), std::string::npos);
    EXPECT_NE (svg.find ("energy decay (dB)"), std::string::npos);
    EXPECT_NE (svg.find ("</svg>"), std::string::npos);
    EXPECT_NE (result.out.find ("decay curves drawn in"), std::string::npos);
}

TEST_F (AnalyzeCommand, TheTableNamesEachBandAndMarksFlaggedValues)
{
    const auto result = test::runPartita ({ "analyze", at ("noisy.wav") });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_NE (result.out.find ("  band         EDT s   T20 s   T30 s  C50 dB  C80 dB     D50   Ts ms  PNR dB\n"),
               std::string::npos)
        << result.out;
    EXPECT_NE (result.out.find ("\n  broadband "), std::string::npos);
    EXPECT_NE (result.out.find ("* flagged, not a measured value:"), std::string::npos);
    EXPECT_NE (result.out.find ("8 kHz T30: decay range"), std::string::npos) << result.out;
}

TEST_F (AnalyzeCommand, BadInputGetsOneLineAndAFailingStatus)
{
    expectOneErrorLine (test::runPartita ({ "analyze", at ("missing.wav") }), 1, "missing.wav");

    test::writeFloatWav (directory / "silent.wav", test::makeClip ({ std::vector<float> (48000, 0.0f) }, 48000.0));
    expectOneErrorLine (test::runPartita ({ "analyze", at ("silent.wav") }), 1, "the impulse response is silent");

    std::vector<float> click (2400, 0.0f);
    click[10] = 1.0f;
    test::writeFloatWav (directory / "short.wav", test::makeClip ({ click }, 48000.0));
    expectOneErrorLine (test::runPartita ({ "analyze", at ("short.wav") }), 1, "too short to analyse");

    auto withNan = roomChannel (3);
    withNan[500] = std::numeric_limits<float>::quiet_NaN();
    test::writeFile (directory / "nan.wav", test::floatWav (withNan, 48000));
    expectOneErrorLine (test::runPartita ({ "analyze", at ("nan.wav") }), 1, "nan.wav");

    expectOneErrorLine (test::runPartita ({ "analyze", "--channel", "2", at ("room.wav") }), 1,
                        "has 1 channel; --channel 2 is not one of them");
    expectOneErrorLine (test::runPartita ({ "analyze", "--json", "--csv", at ("room.wav") }), 2, "--json and --csv");
    expectOneErrorLine (test::runPartita ({ "analyze", "--plot", at ("p.svg"), at ("room.wav"), at ("noisy.wav") }), 2,
                        "--plot draws one impulse response");
    expectOneErrorLine (test::runPartita ({ "analyze" }), 2, "no files given");
    expectOneErrorLine (test::runPartita ({ "analyze", "--bands", "fifth", at ("room.wav") }), 2, "--bands");
}

TEST (AnalyzeMeasuredIrs, AHallHasAPlausibleLongDecayFallingWithFrequency)
{
    // Spokane Woman's Club (OpenAIR), a hall: what any hall's IR shows.
    const auto path = irFolder / "hall_spokane_womans_club_stereo_44k1.wav";
    if (!fs::exists (path))
        GTEST_SKIP() << "no measured IRs beside the repository";
    const auto file = parsed (test::runPartita ({ "analyze", "--json", path.string() }));
    const auto& bands = file["bands"].array;
    ASSERT_EQ (bands.size(), 8u);
    const auto& b500 = bands[3];
    const auto& b1k = bands[4];
    const auto& b8k = bands[7];
    // A hall's mid-frequency T30 of 1.5 to 3.5 s, from a clean decay (r
    // near -1, plenty of range above the noise).
    for (const auto* band : { &b500, &b1k })
    {
        ASSERT_EQ ((*band)["t30_s"].kind, Kind::number);
        EXPECT_GT ((*band)["t30_s"].number, 1.5);
        EXPECT_LT ((*band)["t30_s"].number, 3.5);
        EXPECT_LT ((*band)["t30_r"].number, -0.99);
        EXPECT_GT ((*band)["pnr_db"].number, 60.0);
        // T20 and T30 of one diffuse decay agree within 10 %, EDT is shorter but the same order.
        EXPECT_NEAR ((*band)["t20_s"].number, (*band)["t30_s"].number, 0.1 * (*band)["t30_s"].number);
        EXPECT_GT ((*band)["edt_s"].number, 0.5 * (*band)["t30_s"].number);
    }
    // Air absorption: 8 kHz decays at least twice as fast as 1 kHz.
    EXPECT_LT (b8k["t30_s"].number, 0.5 * b1k["t30_s"].number);
    // Energy ratios in their physical ranges: D50 in (0, 1) and, in each
    // channel (not in their average), C50 = 10 lg (D50 / (1 - D50)).
    for (const auto& band : file["channels"].array[0]["bands"].array)
        if (band["d50"].kind == Kind::number)
        {
            const double d50 = band["d50"].number;
            EXPECT_GT (d50, 0.0);
            EXPECT_LT (d50, 1.0);
            EXPECT_NEAR (band["c50_db"].number, 10.0 * std::log10 (d50 / (1.0 - d50)), 1e-6);
        }
    EXPECT_EQ (file["channels"].array.size(), 2u);
}

TEST (AnalyzeMeasuredIrs, ASeminarRoomClapIsShortAndClearAndHasNoBass)
{
    // A board clap in a seminar room: T30 under a second at mid frequencies,
    // clear (C80 > 0 dB), and a clap has next to no energy at 63 and 125 Hz,
    // so those bands must be flagged, not printed as if good.
    const auto path = irFolder / "room_seminar_clap_mono_44k1.wav";
    if (!fs::exists (path))
        GTEST_SKIP() << "no measured IRs beside the repository";
    const auto file = parsed (test::runPartita ({ "analyze", "--json", path.string() }));
    const auto& bands = file["bands"].array;
    for (const std::size_t b : { 4u, 5u, 6u }) // 1, 2, 4 kHz
    {
        ASSERT_EQ (bands[b]["t30_s"].kind, Kind::number) << b;
        EXPECT_GT (bands[b]["t30_s"].number, 0.3);
        EXPECT_LT (bands[b]["t30_s"].number, 1.2);
        EXPECT_GT (bands[b]["c80_db"].number, 0.0);
    }
    for (const std::size_t b : { 0u, 1u })
    {
        EXPECT_LT (bands[b]["pnr_db"].number, 20.0);
        EXPECT_EQ (bands[b]["t30_s"].kind, Kind::null);
        EXPECT_EQ (bands[b]["t20_s"].kind, Kind::null);
        EXPECT_EQ (bands[b]["edt_s"].kind, Kind::null);
    }
}

TEST (AnalyzeMeasuredIrs, TheTwoEarsOfABinauralIrHearTheSameDecay)
{
    // One room, one source: the left and right ears' T30 agree within 10 %
    // wherever both are reliable (the decay is a property of the room).
    const auto path = irFolder / "brir_seminar_clap_kemar_44k1.wav";
    if (!fs::exists (path))
        GTEST_SKIP() << "no measured IRs beside the repository";
    const auto file = parsed (test::runPartita ({ "analyze", "--json", path.string() }));
    const auto& channels = file["channels"].array;
    ASSERT_EQ (channels.size(), 2u);
    int compared = 0;
    for (std::size_t b = 0; b < 8; ++b)
    {
        const auto& left = channels[0]["bands"].array[b]["t30_s"];
        const auto& right = channels[1]["bands"].array[b]["t30_s"];
        if (left.kind != Kind::number || right.kind != Kind::number)
            continue;
        EXPECT_NEAR (left.number, right.number, 0.1 * left.number) << b;
        ++compared;
    }
    EXPECT_GE (compared, 4);
}

} // namespace partita
