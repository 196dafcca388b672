// SPDX-License-Identifier: GPL-3.0-or-later
// The Impulcifer recordings (MIT; see ../shared/testdata/ir/LICENSES.md): a
// dry 6.15 s exponential sweep from 2.93 Hz to 24 kHz, played with 2 s of
// silence on either side through the centre (FC) loudspeaker of a listening
// room and recorded with a measurement microphone and with in-ear binaural
// microphones. Partita did not make the sweep, so the regularised inverse
// is used.
#include "analysis/EnergyDecayCurve.h"
#include "io/AudioFileReader.h"
#include "measure/SweepDeconvolver.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

namespace partita
{
namespace
{

const std::filesystem::path irFolder = std::filesystem::path (PARTITA_SHARED_TESTDATA_DIR) / "ir";

class RealRecordings : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (!std::filesystem::exists (irFolder / "sweep_dry_ess_6.15s_48k.wav"))
            GTEST_SKIP() << "no recordings at " << irFolder << " (they live beside the repository, not in it)";
    }

    static DeconvolutionResult deconvolve (const char* name)
    {
        const auto sweep = readSweepFile (irFolder / "sweep_dry_ess_6.15s_48k.wav");
        const auto recording = readAudioFile (irFolder / name);
        return SweepDeconvolver (sweep).deconvolve (std::span (&recording, 1));
    }

    static double reverbTime (const std::vector<double>& response)
    {
        std::vector<double> energy (response.size());
        std::transform (response.begin(), response.end(), energy.begin(), [] (double x) { return x * x; });
        return EnergyDecayCurve (energy, 48000.0).reverberationTime().reverbTimeSeconds;
    }
};

TEST_F (RealRecordings, RoomMicrophoneGivesAHighPnrAPlausibleLatencyAndT30)
{
    const auto result = deconvolve ("sweep_rec_room_FC_mono_48k.wav");
    EXPECT_EQ (result.method, InverseMethod::regularised);
    ASSERT_EQ (result.channels.size(), 1u);
    const auto& channel = result.channels.front();
    const double t30 = reverbTime (channel.impulseResponse);
    std::cout << "room: PNR " << channel.peakToNoiseDb << " dB, latency " << channel.latencySeconds << " s, length "
              << channel.lengthSeconds << " s, T " << t30 << " s\n";
    // LICENSES.md: about 84 dB by regularised division, the peak about 2.51 s
    // in (2 s of padding, then the system's latency and the travel time).
    EXPECT_GT (channel.peakToNoiseDb, 70.0);
    EXPECT_GT (channel.latencySeconds, 2.0);
    EXPECT_LT (channel.latencySeconds, 2.6);
    // A furnished listening room: a few tenths of a second.
    EXPECT_GT (t30, 0.15);
    EXPECT_LT (t30, 1.0);
}

TEST_F (RealRecordings, BinauralEarsAgreeOnAFrontCentreSource)
{
    const auto result = deconvolve ("sweep_rec_binaural_FC_48k.wav");
    ASSERT_EQ (result.channels.size(), 2u);
    const auto& left = result.channels[0];
    const auto& right = result.channels[1];
    const double interauralMs =
        (static_cast<double> (right.latencyFrames) - static_cast<double> (left.latencyFrames)) / 48.0;
    std::cout << "binaural: PNR " << left.peakToNoiseDb << " / " << right.peakToNoiseDb << " dB, latency "
              << left.latencySeconds << " / " << right.latencySeconds << " s, right - left " << interauralMs
              << " ms, T " << reverbTime (left.impulseResponse) << " / " << reverbTime (right.impulseResponse)
              << " s\n";
    EXPECT_GT (left.peakToNoiseDb, 70.0);
    EXPECT_GT (right.peakToNoiseDb, 70.0);
    // A source straight ahead reaches both ears at once; a head's largest
    // interaural delay is about 0.7 ms (source at 90 degrees).
    EXPECT_LT (std::abs (interauralMs), 0.1);

    // The interaural delay from the waveforms too: the lag (within a head's
    // +-0.8 ms) that best aligns the ears' first 3 ms, by brute force.
    const auto& l = left.impulseResponse;
    const auto& r = right.impulseResponse;
    const std::size_t from = result.channels[0].latencyFrames - result.framesRemoved;
    const std::ptrdiff_t maxLag = 40;
    std::ptrdiff_t bestLag = 0;
    double best = -1.0;
    for (std::ptrdiff_t lag = -maxLag; lag <= maxLag; ++lag)
    {
        double sum = 0.0;
        for (std::size_t k = from; k < from + 144; ++k)
        {
            const auto j = static_cast<std::ptrdiff_t> (k) + lag;
            if (j >= 0 && static_cast<std::size_t> (j) < r.size())
                sum += l[k] * r[static_cast<std::size_t> (j)];
        }
        if (sum > best)
        {
            best = sum;
            bestLag = lag;
        }
    }
    std::cout << "binaural: cross-correlation lag right vs left " << bestLag << " samples ("
              << static_cast<double> (bestLag) / 48.0 << " ms)\n";
    EXPECT_LE (std::abs (bestLag), 5); // 0.1 ms
    EXPECT_GT (reverbTime (left.impulseResponse), 0.15);
    EXPECT_LT (reverbTime (left.impulseResponse), 1.0);
}

} // namespace
} // namespace partita
