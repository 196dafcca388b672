// SPDX-License-Identifier: GPL-3.0-or-later
// The real measured IRs beside the repository (see testdata/ir/LICENSES.md):
// every one must load with the channels, rate, length and sample format that
// LICENSES.md lists (taken from soxi, not from this code).
#include "IoTestHelpers.h"
#include "io/AudioFileReader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

namespace partita
{
namespace
{
const std::filesystem::path irFolder = std::filesystem::path (PARTITA_SHARED_TESTDATA_DIR) / "ir";

struct MeasuredIr
{
    const char* fileName;
    std::size_t channels;
    double sampleRate;
    double seconds; // as LICENSES.md gives it, to 3 decimals
    const char* sampleFormat;
};

constexpr MeasuredIr measuredIrs[] = {
    { "room_seminar_clap_mono_44k1.wav", 1, 44100.0, 1.000, "16-bit PCM" },
    { "brir_seminar_clap_kemar_44k1.wav", 2, 44100.0, 1.043, "16-bit PCM" },
    { "room_unterlinden_basement_clap_stereo_48k.wav", 2, 48000.0, 3.312, "24-bit PCM" },
    { "hall_spokane_womans_club_stereo_44k1.wav", 2, 44100.0, 6.002, "24-bit PCM" },
    { "hall_jack_lyons_bformat_96k.wav", 4, 96000.0, 4.000, "16-bit PCM" },
    { "church_st_margarets_bformat_44k1.wav", 4, 44100.0, 2.000, "32-bit PCM" },
    { "cab_akrt_modern_us_002_44k1.wav", 2, 44100.0, 0.147, "32-bit float" },
    { "hrir_sadie_ku100_azi90_ele0_48k.wav", 2, 48000.0, 0.00533, "24-bit PCM" },
    { "sweep_dry_ess_6.15s_48k.wav", 1, 48000.0, 6.151, "32-bit PCM" },
    { "sweep_rec_room_FC_mono_48k.wav", 1, 48000.0, 10.151, "32-bit PCM" },
    { "sweep_rec_binaural_FC_48k.wav", 2, 48000.0, 10.151, "32-bit PCM" },
};

void PrintTo (const MeasuredIr& ir, std::ostream* stream)
{
    *stream << ir.fileName;
}

class MeasuredIrFile : public ::testing::TestWithParam<MeasuredIr>
{
};

TEST_P (MeasuredIrFile, LoadsWithTheListedChannelsRateAndLength)
{
    if (!std::filesystem::is_directory (irFolder))
        GTEST_SKIP() << "no measured IRs at " << irFolder << " (they live beside the repository, not in it)";

    const auto& expected = GetParam();
    const auto path = irFolder / expected.fileName;

    const auto info = readAudioFileInfo (path);
    const auto clip = readAudioFile (path);

    EXPECT_EQ (info.formatName, "WAV");
    EXPECT_EQ (info.sampleFormat, expected.sampleFormat);
    EXPECT_EQ (clip.numChannels(), expected.channels);
    EXPECT_EQ (clip.sampleRate, expected.sampleRate);
    EXPECT_EQ (clip.numFrames(), info.numFrames);

    // Lengths are listed rounded to the last digit given; the hrir is
    // listed as 256 samples.
    const double seconds = static_cast<double> (clip.numFrames()) / clip.sampleRate;
    const double halfLastDigit = expected.seconds < 0.01 ? 0.000005 : 0.0005;
    EXPECT_NEAR (seconds, expected.seconds, halfLastDigit);

    double peak = 0.0;
    for (const auto& channel : clip.channels)
        for (const auto sample : channel)
            peak = std::max (peak, std::abs (sample));
    EXPECT_GT (peak, 0.0);
}

INSTANTIATE_TEST_SUITE_P (EveryListedFile, MeasuredIrFile, ::testing::ValuesIn (measuredIrs),
                          [] (const ::testing::TestParamInfo<MeasuredIr>& testCase) {
                              return test::testNameFor (
                                  std::filesystem::path (testCase.param.fileName).stem().string());
                          });

TEST (MeasuredIrFiles, AreAllElevenThere)
{
    if (!std::filesystem::is_directory (irFolder))
        GTEST_SKIP() << "no measured IRs at " << irFolder;

    std::size_t wavFiles = 0;
    for (const auto& entry : std::filesystem::directory_iterator (irFolder))
        if (entry.path().extension() == ".wav")
            ++wavFiles;
    EXPECT_EQ (wavFiles, std::size (measuredIrs));
}

TEST (MeasuredIrFiles, TheCabinetIrIsDualMonoAsListed)
{
    if (!std::filesystem::is_directory (irFolder))
        GTEST_SKIP() << "no measured IRs at " << irFolder;

    const auto clip = readAudioFile (irFolder / "cab_akrt_modern_us_002_44k1.wav");

    ASSERT_EQ (clip.numChannels(), 2u);
    EXPECT_EQ (clip.channels[0], clip.channels[1]);
}

TEST (MeasuredIrFiles, TheHrirLeftEarLeadsForASourceOnTheLeft)
{
    if (!std::filesystem::is_directory (irFolder))
        GTEST_SKIP() << "no measured IRs at " << irFolder;

    const auto clip = readAudioFile (irFolder / "hrir_sadie_ku100_azi90_ele0_48k.wav");
    ASSERT_EQ (clip.numChannels(), 2u);

    // Onset: first sample above half the channel's peak.
    const auto onset = [] (const std::vector<double>& channel)
    {
        double peak = 0.0;
        for (const auto sample : channel)
            peak = std::max (peak, std::abs (sample));
        std::size_t n = 0;
        while (n < channel.size() && std::abs (channel[n]) < 0.5 * peak)
            ++n;
        return static_cast<double> (n);
    };

    // LICENSES.md: the left ear leads by 38 samples.
    EXPECT_NEAR (onset (clip.channels[1]) - onset (clip.channels[0]), 38.0, 4.0);
}
} // namespace
} // namespace partita
