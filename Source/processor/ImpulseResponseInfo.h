// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"
#include "ir/IrLayout.h"
#include "ir/IrShaping.h"

#include <cmath>
#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace partita
{

/** What the editor shows about the IR that is playing (or about to, within a
    few ms): made on the loader thread together with the engine and never
    changed afterwards.

    Threading: immutable once published; share it freely across threads. */
struct ImpulseResponseInfo
{
    /** The display name given to loadImpulseResponse (usually the file name):
        slot A's, or slot B's when A is empty. The fields below up to
        layoutSettings describe that slot's IR. */
    std::string name;
    /** Slot B's display name when both slots hold an IR; empty otherwise. */
    std::string slotBName;
    /** The IR as loaded, before any resampling or shaping: what a saved state
        must hold to rebuild the same sound. */
    std::shared_ptr<const AudioClip> source;

    double originalSampleRate = 0.0;
    std::size_t originalFrames = 0;
    std::size_t numChannels = 0;
    /** The layout in use (the parameter, or what the file said) and the
        microphone pair a B-format IR was decoded with. */
    ResolvedIrLayout layout;
    IrLayoutSettings layoutSettings;
    /** What the IR channel setting did, describeIrChannelSelection's words:
        empty when every channel plays; else one (mono) channel plays. */
    std::string channelSelection;
    /** The chosen channel is not in the IR: channel 1 plays instead. */
    bool channelSelectionFellBack = false;

    /** The session rate the shaped IR is at. */
    double sampleRate = 0.0;
    /** The IR as convolved: decoded (B-format: left and right microphone), resampled, trimmed, reversed, stretched and
        auto-gained, one vector per IR channel, at sampleRate; both slots'
        with their level, polarity, delay and pan, folded into one. */
    std::vector<std::vector<float>> shapedChannels;
    /** The factor auto-gain applied (1 when it is off). */
    double autoGainFactor = 1.0;
    /** The shaping the IR was built with, and the envelope's gain curve (in
        the shaped IR's frames): what the editor draws over the waveform. */
    ImpulseResponseShape shape;
    IrEnvelopeCurve envelope;

    /** The IR's length as loaded, in seconds. */
    [[nodiscard]] double originalSeconds() const noexcept
    {
        return originalSampleRate > 0.0 ? static_cast<double> (originalFrames) / originalSampleRate : 0.0;
    }

    [[nodiscard]] std::size_t shapedFrames() const noexcept
    {
        return shapedChannels.empty() ? 0 : shapedChannels.front().size();
    }
};

/** How the editor and the message bar give an IR's length, the same in both:
    "5.0 ms", "48.3 ms", "700 ms", "2.50 s". */
inline std::string describeDuration (double seconds)
{
    const auto withDecimals = [] (double value, int decimals, const char* unit)
    {
        char text[48];
        std::snprintf (text, sizeof (text), "%.*f %s", decimals, value, unit);
        return std::string (text);
    };
    const double milliseconds = seconds * 1000.0;
    if (std::round (milliseconds) >= 1000.0)
        return withDecimals (seconds, 2, "s");
    return withDecimals (milliseconds, std::round (milliseconds * 10.0) < 1000.0 ? 1 : 0, "ms");
}

/** How the editor and the message bar name the IR's channel layout in use
    (the words of describeIrLayout, as `partita info` gives them). */
inline std::string describeChannelLayout (const ImpulseResponseInfo& info)
{
    if (info.channelSelection.empty())
        return describeIrLayout (info.numChannels, info.layout, info.layoutSettings);
    return describeIrLayout (1, info.layout, info.layoutSettings) + " (" + info.channelSelection + ")";
}

} // namespace partita
