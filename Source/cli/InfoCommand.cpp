// SPDX-License-Identifier: GPL-3.0-or-later
#include "InfoCommand.h"

#include "ChannelStatistics.h"
#include "io/AudioFileReader.h"
#include "ir/IrLayoutDetection.h"

#include <cmath>
#include <cstdio>
#include <new>
#include <sstream>
#include <string>

namespace partita
{

namespace
{
std::string withDecimals (double value, int decimals)
{
    char text[64] = {};
    std::snprintf (text, sizeof (text), "%.*f", decimals, value);
    return text;
}

/** For a 4-channel file, the only count whose meaning a file may leave
    open: the layout Auto takes and why ("B-format FuMa (W X Y Z) from the
    .amb extension", "true stereo ..., assumed: ..."). */
std::string describeFourChannelLayout (const std::filesystem::path& path, const AudioFileInfo& info)
{
    const auto name = path.filename().u8string();
    const auto hint = detectIrLayout ({ reinterpret_cast<const char*> (name.data()), name.size() }, info.numChannels,
                                      info.ambisonicBFormat);
    const auto layout = resolveIrLayout (IrLayout::automatic, hint, info.numChannels);
    if (!layout.isBFormat())
        return describeIrLayout (info.numChannels, layout, {})
               + (layout.reason == IrLayoutReason::assumed ? " (render --ir-layout)" : "");
    return std::string (layoutName (layout.layout)) + " " + describeReason (layout.reason)
           + "; a render decodes it to two virtual microphones (--ir-layout to choose another layout)";
}

std::string describeFile (const std::filesystem::path& path)
{
    const auto info = readAudioFileInfo (path);
    const auto clip = readAudioFile (path);

    const double rate = clip.sampleRate;
    const double seconds = rate > 0.0 ? static_cast<double> (clip.numFrames()) / rate : 0.0;

    std::ostringstream text;
    text << path.string() << '\n'
         << "  format:      " << info.formatName << ", " << info.sampleFormat << '\n'
         << "  channels:    " << clip.numChannels() << '\n';
    if (info.numChannels == 4)
        text << "  layout:      " << describeFourChannelLayout (path, info) << '\n';
    text << "  sample rate: " << withDecimals (rate, std::floor (rate) == rate ? 0 : 3) << " Hz\n"
         << "  length:      " << clip.numFrames() << " frames, " << withDecimals (seconds, 3) << " s\n";

    for (std::size_t channel = 0; channel < clip.numChannels(); ++channel)
    {
        const auto statistics = measureChannel (clip.channels[channel]);
        text << "  channel " << channel + 1 << ":" << (channel + 1 < 10 ? "   " : "  ") << "peak "
             << formatDecibels (gainToDecibels (statistics.peak)) << " dBFS (" << withDecimals (statistics.peak, 6)
             << "), RMS " << formatDecibels (gainToDecibels (statistics.rms)) << " dBFS\n";
    }
    return text.str();
}
} // namespace

int runInfoCommand (const InfoOptions& options, std::ostream& out, std::ostream& err)
{
    int status = 0;
    bool first = true;

    for (const auto& path : options.files)
    {
        try
        {
            const auto description = describeFile (path);
            if (!first)
                out << '\n';
            out << description;
            first = false;
        }
        catch (const std::bad_alloc&)
        {
            err << "partita: error: out of memory while reading " << path.string() << '\n';
            status = 1;
        }
        catch (const std::exception& failure)
        {
            err << "partita: error: " << failure.what() << '\n';
            status = 1;
        }
    }
    out.flush();
    return status;
}

} // namespace partita
