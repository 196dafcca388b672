// SPDX-License-Identifier: GPL-3.0-or-later
// Slot B in the saved state: its own chunk (IRSB), which a state without
// slot B does not have and earlier versions skip, and whose damage costs
// slot B only.
#include "state/SessionState.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string_view>

namespace partita
{
namespace
{
constexpr double rate = 48000.0;

AudioClip noiseClip (std::size_t channels, std::size_t frames, unsigned seed)
{
    std::mt19937 generator (seed);
    std::uniform_int_distribution<int> grid (-32768, 32767); // on a 16-bit grid: stored losslessly either way
    AudioClip clip;
    clip.sampleRate = rate;
    clip.channels.assign (channels, std::vector<double> (frames));
    for (auto& channel : clip.channels)
        for (std::size_t n = 0; n < frames; ++n)
            channel[n] = static_cast<double> (grid (generator)) / 32768.0 * std::exp (-static_cast<double> (n) / 200.0);
    return clip;
}

ProcessorParameters slotParameters()
{
    ProcessorParameters parameters;
    parameters.slotALevelDb = -2.5f;
    parameters.slotAPanPercent = 20.0f;
    parameters.slotBInvert = true;
    parameters.slotBDelayMs = 0.37f;
    parameters.slotBPanPercent = -45.0f;
    parameters.slotBlendPercent = 64.0f;
    return parameters;
}

ProcessorParameters unchanged (const ProcessorParameters& values)
{
    return values;
}

/** The processor's stereo output for a fixed stereo noise, in blocks of 256. */
std::vector<std::vector<float>> renderNoise (ConvolverProcessor& processor)
{
    std::mt19937 generator (7);
    std::uniform_real_distribution<float> uniform (-1.0f, 1.0f);
    std::vector<std::vector<float>> output (2);
    std::vector<float> left (256);
    std::vector<float> right (256);
    for (int block = 0; block < 40; ++block)
    {
        for (std::size_t n = 0; n < 256; ++n)
        {
            left[n] = block < 20 ? uniform (generator) : 0.0f;
            right[n] = block < 20 ? uniform (generator) : 0.0f;
        }
        float* channels[2] = { left.data(), right.data() };
        processor.process (channels, 256);
        output[0].insert (output[0].end(), left.begin(), left.end());
        output[1].insert (output[1].end(), right.begin(), right.end());
    }
    return output;
}

/** A prepared processor playing slot A's and slot B's noise IRs. */
void loadBothSlots (ConvolverProcessor& processor)
{
    processor.setParameters (slotParameters());
    processor.prepare (rate, 256, 2, 2);
    processor.loadImpulseResponse (IrSlot::a, noiseClip (1, 900, 1), "a.wav", "/irs/a.wav");
    processor.loadImpulseResponse (IrSlot::b, noiseClip (2, 700, 2), "b.wav", "/irs/b.wav");
}

std::size_t find (const std::vector<std::uint8_t>& bytes, std::string_view text, std::size_t from = 0)
{
    const auto found =
        std::search (bytes.begin() + static_cast<std::ptrdiff_t> (from), bytes.end(), text.begin(), text.end());
    return found == bytes.end() ? std::string_view::npos : static_cast<std::size_t> (found - bytes.begin());
}

TEST (SlotState, TwoSlotsComeBackFromASaveAndPlayTheSameBitForBit)
{
    ConvolverProcessor original (RebuildMode::synchronous);
    loadBothSlots (original);
    SessionState saving (original);
    std::string problem;
    const auto bytes = saving.save (slotParameters(), problem);
    EXPECT_TRUE (problem.empty()) << problem;

    const auto parsed = parseState (bytes);
    EXPECT_TRUE (parsed.problems.empty());
    ASSERT_TRUE (parsed.state.impulseResponseB.has_value());
    EXPECT_EQ (parsed.state.impulseResponseB->name, "b.wav");
    EXPECT_EQ (parsed.state.impulseResponseB->originalPath, "/irs/b.wav");
    ASSERT_NE (parsed.state.impulseResponseB->audio, nullptr);
    EXPECT_EQ (parsed.state.impulseResponseB->audio->channels, noiseClip (2, 700, 2).channels);

    ConvolverProcessor restored (RebuildMode::synchronous);
    restored.prepare (rate, 256, 2, 2);
    SessionState session (restored);
    const auto outcome = session.apply (parsed, unchanged);
    EXPECT_FALSE (outcome.withProblems) << outcome.message;
    EXPECT_EQ (restored.requestedImpulseResponse (IrSlot::b)->name, "b.wav");
    EXPECT_EQ (renderNoise (restored), renderNoise (original));
}

TEST (SlotState, AStateWithoutSlotBHasNoSlotBChunkAndEmptiesSlotB)
{
    ConvolverProcessor original (RebuildMode::synchronous);
    original.loadImpulseResponse (noiseClip (1, 300, 3), "a.wav");
    SessionState saving (original);
    std::string problem;
    const auto bytes = saving.save ({}, problem);
    EXPECT_EQ (find (bytes, "IRSB"), std::string_view::npos);

    ConvolverProcessor restored (RebuildMode::synchronous);
    loadBothSlots (restored);
    SessionState session (restored);
    const auto parsed = parseState (bytes);
    EXPECT_FALSE (parsed.state.impulseResponseB.has_value());
    const auto outcome = session.apply (parsed, unchanged);
    EXPECT_FALSE (outcome.withProblems) << outcome.message;
    EXPECT_EQ (restored.requestedImpulseResponse (IrSlot::a)->name, "a.wav");
    EXPECT_EQ (restored.requestedImpulseResponse (IrSlot::b), nullptr);
}

TEST (SlotState, ADamagedSlotBChunkLeavesSlotAPlayingAndSaysSo)
{
    ConvolverProcessor original (RebuildMode::synchronous);
    loadBothSlots (original);
    SessionState saving (original);
    std::string problem;
    auto bytes = saving.save (slotParameters(), problem);

    // Slot B's audio chunk claims more bytes than its IRSB chunk holds.
    const auto slotB = find (bytes, "IRSB");
    ASSERT_NE (slotB, std::string_view::npos);
    const auto audio = find (bytes, "IRAU", slotB);
    ASSERT_NE (audio, std::string_view::npos);
    for (std::size_t i = 0; i < 4; ++i)
        bytes[audio + 4 + i] = 0xEE;

    auto parsed = parseState (bytes);
    ASSERT_TRUE (parsed.state.impulseResponse.has_value());
    EXPECT_NE (parsed.state.impulseResponse->audio, nullptr);
    ASSERT_TRUE (parsed.state.impulseResponseB.has_value());
    EXPECT_EQ (parsed.state.impulseResponseB->audio, nullptr);

    ConvolverProcessor restored (RebuildMode::synchronous);
    restored.prepare (rate, 256, 2, 2);
    SessionState session (restored);
    const auto outcome = session.apply (std::move (parsed), unchanged);
    EXPECT_TRUE (outcome.withProblems);
    EXPECT_NE (outcome.message.find ("slot B"), std::string::npos) << outcome.message;
    EXPECT_EQ (outcome.impulseResponseName, "a.wav");
    ASSERT_NE (restored.impulseResponseInfo(), nullptr);
    EXPECT_EQ (restored.impulseResponseInfo()->name, "a.wav");
    EXPECT_EQ (restored.requestedImpulseResponse (IrSlot::b), nullptr);
}

TEST (SlotState, ASlotBTheBusCannotBlendLeavesSlotAPlaying)
{
    ConvolverProcessor original (RebuildMode::synchronous);
    original.loadImpulseResponse (IrSlot::a, noiseClip (2, 300, 4), "stereo.wav");
    original.loadImpulseResponse (IrSlot::b, noiseClip (4, 300, 5), "true-stereo.wav");
    SessionState saving (original);
    std::string problem;
    const auto bytes = saving.save ({}, problem);

    // From a mono input a 4-channel IR has no route to stereo.
    ConvolverProcessor restored (RebuildMode::synchronous);
    restored.prepare (rate, 256, 1, 2);
    SessionState session (restored);
    const auto outcome = session.apply (parseState (bytes), unchanged);
    EXPECT_TRUE (outcome.withProblems);
    EXPECT_NE (outcome.message.find ("true-stereo.wav"), std::string::npos) << outcome.message;
    EXPECT_EQ (restored.impulseResponseInfo()->name, "stereo.wav");
    EXPECT_EQ (restored.requestedImpulseResponse (IrSlot::b), nullptr);
}
} // namespace
} // namespace partita
