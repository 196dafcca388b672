// SPDX-License-Identifier: GPL-3.0-or-later
// Inputs in Sony Wave64, RF64 and Apple CAF: written here through
// libsndfile's own writer with integer codes chosen by the test, read back
// through partita's reader, and compared with code / 2^(bits-1), the
// definition of the scale; and the choice between WAV and RF64 for outputs.
#include "IoTestHelpers.h"
#include "TemporaryDirectory.h"
#include "io/AudioFileReader.h"
#include "io/SndfileOutputFormat.h"

#include <gtest/gtest.h>
#include <sndfile.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace partita
{
namespace
{
using ::testing::HasSubstr;

struct ContainerCase
{
    const char* container;
    int major;
    const char* extension;
};

struct EncodingCase
{
    const char* sampleFormat;
    int subtype;
    int bits;
    bool isFloat;
};

constexpr ContainerCase containers[] = {
    { "W64", SF_FORMAT_W64, ".w64" },
    { "RF64", SF_FORMAT_RF64, ".rf64" },
    { "CAF", SF_FORMAT_CAF, ".caf" },
};

constexpr EncodingCase encodings[] = {
    { "16-bit PCM", SF_FORMAT_PCM_16, 16, false },
    { "24-bit PCM", SF_FORMAT_PCM_24, 24, false },
    { "32-bit float", SF_FORMAT_FLOAT, 32, true },
};

constexpr int numChannels = 3;
constexpr int numFrames = 1500;
constexpr int sampleRate = 44100;

/** A code of `bits` for channel c, frame n: a spread of values over the
    whole range, both extremes included. */
std::int32_t codeAt (int channel, int frame, int bits)
{
    const std::int64_t fullScale = std::int64_t { 1 } << (bits - 1);
    const std::int64_t span = 2 * fullScale;
    const auto value = (static_cast<std::int64_t> (frame) * 2654435761LL + channel * 40503LL) % span;
    return static_cast<std::int32_t> (value - fullScale);
}

/** Writes the file with libsndfile and returns what a reader must give back. */
std::vector<std::vector<double>> writeKnownFile (const std::filesystem::path& path, int format,
                                                 const EncodingCase& encoding)
{
    SF_INFO info {};
    info.channels = numChannels;
    info.samplerate = sampleRate;
    info.format = format;
    SNDFILE* file = sf_open (path.c_str(), SFM_WRITE, &info);
    EXPECT_NE (file, nullptr) << sf_strerror (nullptr);
    if (file == nullptr)
        return {};

    std::vector<std::vector<double>> expected (numChannels, std::vector<double> (numFrames));
    std::vector<int> ints;
    std::vector<float> floats;
    for (int n = 0; n < numFrames; ++n)
    {
        for (int c = 0; c < numChannels; ++c)
        {
            const auto code = codeAt (c, n, encoding.isFloat ? 24 : encoding.bits);
            const double value = std::ldexp (static_cast<double> (code), -(encoding.isFloat ? 23 : encoding.bits - 1));
            expected[static_cast<std::size_t> (c)][static_cast<std::size_t> (n)] = value;
            // libsndfile's int interface is left-justified: the code sits in the top bits.
            ints.push_back (static_cast<int> (static_cast<std::uint32_t> (code) << (32 - encoding.bits)));
            floats.push_back (static_cast<float> (value));
        }
    }
    const auto written = encoding.isFloat ? sf_writef_float (file, floats.data(), numFrames)
                                          : sf_writef_int (file, ints.data(), numFrames);
    EXPECT_EQ (written, numFrames);
    sf_close (file);
    return expected;
}

void cutFile (const std::filesystem::path& path, std::uintmax_t keptBytes)
{
    std::filesystem::resize_file (path, keptBytes);
}
} // namespace

TEST (OtherContainers, Wave64Rf64AndCafInputsReadBackTheCodesWrittenAndAreNamed)
{
    const test::TemporaryDirectory folder;
    for (const auto& container : containers)
    {
        for (const auto& encoding : encodings)
        {
            SCOPED_TRACE (std::string (container.container) + ", " + encoding.sampleFormat);
            const auto path = folder / (std::string ("known_") + std::to_string (encoding.bits) + container.extension);
            const auto expected = writeKnownFile (path, container.major | encoding.subtype, encoding);

            const auto info = readAudioFileInfo (path);
            EXPECT_EQ (info.formatName, container.container);
            EXPECT_EQ (info.sampleFormat, encoding.sampleFormat);
            EXPECT_EQ (info.numChannels, static_cast<std::size_t> (numChannels));
            EXPECT_EQ (info.sampleRate, sampleRate);
            EXPECT_EQ (info.numFrames, static_cast<std::uint64_t> (numFrames));

            const auto clip = readAudioFile (path);
            ASSERT_EQ (clip.numChannels(), static_cast<std::size_t> (numChannels));
            for (std::size_t c = 0; c < expected.size(); ++c)
                EXPECT_EQ (clip.channels[c], expected[c]) << "channel " << c;
        }
    }
}

TEST (OtherContainers, ATruncatedWave64IsRefusedNotReadShorter)
{
    // libsndfile shortens a cut Wave64 to what it holds; its header still
    // says how long it was.
    const test::TemporaryDirectory folder;
    const auto path = folder / "cut.w64";
    (void)writeKnownFile (path, SF_FORMAT_W64 | SF_FORMAT_FLOAT, encodings[2]);
    cutFile (path, std::filesystem::file_size (path) - 4 * numChannels * 500);

    const auto message = test::audioFileErrorOf ([&] { (void)readAudioFile (path); });
    EXPECT_THAT (message, HasSubstr ("is truncated: its header declares 1500 frames but the file holds 1000"));
}

TEST (OtherContainers, ATruncatedRf64OrCafIsRefused)
{
    const test::TemporaryDirectory folder;
    for (const auto& container : { containers[1], containers[2] })
    {
        SCOPED_TRACE (container.container);
        const auto path = folder / (std::string ("cut") + container.extension);
        (void)writeKnownFile (path, container.major | SF_FORMAT_PCM_16, encodings[0]);
        cutFile (path, std::filesystem::file_size (path) - 2 * numChannels * 500);
        EXPECT_FALSE (test::audioFileErrorOf ([&] { (void)readAudioFile (path); }).empty());
    }
}

TEST (OtherContainers, AWavFromSoxThroughAPipeIsReadToItsEndNotCalledTruncated)
{
    // SoX writing to a pipe cannot seek back to the header, and leaves the
    // data size at its "unspecified" mark, 0x7FFFF000 bytes.
    const test::TemporaryDirectory folder;
    const auto path = folder / "from_sox_pipe.wav";
    constexpr std::uint32_t unspecifiedFrames = 0x7FFFF000u / 2; // mono, 16-bit
    test::writeBytes (path, test::handMadeWav (1, 48000, 16, unspecifiedFrames, 4800));

    const auto clip = readAudioFile (path);
    EXPECT_EQ (clip.numFrames(), 4800u);

    // One byte more and it is a size like any other: a cut file.
    test::writeBytes (path, test::handMadeWav (1, 48000, 16, unspecifiedFrames + 1, 4800));
    EXPECT_THAT (test::audioFileErrorOf ([&] { (void)readAudioFile (path); }), HasSubstr ("is truncated"));
}

TEST (OutputContainer, AWavOutputBecomesRf64ExactlyWhenItsDataPassesWhatA32BitRiffSizeHolds)
{
    // A RIFF chunk counts its bytes in 32 bits: 2^32 - 1 at most, and the
    // header (fmt, fact and the RIFF fields) must fit in it with the data.
    // The writer keeps 4096 bytes for the header.
    constexpr std::uint64_t riffLimit = 0xFFFFFFFFull;
    constexpr std::uint64_t headerRoom = 4096;
    const OutputFormat wavFloat { FileContainer::wav, SampleFormat::float32 };
    const auto majorFor = [&] (std::size_t channels, std::uint64_t frames, const OutputFormat& format = {})
    { return detail::chooseSndfileFormat ("out.wav", format, channels, 48000, frames).format & SF_FORMAT_TYPEMASK; };

    // Stereo float: 8 bytes a frame.
    const std::uint64_t lastWavFrames = (riffLimit - headerRoom) / 8;
    EXPECT_EQ (majorFor (2, lastWavFrames, wavFloat), SF_FORMAT_WAV);
    EXPECT_EQ (majorFor (2, lastWavFrames + 1, wavFloat), SF_FORMAT_RF64);
    // 4 GiB of audio exactly, one hour of 64 channels at 48 kHz in 24 bits.
    EXPECT_EQ (majorFor (2, (std::uint64_t { 1 } << 32) / 8, wavFloat), SF_FORMAT_RF64);
    EXPECT_EQ (majorFor (64, 48000ull * 3600, { FileContainer::wav, SampleFormat::pcm24 }), SF_FORMAT_RF64);

    // More than two channels: WAVE_FORMAT_EXTENSIBLE below the limit, RF64 above.
    const std::uint64_t lastEightChannelFrames = (riffLimit - headerRoom) / (8 * 3);
    const OutputFormat wav24 { FileContainer::wav, SampleFormat::pcm24 };
    EXPECT_EQ (majorFor (8, lastEightChannelFrames, wav24), SF_FORMAT_WAVEX);
    EXPECT_EQ (majorFor (8, lastEightChannelFrames + 1, wav24), SF_FORMAT_RF64);

    // What renders write today stays plain WAV: a minute of stereo float.
    EXPECT_EQ (majorFor (2, 48000ull * 60, wavFloat), SF_FORMAT_WAV);

    // AIFF has no 64-bit form: refused in words, before any work.
    const auto message = test::audioFileErrorOf (
        [&] {
            (void)majorFor (2, lastWavFrames + 1, { FileContainer::aiff, SampleFormat::float32 });
        });
    EXPECT_THAT (message, HasSubstr ("too much audio for AIFF"));
}

} // namespace partita
