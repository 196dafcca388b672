// SPDX-License-Identifier: GPL-3.0-or-later
// averageRoomAcoustics (declared in RoomAcousticAnalysis.h): ISO 3382-1's
// spatial average of several channels or positions.
#include "RoomAcousticAnalysis.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace partita
{
namespace
{
template <typename Value, typename Number>
void averageInto (Value& target, std::span<const RoomBandResult* const> bands,
                  std::function<const Value&(const RoomBandResult&)> of, Number Value::*number)
{
    double sum = 0.0, sumAll = 0.0;
    int count = 0, countAll = 0;
    for (const auto* band : bands)
    {
        const auto& value = of (*band);
        if (!std::isfinite (value.*number))
            continue;
        sumAll += value.*number;
        ++countAll;
        if (value.reliable())
        {
            sum += value.*number;
            ++count;
        }
    }
    target = Value {};
    if (count > 0)
        target.*number = sum / count;
    else
    {
        // Nothing reliable: show the mean of what there is, flagged as the
        // first channel's value was.
        target.*number = countAll > 0 ? sumAll / countAll : std::numeric_limits<double>::quiet_NaN();
        target.flag = of (*bands.front()).flag.empty() ? "no channel gives a reliable value" : of (*bands.front()).flag;
    }
}

/** The fitted lines averaged alike, so that the line drawn has the mean slope. */
DecayFit meanFit (std::span<const RoomBandResult* const> bands, const DecayTimeValue RoomBandResult::*which)
{
    DecayFit mean;
    int count = 0;
    for (const auto* band : bands)
    {
        const auto& fit = ((*band).*which).fit;
        if (!fit.valid)
            continue;
        mean.slopeDbPerSecond += fit.slopeDbPerSecond;
        mean.correlation += fit.correlation;
        mean.interceptDb += fit.interceptDb;
        mean.fromSeconds += fit.fromSeconds;
        mean.toSeconds += fit.toSeconds;
        mean.fromDb = fit.fromDb;
        mean.toDb = fit.toDb;
        ++count;
    }
    if (count == 0)
        return {};
    mean.valid = true;
    for (auto* field :
         { &mean.slopeDbPerSecond, &mean.correlation, &mean.interceptDb, &mean.fromSeconds, &mean.toSeconds })
        *field /= count;
    mean.reverbTimeSeconds = -60.0 / mean.slopeDbPerSecond;
    return mean;
}

/** The channels' curves, each interpolated onto the shortest one's times, averaged in dB. */
DecayCurveTrace meanCurve (std::span<const RoomBandResult* const> bands)
{
    const auto* shortest = bands.front();
    for (const auto* band : bands)
        if (band->curve.seconds.empty()
            || (!shortest->curve.seconds.empty() && band->curve.seconds.back() < shortest->curve.seconds.back()))
            shortest = band;
    DecayCurveTrace mean;
    if (shortest->curve.seconds.empty())
        return mean;
    mean.seconds = shortest->curve.seconds;
    mean.decibels.assign (mean.seconds.size(), 0.0);
    for (const auto* band : bands)
    {
        const auto& times = band->curve.seconds;
        const auto& levels = band->curve.decibels;
        for (std::size_t i = 0; i < mean.seconds.size(); ++i)
        {
            const auto after = std::lower_bound (times.begin(), times.end(), mean.seconds[i]);
            const auto k = static_cast<std::size_t> (
                std::clamp<std::ptrdiff_t> (after - times.begin(), 1, static_cast<std::ptrdiff_t> (times.size()) - 1));
            const double span = times[k] - times[k - 1];
            const double weight = span > 0.0 ? std::clamp ((mean.seconds[i] - times[k - 1]) / span, 0.0, 1.0) : 0.0;
            mean.decibels[i] += (times.size() == 1 ? levels[0] : levels[k - 1] + weight * (levels[k] - levels[k - 1]))
                                / static_cast<double> (bands.size());
        }
    }
    return mean;
}

RoomBandResult averageBand (std::span<const RoomBandResult* const> bands)
{
    RoomBandResult mean = *bands.front();
    for (const auto which : { &RoomBandResult::edt, &RoomBandResult::t20, &RoomBandResult::t30 })
    {
        averageInto<DecayTimeValue, double> (
            mean.*which, bands, [which] (const RoomBandResult& band) -> const DecayTimeValue& { return band.*which; },
            &DecayTimeValue::seconds);
        (mean.*which).fit = meanFit (bands, which);
    }
    for (const auto which :
         { &RoomBandResult::c50Db, &RoomBandResult::c80Db, &RoomBandResult::d50, &RoomBandResult::centreTimeSeconds })
        averageInto<RoomValue, double> (
            mean.*which, bands, [which] (const RoomBandResult& band) -> const RoomValue& { return band.*which; },
            &RoomValue::value);
    for (const auto* band : bands)
    {
        mean.peakToNoiseDb = std::min (mean.peakToNoiseDb, band->peakToNoiseDb);
        mean.noiseFloorDb = std::max (mean.noiseFloorDb, band->noiseFloorDb);
        mean.truncationSeconds = std::min (mean.truncationSeconds, band->truncationSeconds);
    }
    mean.curve = meanCurve (bands);
    return mean;
}
} // namespace

RoomAcousticResult averageRoomAcoustics (std::span<const RoomAcousticResult> channels)
{
    if (channels.empty())
        return {};
    RoomAcousticResult mean = channels.front();
    std::vector<const RoomBandResult*> bands;
    for (const auto& channel : channels)
        bands.push_back (&channel.broadband);
    mean.broadband = averageBand (bands);
    for (std::size_t index = 0; index < mean.bands.size(); ++index)
    {
        bands.clear();
        for (const auto& channel : channels)
            if (index < channel.bands.size())
                bands.push_back (&channel.bands[index]);
        mean.bands[index] = averageBand (bands);
    }
    for (const auto& channel : channels)
        mean.directSoundSeconds = std::min (mean.directSoundSeconds, channel.directSoundSeconds);
    return mean;
}

} // namespace partita
