// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/ChannelRouting.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace partita
{

/** What the channels of an IR are. The values are the indices of the
    parameter `irLayout`'s choices (ParameterTable.h): never reorder them. */
enum class IrLayout
{
    /** What the file says (IrLayoutHint), else by the channel count: a
        4-channel IR is then taken as true stereo, the historic reading. */
    automatic = 0,
    /** Every input to every output, routed by the channel counts: 4 channels
        are LL, LR, RL, RR (engine/ChannelRouting.h). */
    trueStereo = 1,
    /** First-order B-format in FuMa order and normalisation: W X Y Z, W
        recorded 3 dB down (times 1/sqrt 2), X Y Z at maxN (= SN3D for first
        order). Decoded to two virtual microphones (BFormatDecoder.h). */
    bFormatFuMa = 2,
    /** First-order B-format as AmbiX: ACN order W Y Z X, SN3D (W at unit
        gain). Decoded as FuMa is. */
    bFormatAmbiX = 3,
    /** Each IR channel is its own output: channel j feeds output j, from a
        mono input or from input j; never a matrix. */
    independent = 4,
};

/** A first-order B-format layout, FuMa or AmbiX. */
[[nodiscard]] constexpr bool isBFormat (IrLayout layout) noexcept
{
    return layout == IrLayout::bFormatFuMa || layout == IrLayout::bFormatAmbiX;
}

/** Why a layout is the one in use. */
enum class IrLayoutReason
{
    /** The user chose it (the parameter, --ir-layout). */
    chosen,
    /** The WAV file's WAVE_FORMAT_EXTENSIBLE sub-format says ambisonic B-format. */
    subFormat,
    /** The file's extension is .amb (B-format, FuMa). */
    extension,
    /** The file's name says so (bformat, b-format, ambix, fuma, wxyz). */
    name,
    /** Auto, 4 channels and nothing says what they are: true stereo, as
        always, but the user is told it is an assumption. */
    assumed,
    /** Auto and not 4 channels: the channel count says it all (mono,
        stereo, N channels). */
    channelCount,
    /** The IR was loaded from four files named as the true-stereo paths (LL,
        LR, RL, RR: IrFileGrouping.h), which say it is true stereo. */
    fileSet,
};

/** What an IR's file says about its layout (from IrLayoutDetection): a
    B-format convention and why, or nothing (layout automatic). Travels with
    the IR (ImpulseResponseSource, the saved state), since a decoded or saved
    copy no longer has the file's sub-format or name. */
struct IrLayoutHint
{
    IrLayout layout = IrLayout::automatic;
    IrLayoutReason reason = IrLayoutReason::channelCount;

    [[nodiscard]] bool says() const noexcept { return layout != IrLayout::automatic; }
    friend bool operator== (const IrLayoutHint&, const IrLayoutHint&) = default;
};

/** The layout in use for an IR, never automatic, and why. */
struct ResolvedIrLayout
{
    IrLayout layout = IrLayout::trueStereo;
    IrLayoutReason reason = IrLayoutReason::channelCount;

    [[nodiscard]] bool isBFormat() const noexcept { return partita::isBFormat (layout); }
    friend bool operator== (const ResolvedIrLayout&, const ResolvedIrLayout&) = default;
};

/** The user's layout settings: the layout and the virtual microphone pair a
    B-format IR is decoded with. */
struct IrLayoutSettings
{
    IrLayout layout = IrLayout::automatic;
    /** p of the decoder: 1 omni, 0.5 cardioid, 0.25 hypercardioid, 0 figure-8. */
    double omniShare = 0.5;
    /** Between the two microphones' axes, in degrees (left mic at +angle/2). */
    double angleDegrees = 90.0;
};

/** The layout in use: the user's choice, else (automatic) the file's hint,
    else true stereo by the channel count (reason assumed for 4 channels). */
[[nodiscard]] ResolvedIrLayout resolveIrLayout (IrLayout chosen, const IrLayoutHint& hint,
                                                std::size_t numChannels) noexcept;

/** How the routing treats the channels of an IR in this layout (after a
    B-format IR is decoded to a stereo pair). */
[[nodiscard]] IrChannelMeaning channelMeaningOf (IrLayout layout) noexcept;

/** The layout's name: "true stereo", "B-format (FuMa)", ... */
[[nodiscard]] std::string_view layoutName (IrLayout layout) noexcept;

/** Why, in words after the layout: "from the file's ambisonic sub-format";
    empty for chosen and channelCount. */
[[nodiscard]] std::string describeReason (IrLayoutReason reason);

/** How the editor, its message bar and `partita info` name the layout in
    use for an IR of numChannels channels, the same everywhere:
    "mono", "stereo", "true stereo (LL, LR, RL, RR)",
    "true stereo (LL, LR, RL, RR), assumed: the file does not say; choose IR
    layout if it is B-format", "B-format AmbiX (W Y Z X) from the name,
    decoded to 2 mics, pattern 0.50, 90 degrees apart",
    "4 independent channels". */
[[nodiscard]] std::string describeIrLayout (std::size_t numChannels, const ResolvedIrLayout& layout,
                                            const IrLayoutSettings& settings);

} // namespace partita
