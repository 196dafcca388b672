// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecordingChecks.h"

#include "MeasurementError.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace partita
{
namespace
{

std::string seconds (double value)
{
    std::ostringstream text;
    text.precision (3);
    text << std::fixed << value << " s";
    return text.str();
}

/** The first frame of a run of at least minimumRun samples at the channel's
    peak magnitude, or the channel's length when there is none. */
std::size_t findFlatTop (const std::vector<double>& channel, double peak, std::size_t minimumRun)
{
    const double level = peak * (1.0 - 1.0e-7);
    std::size_t run = 0;
    for (std::size_t frame = 0; frame < channel.size(); ++frame)
    {
        run = std::abs (channel[frame]) >= level ? run + 1 : 0;
        if (run >= minimumRun)
            return frame + 1 - run;
    }
    return channel.size();
}

} // namespace

void checkRecording (const AudioClip& recording, const std::string& name, double sweepRate, std::size_t sweepFrames)
{
    if (recording.sampleRate != sweepRate)
    {
        std::ostringstream text;
        text << name << ": recorded at " << recording.sampleRate << " Hz, but the sweep is at " << sweepRate << " Hz";
        throw MeasurementError (text.str());
    }
    if (recording.numChannels() == 0 || recording.numFrames() < sweepFrames)
        throw MeasurementError (
            name + ": too short (" + seconds (static_cast<double> (recording.numFrames()) / sweepRate)
            + ") to hold the sweep (" + seconds (static_cast<double> (sweepFrames) / sweepRate) + ")");

    for (std::size_t channel = 0; channel < recording.numChannels(); ++channel)
    {
        const auto& samples = recording.channels[channel];
        double peak = 0.0;
        for (const double sample : samples)
            peak = std::max (peak, std::abs (sample));
        const auto where = name + (recording.numChannels() > 1 ? " channel " + std::to_string (channel + 1) : "");
        if (!(peak >= 1.0e-5))
            throw MeasurementError (where + ": silent (peak below -100 dBFS)");

        constexpr double clippingLevel = 0.98856; // -0.1 dBFS
        if (peak >= clippingLevel)
            if (const auto start = findFlatTop (samples, peak, 4); start < samples.size())
                throw MeasurementError (where + ": clipped at " + seconds (static_cast<double> (start) / sweepRate)
                                        + " (consecutive samples at full scale); record at a lower level");
    }
}

} // namespace partita
