// SPDX-License-Identifier: GPL-3.0-or-later
// `partita correlate`, run as the built binary on real files: its output
// against a brute-force cross-correlation in double written here from the
// definition, against values worked out by hand (numpy.correlate's), and the
// lag of a known delay.
#include "CliRunner.h"
#include "JsonReader.h"
#include "TemporaryDirectory.h"
#include "TestSignals.h"
#include "io/AudioFileReader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace partita
{
namespace
{
namespace fs = std::filesystem;

/** r[L] = sum_k a[k + L] b[k], for the lags of the documented numbering:
    full starts at L = -(M - 1); same at -(M - 1) + floor((M - 1) / 2) and
    keeps N; valid keeps the lags at which neither signal runs out. */
std::vector<double> bruteForceCorrelation (const std::vector<float>& a, const std::vector<float>& b,
                                           const std::string& mode)
{
    const auto n = static_cast<std::ptrdiff_t> (a.size());
    const auto m = static_cast<std::ptrdiff_t> (b.size());
    std::ptrdiff_t firstLag = -(m - 1);
    std::ptrdiff_t count = n + m - 1;
    if (mode == "same")
    {
        firstLag += (m - 1) / 2;
        count = n;
    }
    else if (mode == "valid")
    {
        firstLag = n >= m ? 0 : -(m - n);
        count = std::max (n, m) - std::min (n, m) + 1;
    }

    std::vector<double> result;
    for (std::ptrdiff_t lag = firstLag; lag < firstLag + count; ++lag)
    {
        double sum = 0.0;
        for (std::ptrdiff_t k = 0; k < m; ++k)
            if (k + lag >= 0 && k + lag < n)
                sum += static_cast<double> (a[static_cast<std::size_t> (k + lag)])
                       * static_cast<double> (b[static_cast<std::size_t> (k)]);
        result.push_back (sum);
    }
    return result;
}

/** `signal` delayed by `delay` samples, as long as it. */
std::vector<float> delayed (const std::vector<float>& signal, std::size_t delay)
{
    std::vector<float> result (signal.size(), 0.0f);
    std::copy (signal.begin(), signal.end() - static_cast<std::ptrdiff_t> (delay),
               result.begin() + static_cast<std::ptrdiff_t> (delay));
    return result;
}

std::vector<std::string> linesOf (const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream stream (text);
    for (std::string line; std::getline (stream, line);)
        lines.push_back (line);
    return lines;
}

class CorrelateCommand : public ::testing::Test
{
protected:
    std::string at (const std::string& name) const { return (directory / name).string(); }

    void writeClip (const std::string& name, const std::vector<std::vector<float>>& channels, double rate = 48000.0)
    {
        test::writeFloatWav (directory / name, test::makeClip (channels, rate));
    }

    /** Runs `partita correlate` and returns its output file's channels. */
    std::vector<std::vector<double>> correlateToFile (const std::vector<std::string>& options)
    {
        std::vector<std::string> arguments { "correlate", at ("a.wav"), at ("b.wav"), "-o", at ("out.wav"), "--force" };
        arguments.insert (arguments.end(), options.begin(), options.end());
        const auto result = test::runPartita (arguments);
        EXPECT_EQ (result.exitStatus, 0) << result.err;
        return readAudioFile (directory / "out.wav").channels;
    }

    /** The lags --quiet prints, one per channel pair. */
    std::vector<long> quietLags (const std::string& first, const std::string& second,
                                 const std::vector<std::string>& options = {})
    {
        std::vector<std::string> arguments { "correlate", at (first), at (second), "-q" };
        arguments.insert (arguments.end(), options.begin(), options.end());
        const auto result = test::runPartita (arguments);
        EXPECT_EQ (result.exitStatus, 0) << result.err;
        EXPECT_EQ (result.err, "");
        std::vector<long> lags;
        for (const auto& line : linesOf (result.out))
            lags.push_back (std::stol (line));
        return lags;
    }

    test::TemporaryDirectory directory;
};

/** Failures say one line on stderr, nothing on stdout, and leave no file. */
void expectOneLineFailure (const test::CliResult& result, int status, const std::string& keyPhrase)
{
    EXPECT_EQ (result.exitStatus, status) << result.err;
    EXPECT_EQ (result.err.rfind ("partita: error: ", 0), 0u) << result.err;
    EXPECT_EQ (std::count (result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    EXPECT_NE (result.err.find (keyPhrase), std::string::npos) << "wanted '" << keyPhrase << "' in: " << result.err;
    EXPECT_EQ (result.out, "");
}
} // namespace

TEST_F (CorrelateCommand, GivesNumpysCorrelationOfTheWorkedExampleInEveryMode)
{
    // numpy.correlate([1,2,3,4,6,8], [0.1,0.4,0.5,0.2], mode), worked by hand:
    // r[L] = sum_k a[k + L] b[k]; e.g. L = -3 gives a[0] b[3] = 0.2.
    writeClip ("a.wav", { { 1.0f, 2.0f, 3.0f, 4.0f, 6.0f, 8.0f } });
    writeClip ("b.wav", { { 0.1f, 0.4f, 0.5f, 0.2f } });
    const struct
    {
        const char* mode;
        std::vector<double> expected;
    } cases[] = {
        { "full", { 0.2, 0.9, 2.0, 3.2, 4.6, 6.5, 6.8, 3.8, 0.8 } },
        { "same", { 0.9, 2.0, 3.2, 4.6, 6.5, 6.8 } },
        { "valid", { 3.2, 4.6, 6.5 } },
    };
    for (const auto& expectation : cases)
        for (const auto* method : { "direct", "fft" })
        {
            const auto output = correlateToFile ({ "--mode", expectation.mode, "--method", method });
            ASSERT_EQ (output.size(), 1u);
            ASSERT_EQ (output[0].size(), expectation.expected.size()) << expectation.mode;
            for (std::size_t n = 0; n < output[0].size(); ++n)
                EXPECT_NEAR (output[0][n], expectation.expected[n], 1e-5)
                    << expectation.mode << " " << method << " " << n;
        }
}

TEST_F (CorrelateCommand, MatchesABruteForceDoubleCorrelationForOddAndEvenLengths)
{
    // Every parity of N and M, and a B longer than A (where valid mode's
    // lags turn negative), in double precision: the file holds doubles.
    const struct
    {
        std::size_t n;
        std::size_t m;
    } sizes[] = { { 9, 4 }, { 9, 5 }, { 10, 4 }, { 10, 5 }, { 257, 64 }, { 256, 63 }, { 6, 11 }, { 7, 10 } };

    for (const auto& size : sizes)
    {
        const auto a = test::whiteNoise (size.n, static_cast<std::uint32_t> (size.n));
        const auto b = test::whiteNoise (size.m, static_cast<std::uint32_t> (1000 + size.m));
        writeClip ("a.wav", { a });
        writeClip ("b.wav", { b });
        for (const std::string mode : { "full", "same", "valid" })
            for (const auto* method : { "direct", "fft" })
            {
                const auto expected = bruteForceCorrelation (a, b, mode);
                const auto output = correlateToFile (
                    { "--mode", mode, "--method", method, "--precision", "double", "--format", "double" });
                const auto where =
                    std::to_string (size.n) + " x " + std::to_string (size.m) + " " + mode + " " + method;
                ASSERT_EQ (output.size(), 1u) << where;
                ASSERT_EQ (output[0].size(), expected.size()) << where;
                double largestError = 0.0;
                for (std::size_t n = 0; n < expected.size(); ++n)
                    largestError = std::max (largestError, std::abs (output[0][n] - expected[n]));
                EXPECT_LT (largestError, 1e-12) << where;
            }
    }
}

TEST_F (CorrelateCommand, TheLagOfACopyDelayedBy37SamplesIsPlus37AndMinus37Swapped)
{
    const auto noise = test::whiteNoise (20000, 37);
    writeClip ("noise.wav", { noise });
    writeClip ("late.wav", { delayed (noise, 37) });

    EXPECT_EQ (quietLags ("late.wav", "noise.wav"), std::vector<long> { 37 });
    EXPECT_EQ (quietLags ("noise.wav", "late.wav"), std::vector<long> { -37 });
    EXPECT_EQ (quietLags ("noise.wav", "noise.wav"), std::vector<long> { 0 });
    for (const auto* method : { "direct", "fft" })
        EXPECT_EQ (quietLags ("late.wav", "noise.wav", { "--method", method, "--precision", "double" }),
                   std::vector<long> { 37 })
            << method;

    // The full line states the lag in samples and ms and which file is later.
    const auto result = test::runPartita ({ "correlate", at ("late.wav"), at ("noise.wav") });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_NE (result.out.find ("lag +37 samples (+0.771 ms)"), std::string::npos) << result.out; // 37 / 48 kHz
    EXPECT_NE (result.out.find ("'late.wav' is later by 37 samples"), std::string::npos) << result.out;
    EXPECT_NE (result.out.find ("normalised +0.99"), std::string::npos) << result.out;
}

TEST_F (CorrelateCommand, JsonGivesEachPairsLagInSamplesAndMsForScripts)
{
    const auto noise = test::whiteNoise (20000, 37);
    writeClip ("noise.wav", { noise, noise });
    writeClip ("late.wav", { delayed (noise, 37), delayed (noise, 12) });

    const auto result =
        test::runPartita ({ "correlate", at ("late.wav"), at ("noise.wav"), "--json", "--mode", "same" });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    const auto json = test::parseJson (result.out);
    EXPECT_EQ (json["sample_rate_hz"].number, 48000.0);
    EXPECT_EQ (json["mode"].string, "same");
    EXPECT_EQ (json["b"].string, at ("noise.wav"));
    const auto& pairs = json["pairs"].array;
    ASSERT_EQ (pairs.size(), 2u);
    const double lags[] = { 37.0, 12.0 };
    for (std::size_t pair = 0; pair < pairs.size(); ++pair)
    {
        EXPECT_EQ (pairs[pair]["a_channel"].number, static_cast<double> (pair + 1));
        EXPECT_EQ (pairs[pair]["b_channel"].number, static_cast<double> (pair + 1));
        EXPECT_EQ (pairs[pair]["lag_samples"].number, lags[pair]);
        EXPECT_NEAR (pairs[pair]["lag_ms"].number, 1000.0 * lags[pair] / 48000.0, 1e-12);
        EXPECT_GT (pairs[pair]["normalised_peak"].number, 0.99);
    }

    const auto both = test::runPartita ({ "correlate", at ("late.wav"), at ("noise.wav"), "--json", "-q" });
    EXPECT_EQ (both.exitStatus, 2);
    EXPECT_NE (both.err.find ("--json and --quiet"), std::string::npos) << both.err;
}

TEST_F (CorrelateCommand, AnExcerptIsFoundAtItsOffsetInEveryMode)
{
    // B is A[500 .. 2499]: A[k + 500] = B[k], so the lag is +500 whichever
    // part of the correlation the mode keeps.
    const auto noise = test::whiteNoise (6000, 5);
    const std::vector<float> excerpt (noise.begin() + 500, noise.begin() + 2500);
    writeClip ("long.wav", { noise });
    writeClip ("excerpt.wav", { excerpt });
    for (const auto* mode : { "full", "same", "valid" })
        EXPECT_EQ (quietLags ("long.wav", "excerpt.wav", { "--mode", mode }), std::vector<long> { 500 }) << mode;
}

TEST_F (CorrelateCommand, StereoAAgainstMonoBGivesOneLagPerChannelAndAnInvertedPeak)
{
    const auto noise = test::whiteNoise (8000, 9);
    auto invertedLate = delayed (noise, 12);
    for (auto& sample : invertedLate)
        sample = -sample;
    writeClip ("stereo.wav", { delayed (noise, 3), invertedLate });
    writeClip ("mono.wav", { noise });

    EXPECT_EQ (quietLags ("stereo.wav", "mono.wav"), (std::vector<long> { 3, 12 }));
    EXPECT_EQ (quietLags ("mono.wav", "stereo.wav"), (std::vector<long> { -3, -12 }));

    const auto result = test::runPartita ({ "correlate", at ("stereo.wav"), at ("mono.wav") });
    const auto lines = linesOf (result.out);
    ASSERT_EQ (lines.size(), 2u) << result.out;
    EXPECT_EQ (lines[1].rfind ("A ch 2 x B ch 1: lag +12 samples", 0), 0u) << lines[1];
    EXPECT_NE (lines[1].find ("normalised -0.99"), std::string::npos) << lines[1];
}

TEST_F (CorrelateCommand, WritesOneChannelPerPairAndReportsTheFile)
{
    const auto left = test::whiteNoise (300, 11);
    const auto right = test::whiteNoise (300, 12);
    const auto bLeft = test::whiteNoise (40, 13);
    const auto bRight = test::whiteNoise (40, 14);
    writeClip ("a.wav", { left, right }, 44100.0);
    writeClip ("b.wav", { bLeft, bRight }, 44100.0);

    const auto result = test::runPartita ({ "correlate", at ("a.wav"), at ("b.wav"), "-o", at ("out.wav") });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_NE (result.out.find ("out.wav: 2 ch, 44100 Hz"), std::string::npos) << result.out;

    const auto output = readAudioFile (directory / "out.wav");
    EXPECT_EQ (output.sampleRate, 44100.0);
    EXPECT_NE (readAudioFileInfo (directory / "out.wav").sampleFormat.find ("float"), std::string::npos);
    ASSERT_EQ (output.numChannels(), 2u);
    const std::vector<double> references[] = { bruteForceCorrelation (left, bLeft, "full"),
                                               bruteForceCorrelation (right, bRight, "full") };
    for (std::size_t channel = 0; channel < 2; ++channel)
    {
        ASSERT_EQ (output.channels[channel].size(), 339u);
        for (std::size_t n = 0; n < 339; ++n)
            EXPECT_NEAR (output.channels[channel][n], references[channel][n], 1e-5) << channel << " " << n;
    }
}

TEST_F (CorrelateCommand, WarnsWhenAFixedPointOutputClipsTheCorrelation)
{
    // The autocorrelation of 2000 samples of noise peaks near 2000 / 3.
    const auto noise = test::whiteNoise (2000, 21);
    writeClip ("a.wav", { noise });
    writeClip ("b.wav", { noise });
    const auto result =
        test::runPartita ({ "correlate", at ("a.wav"), at ("b.wav"), "-o", at ("out.wav"), "--format", "16" });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_NE (result.err.find ("samples beyond full scale were clipped in 16-bit PCM"), std::string::npos)
        << result.err;
    EXPECT_NE (readAudioFileInfo (directory / "out.wav").sampleFormat.find ("16"), std::string::npos);
}

TEST_F (CorrelateCommand, RefusesWhatItCannotPairOrWouldOverwrite)
{
    writeClip ("a.wav", { test::whiteNoise (100, 1) });
    writeClip ("b.wav", { test::whiteNoise (50, 2) });
    writeClip ("three.wav", { test::whiteNoise (100, 3), test::whiteNoise (100, 4), test::whiteNoise (100, 5) });
    writeClip ("two.wav", { test::whiteNoise (100, 6), test::whiteNoise (100, 7) });
    writeClip ("other_rate.wav", { test::whiteNoise (100, 8) }, 44100.0);
    test::writeBytes (directory / "existing.wav", "keep");

    expectOneLineFailure (test::runPartita ({ "correlate", at ("three.wav"), at ("two.wav") }), 1,
                          "give two files with as many channels, or one mono file");
    expectOneLineFailure (test::runPartita ({ "correlate", at ("a.wav"), at ("other_rate.wav") }), 1,
                          "a lag needs one sample rate");
    expectOneLineFailure (test::runPartita ({ "correlate", at ("a.wav") }), 2, "correlate needs two, A and B");
    expectOneLineFailure (test::runPartita ({ "correlate", at ("a.wav"), at ("b.wav"), at ("two.wav") }), 2,
                          "is a third");
    expectOneLineFailure (test::runPartita ({ "correlate", at ("a.wav"), at ("b.wav"), "--mode", "centre" }), 2,
                          "option --mode must be full, same or valid");
    expectOneLineFailure (test::runPartita ({ "correlate", at ("a.wav"), at ("missing.wav") }), 1, "missing.wav");
    expectOneLineFailure (test::runPartita ({ "correlate", at ("a.wav"), at ("b.wav"), "-o", at ("b.wav") }), 1,
                          "never overwrites its input");
    expectOneLineFailure (test::runPartita ({ "correlate", at ("a.wav"), at ("b.wav"), "-o", at ("existing.wav") }), 1,
                          "use --force");
    expectOneLineFailure (
        test::runPartita ({ "correlate", at ("a.wav"), at ("b.wav"), "-o", directory.path().string() }), 1,
        "must name a file");
    EXPECT_EQ (test::readBytes (directory / "existing.wav"), "keep");
    EXPECT_EQ (
        test::folderEntries (directory.path()),
        (std::vector<std::string> { "a.wav", "b.wav", "existing.wav", "other_rate.wav", "three.wav", "two.wav" }));
}

TEST_F (CorrelateCommand, HelpStatesTheSignConventionAndTheSharedOptions)
{
    const auto result = test::runPartita ({ "correlate", "--help" });
    ASSERT_EQ (result.exitStatus, 0);
    for (const auto* phrase :
         { "A positive lag means A is later than B", "without being flipped", "--mode full|same|valid",
           "--method auto|direct|fft", "--precision single|double", "--format ", "--quiet" })
        EXPECT_NE (result.out.find (phrase), std::string::npos) << phrase;
}

} // namespace partita
