// SPDX-License-Identifier: GPL-3.0-or-later
#include "BFormatDecoder.h"

#include "io/AudioFileError.h"

#include <array>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace partita
{

namespace
{
/** Where W, X and Y are in a convention's channel order, and the gain that
    brings its W to unit gain. */
struct Convention
{
    std::size_t w;
    std::size_t x;
    std::size_t y;
    double omniGain;
};

Convention conventionOf (IrLayout layout)
{
    if (layout == IrLayout::bFormatFuMa)
        return { 0, 1, 2, std::numbers::sqrt2 }; // W X Y Z, W recorded at 1/sqrt 2
    return { 0, 3, 1, 1.0 };                     // ACN W Y Z X, SN3D
}
} // namespace

AudioClip decodeBFormat (const AudioClip& bFormat, IrLayout convention, double omniShare, double angleDegrees,
                         const std::string& sourceName)
{
    if (convention != IrLayout::bFormatFuMa && convention != IrLayout::bFormatAmbiX)
        throw std::invalid_argument ("decodeBFormat: the layout is not B-format");
    if (bFormat.numChannels() != 4)
        throw AudioFileError ("'" + sourceName + "' has " + std::to_string (bFormat.numChannels())
                              + " channels; first-order B-format has 4 (W X Y Z): choose another IR layout");
    for (const auto& channel : bFormat.channels)
        if (channel.size() != bFormat.numFrames())
            throw AudioFileError ("'" + sourceName + "' has channels of different lengths");
    if (!(omniShare >= 0.0 && omniShare <= 1.0) || !std::isfinite (angleDegrees))
        throw std::invalid_argument ("decodeBFormat: the microphone pattern must be 0 to 1 and the angle finite");

    const auto layout = conventionOf (convention);
    const double halfAngle = angleDegrees * std::numbers::pi / 360.0;
    const std::array<double, 2> azimuths { halfAngle, -halfAngle }; // left, right

    const auto& w = bFormat.channels[layout.w];
    const auto& x = bFormat.channels[layout.x];
    const auto& y = bFormat.channels[layout.y];
    const auto frames = bFormat.numFrames();

    AudioClip stereo;
    stereo.sampleRate = bFormat.sampleRate;
    for (const double azimuth : azimuths)
    {
        const double wGain = omniShare * layout.omniGain;
        const double xGain = (1.0 - omniShare) * std::cos (azimuth);
        const double yGain = (1.0 - omniShare) * std::sin (azimuth);
        std::vector<double> microphone (frames);
        for (std::size_t n = 0; n < frames; ++n)
            microphone[n] = wGain * w[n] + xGain * x[n] + yGain * y[n];
        stereo.channels.push_back (std::move (microphone));
    }
    return stereo;
}

AudioClip applyIrLayout (AudioClip impulseResponse, const ResolvedIrLayout& layout, const IrLayoutSettings& settings,
                         const std::string& sourceName)
{
    if (!layout.isBFormat())
        return impulseResponse;
    return decodeBFormat (impulseResponse, layout.layout, settings.omniShare, settings.angleDegrees, sourceName);
}

} // namespace partita
