// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrLayout.h"

#include <cmath>
#include <cstdio>

namespace partita
{

namespace
{
/** "cardioid" for the common patterns, else the omni share. */
std::string describePattern (double omniShare)
{
    struct Named
    {
        double omniShare;
        const char* name;
    };
    static constexpr Named named[] = { { 1.0, "omni" },           { 0.7, "subcardioid" },    { 0.5, "cardioid" },
                                       { 0.37, "supercardioid" }, { 0.25, "hypercardioid" }, { 0.0, "figure-8" } };
    for (const auto& pattern : named)
        if (std::abs (omniShare - pattern.omniShare) < 0.005)
            return pattern.name;
    char text[64];
    std::snprintf (text, sizeof (text), "pattern %.2f omni + %.2f figure-8", omniShare, 1.0 - omniShare);
    return text;
}
} // namespace

ResolvedIrLayout resolveIrLayout (IrLayout chosen, const IrLayoutHint& hint, std::size_t numChannels) noexcept
{
    // B-format chosen for an IR that is not 4 channels plays by its count
    // (the description says the choice does not apply): a session set to
    // B-format must not refuse the next stereo IR the user browses to.
    const bool bFormatChosen = isBFormat (chosen);
    if (chosen != IrLayout::automatic && (!bFormatChosen || numChannels == 4))
        return { chosen, IrLayoutReason::chosen };
    // Only a 4-channel IR can be first-order B-format (a saved or detected
    // hint on another is ignored rather than refused).
    if (hint.says() && numChannels == 4)
        return { hint.layout, hint.reason };
    return { IrLayout::trueStereo, numChannels == 4 ? IrLayoutReason::assumed : IrLayoutReason::channelCount };
}

IrChannelMeaning channelMeaningOf (IrLayout layout) noexcept
{
    return layout == IrLayout::independent ? IrChannelMeaning::independent : IrChannelMeaning::byCount;
}

std::string_view layoutName (IrLayout layout) noexcept
{
    switch (layout)
    {
        case IrLayout::automatic:
            return "auto";
        case IrLayout::trueStereo:
            return "true stereo";
        case IrLayout::bFormatFuMa:
            return "B-format FuMa (W X Y Z)";
        case IrLayout::bFormatAmbiX:
            return "B-format AmbiX (W Y Z X)";
        case IrLayout::independent:
            return "independent channels";
    }
    return "unknown";
}

std::string describeReason (IrLayoutReason reason)
{
    switch (reason)
    {
        case IrLayoutReason::subFormat:
            return "from the file's ambisonic sub-format";
        case IrLayoutReason::extension:
            return "from the .amb extension";
        case IrLayoutReason::name:
            return "from the file name";
        case IrLayoutReason::assumed:
            return "assumed: the file does not say; set the IR layout if it is B-format";
        case IrLayoutReason::fileSet:
            return "from its four files (a true-stereo set)";
        case IrLayoutReason::chosen:
        case IrLayoutReason::channelCount:
            break;
    }
    return {};
}

std::string describeIrLayout (std::size_t numChannels, const ResolvedIrLayout& layout, const IrLayoutSettings& settings)
{
    const auto withReason = [&layout] (std::string text)
    {
        if (const auto reason = describeReason (layout.reason); !reason.empty())
            text += (layout.reason == IrLayoutReason::assumed ? ", " : " ") + reason;
        return text;
    };

    if (layout.isBFormat())
    {
        char pair[128];
        std::snprintf (pair, sizeof (pair), ", decoded to two %s mics %.0f degrees apart",
                       describePattern (settings.omniShare).c_str(), settings.angleDegrees);
        return withReason (std::string (layoutName (layout.layout))) + pair;
    }
    const bool bFormatChosen = isBFormat (settings.layout);
    if (bFormatChosen && numChannels != 4)
    {
        const auto count = numChannels == 1   ? std::string ("mono")
                           : numChannels == 2 ? std::string ("stereo")
                                              : std::to_string (numChannels) + " channels";
        return count + " (the IR layout " + std::string (layoutName (settings.layout))
               + " applies to 4-channel IRs only)";
    }
    if (numChannels == 1)
        return "mono";
    if (numChannels == 2)
        return "stereo";
    if (layout.layout == IrLayout::independent)
        return std::to_string (numChannels) + " independent channels";
    if (numChannels == 4)
        return withReason ("true stereo (LL, LR, RL, RR)");
    return std::to_string (numChannels) + " channels";
}

} // namespace partita
