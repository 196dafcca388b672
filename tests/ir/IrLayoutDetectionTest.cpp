// SPDX-License-Identifier: GPL-3.0-or-later
#include "ir/IrLayoutDetection.h"

#include "TemporaryDirectory.h"
#include "WavexFiles.h"
#include "io/AudioFileReader.h"

#include <gtest/gtest.h>

namespace partita
{
namespace
{
IrLayoutHint hintOf (std::string_view name, std::size_t channels = 4)
{
    return detectIrLayout (name, channels, false);
}
} // namespace

TEST (IrLayoutDetection, AWavexFileWithTheAmbisonicSubFormatIsFuMaBFormat)
{
    const test::TemporaryDirectory directory;
    test::writeFourChannelWavex (directory / "hall.wav", true);
    test::writeFourChannelWavex (directory / "room.wav", false);

    const auto ambisonic = readAudioFileInfo (directory / "hall.wav");
    EXPECT_TRUE (ambisonic.ambisonicBFormat);
    EXPECT_EQ (detectIrLayout ("hall.wav", ambisonic.numChannels, ambisonic.ambisonicBFormat),
               (IrLayoutHint { IrLayout::bFormatFuMa, IrLayoutReason::subFormat }));

    const auto plain = readAudioFileInfo (directory / "room.wav");
    EXPECT_FALSE (plain.ambisonicBFormat);
    EXPECT_FALSE (detectIrLayout ("room.wav", plain.numChannels, plain.ambisonicBFormat).says());

    // The reader that decodes says the same as the header-only read.
    EXPECT_TRUE (AudioFileReader (directory / "hall.wav").info().ambisonicBFormat);
}

TEST (IrLayoutDetection, TheAmbExtensionIsFuMaBFormat)
{
    EXPECT_EQ (hintOf ("St Patricks.amb"), (IrLayoutHint { IrLayout::bFormatFuMa, IrLayoutReason::extension }));
    EXPECT_EQ (hintOf ("HALL.AMB"), (IrLayoutHint { IrLayout::bFormatFuMa, IrLayoutReason::extension }));
    // .amb wins over a name that says AmbiX: the extension defines the convention.
    EXPECT_EQ (hintOf ("hall_ambix.amb").layout, IrLayout::bFormatFuMa);
    EXPECT_FALSE (hintOf ("amb").says());
    EXPECT_FALSE (hintOf ("hall.amb.wav").says());
}

TEST (IrLayoutDetection, NamesSayFuMaOrAmbiXWhateverTheirCase)
{
    for (const auto* name : { "york_minster_bformat_48k.wav", "Hall B-Format.flac", "hall_b_format.wav",
                              "cathedral-FuMa.wav", "room WXYZ.wav" })
        EXPECT_EQ (hintOf (name), (IrLayoutHint { IrLayout::bFormatFuMa, IrLayoutReason::name })) << name;
    for (const auto* name : { "hall_AmbiX.wav", "bformat_ambix.wav" })
        EXPECT_EQ (hintOf (name), (IrLayoutHint { IrLayout::bFormatAmbiX, IrLayoutReason::name })) << name;
}

TEST (IrLayoutDetection, OnlyFourChannelFilesGetAHint)
{
    EXPECT_FALSE (hintOf ("hall_bformat.wav", 2).says());
    EXPECT_FALSE (detectIrLayout ("hall.wav", 1, true).says());
    EXPECT_FALSE (hintOf ("church.amb", 8).says());
}

TEST (IrLayoutDetection, AutoWithNoHintIsTrueStereoAndSaysItIsAssumed)
{
    const auto hint = hintOf ("room_true_stereo.wav");
    EXPECT_FALSE (hint.says());
    const auto layout = resolveIrLayout (IrLayout::automatic, hint, 4);
    EXPECT_EQ (layout, (ResolvedIrLayout { IrLayout::trueStereo, IrLayoutReason::assumed }));
    EXPECT_EQ (describeIrLayout (4, layout, {}), "true stereo (LL, LR, RL, RR), assumed: the file does not say; "
                                                 "set the IR layout if it is B-format");
    // Other counts are what their count says, without a word of doubt.
    EXPECT_EQ (resolveIrLayout (IrLayout::automatic, {}, 2).reason, IrLayoutReason::channelCount);
    EXPECT_EQ (describeIrLayout (2, resolveIrLayout (IrLayout::automatic, {}, 2), {}), "stereo");
}

TEST (IrLayoutDetection, AChosenLayoutWinsOverTheHintAndAHintOverTheCount)
{
    const IrLayoutHint fromName { IrLayout::bFormatAmbiX, IrLayoutReason::name };
    EXPECT_EQ (resolveIrLayout (IrLayout::automatic, fromName, 4),
               (ResolvedIrLayout { IrLayout::bFormatAmbiX, IrLayoutReason::name }));
    EXPECT_EQ (resolveIrLayout (IrLayout::trueStereo, fromName, 4),
               (ResolvedIrLayout { IrLayout::trueStereo, IrLayoutReason::chosen }));
    EXPECT_EQ (resolveIrLayout (IrLayout::bFormatFuMa, {}, 4),
               (ResolvedIrLayout { IrLayout::bFormatFuMa, IrLayoutReason::chosen }));
    // A hint on an IR that is not 4 channels is not followed.
    EXPECT_FALSE (resolveIrLayout (IrLayout::automatic, fromName, 2).isBFormat());
    EXPECT_EQ (
        describeIrLayout (4, resolveIrLayout (IrLayout::automatic, fromName, 4), { IrLayout::automatic, 0.5, 90.0 }),
        "B-format AmbiX (W Y Z X) from the file name, decoded to two cardioid mics 90 degrees apart");
    EXPECT_EQ (describeIrLayout (4, { IrLayout::independent, IrLayoutReason::chosen }, {}), "4 independent channels");
}

} // namespace partita
