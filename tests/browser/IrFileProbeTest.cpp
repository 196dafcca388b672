// SPDX-License-Identifier: GPL-3.0-or-later
#include "browser/IrFileProbe.h"

#include "CraftedAudioFiles.h"
#include "TemporaryDirectory.h"
#include "TestSignals.h"
#include "ir/ImpulseResponseReadLimits.h"

#include <gtest/gtest.h>

#include <cmath>

namespace partita
{
namespace
{
const IrFileProbe probe (impulseResponseReadLimits (8));
}

TEST (IrFileProbe, MeasuresTheReverbTimeOfAnExponentialDecay)
{
    // White noise whose level falls 90 dB in 1.5 s at 48 kHz: 60 dB per
    // second, a reverberation time of 1 s by definition. The decay goes
    // well below T30's -35 dB, so the end of the file does not bend it.
    constexpr std::uint32_t rate = 48000;
    auto samples = test::whiteNoise (72000, 7);
    for (std::size_t n = 0; n < samples.size(); ++n)
        samples[n] *= static_cast<float> (std::pow (10.0, -90.0 / 20.0 * static_cast<double> (n) / 72000.0));
    test::TemporaryDirectory directory;
    const auto file = directory / "Decay.WAV";
    test::writeFile (file, test::floatWav (samples, rate));

    const auto scanned = probe.probe (file);
    ASSERT_TRUE (scanned.readable) << scanned.reason;
    EXPECT_EQ (scanned.facts.channels, 1u);
    EXPECT_EQ (scanned.facts.sampleRate, 48000.0);
    EXPECT_EQ (scanned.facts.frames, 72000u);
    EXPECT_DOUBLE_EQ (scanned.facts.lengthSeconds(), 1.5);
    ASSERT_TRUE (scanned.facts.reverbTimeSeconds.has_value());
    EXPECT_NEAR (*scanned.facts.reverbTimeSeconds, 1.0, 0.03);
    EXPECT_EQ (scanned.size, std::filesystem::file_size (file));
}

TEST (IrFileProbe, AFileWithNoDecayHasFactsButNoReverbTime)
{
    test::TemporaryDirectory directory;
    const auto file = directory / "flat.wav";
    test::WavFields fields;
    fields.channels = 2;
    fields.sampleRate = 44100;
    fields.heldDataBytes = 44100 * 2 * 2;
    fields.fill = 0x20;
    test::writeFile (file, test::craftedWav (fields));

    const auto scanned = probe.probe (file);
    ASSERT_TRUE (scanned.readable) << scanned.reason;
    EXPECT_EQ (scanned.facts.channels, 2u);
    EXPECT_EQ (scanned.facts.frames, 44100u);
    EXPECT_FALSE (scanned.facts.reverbTimeSeconds.has_value());
}

TEST (IrFileProbe, ALongFileIsDescribedFromItsHeaderWithoutDecoding)
{
    test::TemporaryDirectory directory;
    const auto file = directory / "long.wav";
    test::WavFields fields;
    fields.channels = 1;
    fields.sampleRate = 48000;
    fields.heldDataBytes = (IrFileProbe::maxSamplesToMeasure + 10) * 2;
    test::writeFile (file, test::craftedWav (fields));

    const auto scanned = probe.probe (file);
    ASSERT_TRUE (scanned.readable) << scanned.reason;
    EXPECT_EQ (scanned.facts.frames, IrFileProbe::maxSamplesToMeasure + 10);
    EXPECT_FALSE (scanned.facts.reverbTimeSeconds.has_value());
}

TEST (IrFileProbe, AFileTheLoaderRefusesIsUnreadableWithTheReadersReason)
{
    test::TemporaryDirectory directory;
    const auto tooManyChannels = directory / "sixteen.wav";
    test::WavFields fields;
    fields.channels = 16; // the plugin reads at most 8
    fields.heldDataBytes = 16 * 2 * 100;
    test::writeFile (tooManyChannels, test::craftedWav (fields));
    const auto scanned = probe.probe (tooManyChannels);
    EXPECT_FALSE (scanned.readable);
    EXPECT_NE (scanned.reason.find ("16"), std::string::npos) << scanned.reason;

    const auto empty = directory / "empty.wav";
    test::writeFile (empty, test::craftedWav (test::WavFields {}));
    const auto none = probe.probe (empty);
    EXPECT_FALSE (none.readable);
    EXPECT_FALSE (none.reason.empty());
}

TEST (IrFileProbe, KnowsTheLoadersExtensionsInAnyCase)
{
    for (const auto* name : { "a.wav", "b.WAV", "c.aiff", "d.Aif", "e.flac", "f.ogg", "g.w64", "h.caf", "i.rf64" })
        EXPECT_TRUE (IrFileProbe::hasAudioExtension (name)) << name;
    for (const auto* name : { "notes.txt", "cover.png", "wav", "preset.partita", "archive.wav.zip" })
        EXPECT_FALSE (IrFileProbe::hasAudioExtension (name)) << name;
}

} // namespace partita
