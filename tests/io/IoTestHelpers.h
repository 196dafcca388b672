// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"
#include "io/AudioFileError.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace partita::test
{

/** The AudioFileError message that `action` throws; a test failure (and an
    empty string) when it throws nothing or something else. Also checks the
    promise every message makes: one line. */
template <typename Action>
std::string audioFileErrorOf (Action&& action)
{
    try
    {
        action();
    }
    catch (const AudioFileError& error)
    {
        const std::string message = error.what();
        EXPECT_EQ (message.find ('\n'), std::string::npos) << "message is not one line: " << message;
        EXPECT_FALSE (message.empty());
        return message;
    }
    catch (const std::exception& other)
    {
        ADD_FAILURE() << "expected AudioFileError, got another exception: " << other.what();
        return {};
    }
    ADD_FAILURE() << "expected AudioFileError, nothing was thrown";
    return {};
}

/** A clip of deterministic, full-range content: a ramp from -1 to 1 (both
    ends included) on channel 0, scaled and shifted sines on the others. */
inline AudioClip testClip (std::size_t numChannels, std::size_t numFrames, double sampleRate)
{
    AudioClip clip;
    clip.sampleRate = sampleRate;
    clip.channels.resize (numChannels);
    for (std::size_t c = 0; c < numChannels; ++c)
    {
        clip.channels[c].resize (numFrames);
        for (std::size_t n = 0; n < numFrames; ++n)
        {
            const auto t = static_cast<double> (n);
            clip.channels[c][n] =
                c == 0 ? -1.0 + 2.0 * t / static_cast<double> (std::max<std::size_t> (numFrames - 1, 1))
                       : 0.9 / static_cast<double> (c) * std::sin (0.01 * t * static_cast<double> (c) + 0.3);
        }
    }
    return clip;
}

/** The value a fixed-point file of `bits` holds for `sample`, written as the
    definition: round to the nearest of 2^(bits-1) steps, clip to the codes
    that exist, scale back. */
inline double quantised (double sample, int bits)
{
    const double fullScale = std::ldexp (1.0, bits - 1);
    const double code =
        std::clamp (std::nearbyint (std::clamp (sample, -1.0, 1.0) * fullScale), -fullScale, fullScale - 1.0);
    return code / fullScale;
}

/** A test-name suffix from a file name: "cut16.wav" gives "cut16_wav". */
inline std::string testNameFor (const std::string& fileName)
{
    std::string name;
    for (const char c : fileName)
        name += std::isalnum (static_cast<unsigned char> (c)) != 0 ? c : '_';
    return name;
}

/** Names of the entries of a folder, for "nothing left behind" checks. */
inline std::vector<std::string> entriesOf (const std::filesystem::path& folder)
{
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator (folder))
        names.push_back (entry.path().filename().string());
    return names;
}

/** A WAV file written byte by byte, without libsndfile, so that tests can
    state headers no writer would produce. `heldFrames` of silence follow. */
std::vector<std::uint8_t> handMadeWav (std::uint32_t channels, std::uint32_t sampleRate, std::uint32_t bitsPerSample,
                                       std::uint32_t declaredFrames, std::uint32_t heldFrames);

void writeBytes (const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes);

} // namespace partita::test
