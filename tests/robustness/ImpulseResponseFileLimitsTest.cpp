// SPDX-License-Identifier: GPL-3.0-or-later
// Crafted IR files that must be refused from their header, before a sample
// buffer is allocated: each with a clear one-line message naming the file
// and the reason, with little work whatever the header promises: under 100 ms
// of CPU and 1 MiB read (work, not wall time, so that a loaded machine cannot
// fail it, while decoding the file or filling a buffer the header asks for
// would).
#include "CraftedAudioFiles.h"
#include "TemporaryDirectory.h"
#include "WorkMeter.h"
#include "cli/Application.h"
#include "io/AudioFileError.h"
#include "io/AudioFileReader.h"
#include "ir/ImpulseResponsePreparation.h"
#include "ir/ImpulseResponseReadLimits.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <cstdint>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace partita
{
namespace
{
    constexpr double limitCpuMilliseconds = 100.0;
    /** A header is read in a few KiB; the smallest file refused for its
        length holds 8 MiB. */
    constexpr std::int64_t limitBytesRead = 1024 * 1024;

    /** The plugin's limits: the IR limits with the channels it can route. */
    constexpr AudioReadLimits pluginLimits = impulseResponseReadLimits (8);

    struct Rejection
    {
        std::string message;
        double cpuMilliseconds = 0.0;
        std::int64_t bytesRead = 0;
        bool threwAudioFileError = false;
    };

    Rejection rejectionOf (const std::filesystem::path& path, const AudioReadLimits& limits)
    {
        Rejection rejection;
        const test::WorkMeter work;
        try
        {
            (void) readAudioFile (path, limits);
        }
        catch (const AudioFileError& error)
        {
            rejection.message = error.what();
            rejection.threwAudioFileError = true;
        }
        catch (const std::exception& error)
        {
            rejection.message = std::string ("unexpected exception: ") + error.what();
        }
        rejection.cpuMilliseconds = work.cpuMilliseconds();
        rejection.bytesRead = work.bytesRead();
        return rejection;
    }

    /** Refused with an AudioFileError, one line, naming the file and
        holding every expected word, with little work. */
    void expectRejected (const std::filesystem::path& path, const AudioReadLimits& limits,
                         const std::vector<std::string>& expectedWords)
    {
        const auto rejection = rejectionOf (path, limits);
        const auto& message = rejection.message;
        EXPECT_TRUE (rejection.threwAudioFileError) << message;
        EXPECT_NE (message.find (path.filename().string()), std::string::npos) << message;
        EXPECT_EQ (message.find ('\n'), std::string::npos) << message;
        for (const auto& word : expectedWords)
            EXPECT_NE (message.find (word), std::string::npos) << "'" << word << "' not in: " << message;
        EXPECT_LT (rejection.cpuMilliseconds, limitCpuMilliseconds) << message;
        EXPECT_GE (rejection.bytesRead, 0) << "/proc/self/io cannot be read";
        EXPECT_LT (rejection.bytesRead, limitBytesRead) << message;
        std::printf ("[ figures  ] %-28s refused in %6.3f ms of CPU, %6lld bytes read: %s\n", path.filename().c_str(),
                     rejection.cpuMilliseconds, static_cast<long long> (rejection.bytesRead), message.c_str());
    }

    class ImpulseResponseFileLimits : public ::testing::Test
    {
    protected:
        std::filesystem::path write (const std::string& name, const std::vector<std::uint8_t>& bytes)
        {
            const auto path = folder / name;
            test::writeFile (path, bytes);
            return path;
        }

        test::TemporaryDirectory folder;
    };
} // namespace

TEST_F (ImpulseResponseFileLimits, TheLimitsAreEightKilohertzTo384KilohertzAndTwoToThe23Frames)
{
    constexpr auto limits = impulseResponseReadLimits();
    EXPECT_EQ (limits.minSampleRate, 8000.0);
    EXPECT_EQ (limits.maxSampleRate, 384000.0);
    EXPECT_EQ (limits.maxFrames, std::uint64_t { 1 } << 23);
    EXPECT_EQ (limits.maxChannels, 64u);
    EXPECT_EQ (pluginLimits.maxChannels, 8u);
}

TEST_F (ImpulseResponseFileLimits, RefusesMoreChannelsThanCanBeRouted)
{
    test::WavFields nine;
    nine.channels = 9;
    nine.heldDataBytes = 9 * 2 * 10;
    expectRejected (write ("nine-channels.wav", test::craftedWav (nine)), pluginLimits, { "9 channels", "8" });

    test::WavFields many;
    many.channels = 65535; // the largest a WAV header can state
    many.bitsPerSample = 8;
    many.heldDataBytes = 65535;
    expectRejected (write ("65535-channels.wav", test::craftedWav (many)), impulseResponseReadLimits(),
                    { "65535 channels", "64" });
}

TEST_F (ImpulseResponseFileLimits, RefusesZeroChannels)
{
    test::WavFields none;
    none.channels = 0;
    none.blockAlign = 2;
    none.heldDataBytes = 200;
    expectRejected (write ("zero-channels.wav", test::craftedWav (none)), pluginLimits, { "no audio channels" });
}

TEST_F (ImpulseResponseFileLimits, RefusesSampleRatesOutside8To384Kilohertz)
{
    const std::pair<const char*, std::uint32_t> rates[] = {
        { "rate-4000.wav", 4000 },
        { "rate-400000.wav", 400000 },
        { "rate-768000.wav", 768000 },
        { "rate-0.wav", 0 },
        { "rate-minus-1.wav", 0xFFFFFFFFu }, // -1 in a field that cannot be negative
    };
    for (const auto& [name, rate] : rates)
    {
        test::WavFields fields;
        fields.sampleRate = rate;
        fields.heldDataBytes = 2 * 100;
        expectRejected (write (name, test::craftedWav (fields)), impulseResponseReadLimits(),
                        { "8000 Hz to 384000 Hz" });
    }

    test::AiffFields negative;
    negative.sampleRate = -1.0;
    negative.numSampleFrames = 100;
    negative.heldDataBytes = 200;
    expectRejected (write ("rate-minus-1.aiff", test::craftedAiff (negative)), impulseResponseReadLimits(),
                    { "sample rate" });
}

TEST_F (ImpulseResponseFileLimits, RefusesAHeaderDeclaringFourGigabytesOfSamplesInAShortFile)
{
    test::WavFields huge;
    huge.declaredDataBytes = 0xFFFFFFF0u; // streaming writers use 0xFFFFFFFF for "unknown"
    huge.heldDataBytes = 2 * 1000;
    expectRejected (write ("huge-declared.wav", test::craftedWav (huge)), impulseResponseReadLimits(), { "truncated" });

    test::AiffFields aiff;
    aiff.numSampleFrames = 0x7FFFFFFFu;
    aiff.heldDataBytes = 2 * 1000;
    expectRejected (write ("huge-declared.aiff", test::craftedAiff (aiff)), impulseResponseReadLimits(),
                    { "truncated" });
}

TEST_F (ImpulseResponseFileLimits, RefusesAnIrLongerThanTwoToThe23FramesBeforeReadingIt)
{
    // A real file of 2^23 + 1 frames (8-bit: 8 MiB): refused from its header.
    test::WavFields fields;
    fields.bitsPerSample = 8;
    fields.heldDataBytes = (std::size_t { 1 } << 23) + 1;
    fields.fill = 0x80; // silence in unsigned 8-bit
    expectRejected (write ("too-long.wav", test::craftedWav (fields)), impulseResponseReadLimits(), { "too long" });
}

TEST_F (ImpulseResponseFileLimits, RefusesSixtyFiveBitSamples)
{
    test::WavFields fields;
    fields.bitsPerSample = 65;
    fields.blockAlign = 9;
    fields.heldDataBytes = 9 * 10;
    expectRejected (write ("65-bit.wav", test::craftedWav (fields)), impulseResponseReadLimits(),
                    { "not a readable audio file" });
}

TEST_F (ImpulseResponseFileLimits, RefusesAnythingButARegularFile)
{
    expectRejected (folder.path(), impulseResponseReadLimits(), { "folder" });

    const auto fifo = folder / "ir.fifo";
    ASSERT_EQ (mkfifo (fifo.c_str(), 0600), 0);
    expectRejected (fifo, impulseResponseReadLimits(), { "not a regular file" });

    expectRejected ("/dev/zero", impulseResponseReadLimits(), { "not a regular file" });
}

TEST_F (ImpulseResponseFileLimits, RefusesNaNAndInfinitySamplesInTheFile)
{
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    expectRejected (write ("nan.wav", test::floatWav ({ 0.5f, 0.25f, nan, 0.1f }, 48000)), impulseResponseReadLimits(),
                    { "NaN", "frame 2" });
    expectRejected (write ("inf.wav", test::floatWav ({ 0.5f, -inf }, 48000)), impulseResponseReadLimits(),
                    { "infinite" });
}

TEST_F (ImpulseResponseFileLimits, ANonFiniteIrIsRejectedByTheIrChainToo)
{
    // For IRs that do not come from a file (the plugin's saved state, drag and drop from memory).
    for (const double bad : { std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
                              -std::numeric_limits<double>::infinity() })
    {
        AudioClip clip;
        clip.sampleRate = 48000.0;
        clip.channels = { { 0.5, 0.25, 0.125 }, { 0.1, bad, 0.0 } };
        try
        {
            (void) prepareImpulseResponse (clip, 44100.0, IrNormalisation::none, "memory.wav");
            ADD_FAILURE() << "a non-finite IR was accepted";
        }
        catch (const AudioFileError& error)
        {
            const std::string message = error.what();
            EXPECT_NE (message.find ("memory.wav"), std::string::npos) << message;
            EXPECT_EQ (message.find ('\n'), std::string::npos) << message;
        }
    }
}

TEST_F (ImpulseResponseFileLimits, TheCommandLineAppliesTheIrLimitsToTheIrButNotToTheInput)
{
    // Input at 4 kHz is fine; an IR at 4 kHz is not.
    test::WavFields lowRate;
    lowRate.sampleRate = 4000;
    lowRate.heldDataBytes = 2 * 400;
    const auto input = write ("input-4k.wav", test::craftedWav (lowRate));
    const auto badIr = write ("ir-4k.wav", test::craftedWav (lowRate));
    test::WavFields goodRate;
    goodRate.sampleRate = 8000;
    goodRate.heldDataBytes = 2 * 80;
    goodRate.fill = 0x10;
    const auto goodIr = write ("ir-8k.wav", test::craftedWav (goodRate));

    auto run = [] (std::vector<std::string> arguments, std::string& errors)
    {
        std::ostringstream out, err;
        const int status = runApplication (arguments, out, err);
        errors = err.str();
        return status;
    };

    std::string errors;
    const test::WorkMeter work;
    EXPECT_EQ (run ({ "render", "--quiet", "--ir", badIr.string(), "-o", (folder / "out1.wav").string(),
                      input.string() },
                    errors),
               1);
    EXPECT_NE (errors.find ("ir-4k.wav"), std::string::npos) << errors;
    EXPECT_NE (errors.find ("8000 Hz to 384000 Hz"), std::string::npos) << errors;
    EXPECT_EQ (std::count (errors.begin(), errors.end(), '\n'), 1) << errors;
    EXPECT_LT (work.cpuMilliseconds(), limitCpuMilliseconds);
    EXPECT_LT (work.bytesRead(), limitBytesRead);
    EXPECT_FALSE (std::filesystem::exists (folder / "out1.wav"));

    EXPECT_EQ (run ({ "render", "--quiet", "--ir", goodIr.string(), "-o", (folder / "out2.wav").string(),
                      input.string() },
                    errors),
               0)
        << errors;
    EXPECT_TRUE (std::filesystem::exists (folder / "out2.wav"));
}

} // namespace partita
