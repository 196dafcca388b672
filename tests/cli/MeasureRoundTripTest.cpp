// SPDX-License-Identifier: GPL-3.0-or-later
// The whole measurement with the built binary: a synthetic room of known
// reverberation time per octave (SyntheticRoom, built from its definition)
// excited by `partita sweep`, recorded with a little noise, turned back into
// an IR by `partita deconvolve` and analysed by `partita analyze`: each
// band's T30 within 2 % of the room's.
#include "CliRunner.h"
#include "JsonReader.h"
#include "SyntheticRoom.h"
#include "TemporaryDirectory.h"
#include "engine/WholeSignalConvolution.h"
#include "io/AudioFileReader.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace partita
{
namespace
{

TEST (MeasureRoundTrip, SweepDeconvolveAnalyzeGivesTheRoomsT30WithinTwoPercent)
{
    const test::TemporaryDirectory folder;
    const auto sweepPath = (folder / "sweep.wav").string();
    const auto made = test::runPartita ({ "sweep", "-o", sweepPath, "--duration", "5", "--silence", "4" });
    ASSERT_EQ (made.exitStatus, 0) << made.err;

    const std::vector<double> reverbTimes { 1.2, 1.1, 1.0, 0.9, 0.8, 0.7, 0.6, 0.5 };
    SyntheticRoom room;
    room.reverbSeconds = reverbTimes;
    const auto roomIr = room.render();
    const std::vector<double> response (roomIr.begin(), roomIr.end());

    // The room's answer to the sweep, as long as the sweep file, plus the
    // recording's noise at -120 dBFS RMS.
    const auto sweep = readAudioFile (sweepPath).channels.front();
    auto wet = convolve<double> (sweep, response);
    wet.resize (sweep.size());
    std::mt19937 generator (3382);
    std::normal_distribution<double> noise (0.0, 1.0e-6);
    for (auto& sample : wet)
        sample += noise (generator);
    AudioClip recording;
    recording.sampleRate = 48000.0;
    recording.channels = { wet };
    test::writeFloatWav (folder / "take.wav", recording);

    const auto irPath = (folder / "ir.wav").string();
    const auto deconvolved =
        test::runPartita ({ "deconvolve", (folder / "take.wav").string(), "--sweep", sweepPath, "-o", irPath });
    ASSERT_EQ (deconvolved.exitStatus, 0) << deconvolved.err;
    std::cout << deconvolved.out;

    const auto analysed = test::runPartita ({ "analyze", "--json", irPath });
    ASSERT_EQ (analysed.exitStatus, 0) << analysed.err;
    const auto file = test::parseJson (analysed.out);
    const auto& bands = file["bands"].array;
    ASSERT_EQ (bands.size(), reverbTimes.size());
    for (std::size_t band = 0; band < bands.size(); ++band)
    {
        ASSERT_EQ (bands[band]["t30_s"].kind, test::JsonValue::Kind::number) << "band " << band;
        const double t30 = bands[band]["t30_s"].number;
        std::cout << SyntheticRoom::centreHz (band) << " Hz: T30 " << t30 << " s (room " << reverbTimes[band] << " s, "
                  << 100.0 * (t30 / reverbTimes[band] - 1.0) << " %)\n";
        EXPECT_NEAR (t30, reverbTimes[band], 0.02 * reverbTimes[band]) << "band " << band;
    }
}

} // namespace
} // namespace partita
