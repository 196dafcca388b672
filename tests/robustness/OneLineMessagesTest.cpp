// SPDX-License-Identifier: GPL-3.0-or-later
// Every error a user sees is one line, even when it quotes text the user (or
// a file from elsewhere) supplied: a file name or a saved IR's name may hold
// a newline or other control characters. Found by fuzz_plugin_state
// (tests/fuzz/regressions/fuzz_plugin_state/ir-name-with-newline-in-a-problem).
#include "CraftedAudioFiles.h"
#include "TemporaryDirectory.h"
#include "io/AudioFileError.h"
#include "io/AudioFileReader.h"
#include "ir/ImpulseResponseReadLimits.h"
#include "state/PluginStateFormat.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

namespace partita
{
namespace
{
    void append (std::vector<std::uint8_t>& bytes, const std::string& text)
    {
        bytes.insert (bytes.end(), text.begin(), text.end());
    }

    void appendU32 (std::vector<std::uint8_t>& bytes, std::uint32_t value)
    {
        for (int i = 0; i < 4; ++i)
            bytes.push_back (static_cast<std::uint8_t> (value >> (8 * i)));
    }

    void appendChunk (std::vector<std::uint8_t>& bytes, const std::string& id, const std::vector<std::uint8_t>& payload)
    {
        append (bytes, id);
        appendU32 (bytes, static_cast<std::uint32_t> (payload.size()));
        bytes.insert (bytes.end(), payload.begin(), payload.end());
    }

    bool hasControlCharacter (const std::string& text)
    {
        for (const char c : text)
            if (static_cast<unsigned char> (c) < 0x20 || c == 0x7F)
                return true;
        return false;
    }
} // namespace

TEST (OneLineMessages, AStateWhoseIrNameHoldsANewlineGivesOneLineProblems)
{
    // A state holding an IR named "room\n\r\tA.wav" whose audio is refused (128 Hz).
    test::WavFields lowRate;
    lowRate.sampleRate = 128;
    lowRate.heldDataBytes = 64;
    const std::string name = "room\n\r\tA.wav";

    std::vector<std::uint8_t> state;
    append (state, "PRTASTAT");
    appendU32 (state, 1);
    appendChunk (state, "IRNM", std::vector<std::uint8_t> (name.begin(), name.end()));
    appendChunk (state, "IRAU", test::craftedWav (lowRate));
    appendChunk (state, "END ", {});

    const auto parsed = parseState (state);
    ASSERT_FALSE (parsed.problems.empty());
    for (const auto& problem : parsed.problems)
    {
        EXPECT_FALSE (hasControlCharacter (problem)) << problem;
        EXPECT_NE (problem.find ("room"), std::string::npos) << problem;
        EXPECT_NE (problem.find ("A.wav"), std::string::npos) << problem;
    }
    // The name itself is kept as saved: only messages are made safe.
    ASSERT_TRUE (parsed.state.impulseResponse.has_value());
    EXPECT_EQ (parsed.state.impulseResponse->name, name);
}

TEST (OneLineMessages, AFileWhoseNameHoldsANewlineGivesAOneLineError)
{
    const test::TemporaryDirectory folder;
    test::WavFields lowRate;
    lowRate.sampleRate = 4000;
    lowRate.heldDataBytes = 64;
    const auto path = folder / "first line\nsecond line\x1b[31m.wav";
    test::writeFile (path, test::craftedWav (lowRate));

    try
    {
        (void) readAudioFile (path, impulseResponseReadLimits());
        ADD_FAILURE() << "a 4 kHz IR was accepted";
    }
    catch (const AudioFileError& error)
    {
        const std::string message = error.what();
        EXPECT_FALSE (hasControlCharacter (message)) << message;
        EXPECT_NE (message.find ("first line"), std::string::npos) << message;
        EXPECT_NE (message.find ("second line"), std::string::npos) << message;
    }

    // A missing file with such a name, too.
    try
    {
        (void) readAudioFile (folder / "gone\n.wav");
        ADD_FAILURE() << "a missing file was read";
    }
    catch (const AudioFileError& error)
    {
        EXPECT_FALSE (hasControlCharacter (error.what())) << error.what();
    }
}

} // namespace partita
