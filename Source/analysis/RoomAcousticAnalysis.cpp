// SPDX-License-Identifier: GPL-3.0-or-later
#include "RoomAcousticAnalysis.h"

#include "BandPassFilter.h"
#include "FrequencyBands.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>
#include <string>

namespace partita
{
namespace
{
/** ISO 3382-1, A.3.4: the direct sound starts where the IR first rises to
    20 dB below its peak. */
constexpr double onsetBelowPeakDb = 20.0;
/** C80 needs 80 ms after the direct sound and some decay after that. */
constexpr double minimumSecondsAfterOnset = 0.1;
/** The decay range a fit needs above the noise (ISO 3382-1, 5.3.3: the
    bottom of the evaluation range 10 dB above the noise for T20 and T30;
    EDT's 10 dB range with the same margin). */
constexpr double edtRangeDb = 20.0;
constexpr double t20RangeDb = 35.0;
constexpr double t30RangeDb = 45.0;
/** Below this peak-to-noise ratio the noise compensation decides most of the
    late energy, and the energy ratios are no longer measured values. */
constexpr double energyRatioRangeDb = 20.0;
/** Time-reversed filtering measures decays down to B T = 4 (see
    BandPassFilter::filterTimeReversed). Not so the EDT: its 10 dB lie next
    to the direct sound, where the reversed filter's response is, so it
    keeps the forward criterion, B EDT = 16 (in trials at 63 Hz: 4 % long at
    B EDT = 14, twice as long at 6). */
constexpr double minimumBandwidthTimesReverb = 4.0;
constexpr double minimumBandwidthTimesEarlyDecay = 16.0;
/** How long before the direct sound a band filter run backwards rings, in
    periods of its bandwidth: a sixth-order Butterworth band-pass's envelope
    has fallen by more than 60 dB after 4 / B. */
constexpr double preRingingPeriods = 4.0;
/** Bands whose upper edge lies above this fraction of Nyquist are skipped:
    the bilinear transform squeezes the response there. */
constexpr double highestEdgeOfNyquist = 0.9;

/** value with `decimals` digits after the point, for the flags' sentences. */
std::string fixed (double value, int decimals)
{
    std::ostringstream text;
    text << std::fixed << std::setprecision (decimals) << value;
    return text.str();
}

void checkAnalysable (std::span<const float> impulseResponse, double sampleRate)
{
    if (!(sampleRate > 0.0) || !std::isfinite (sampleRate))
        throw RoomAnalysisError ("the sample rate must be a positive number");
    if (impulseResponse.empty())
        throw RoomAnalysisError ("the impulse response is empty");
    const auto nonFinite =
        std::find_if (impulseResponse.begin(), impulseResponse.end(), [] (float v) { return !std::isfinite (v); });
    if (nonFinite != impulseResponse.end())
        throw RoomAnalysisError ("the impulse response holds a NaN or infinite sample (at sample "
                                 + std::to_string (nonFinite - impulseResponse.begin()) + ")");
    if (std::all_of (impulseResponse.begin(), impulseResponse.end(), [] (float v) { return v == 0.0f; }))
        throw RoomAnalysisError ("the impulse response is silent");
}

std::size_t directSoundOnset (std::span<const float> impulseResponse)
{
    double peak = 0.0;
    for (const auto v : impulseResponse)
        peak = std::max (peak, static_cast<double> (v) * static_cast<double> (v));
    const double threshold = peak * std::pow (10.0, -onsetBelowPeakDb / 10.0);
    for (std::size_t n = 0; n < impulseResponse.size(); ++n)
        if (static_cast<double> (impulseResponse[n]) * static_cast<double> (impulseResponse[n]) >= threshold)
            return n;
    return 0;
}

DecayCurveTrace traceOf (const std::vector<double>& decibels, double rate, std::size_t points)
{
    DecayCurveTrace trace;
    if (decibels.empty() || points == 0)
        return trace;
    const auto count = std::min (points, decibels.size());
    for (std::size_t i = 0; i < count; ++i)
    {
        // The curve falls monotonically, so sampling it loses no extreme.
        const auto frame = count == 1 ? 0
                                      : static_cast<std::size_t> (std::llround (
                                          static_cast<double> (i) * static_cast<double> (decibels.size() - 1)
                                          / static_cast<double> (count - 1)));
        trace.seconds.push_back (static_cast<double> (frame) / rate);
        trace.decibels.push_back (decibels[frame]);
    }
    return trace;
}

/** The energy ratios from the Schroeder integral S(t) (compensated for the
    noise, with the Lundeby tail beyond the truncation): early energy to t is
    S(0) - S(t), late S(t), and the first moment of the energy is the
    integral of S (by parts: sum n e[n] = sum over n >= 1 of S[n]). */
class CompensatedIntegral
{
public:
    CompensatedIntegral (const EnergyDecayCurve& curve, double sampleRate)
        : decibels (curve.decibels())
        , rate (sampleRate)
    {
        // Past the curve's end the tail line goes on, if the curve ended at
        // the truncation (and not where the noise subtracted used it up).
        const auto& tail = curve.tail();
        if (!decibels.empty() && decibels.size() == tail.truncationFrame && tail.slopeDbPerSecond < 0.0)
            tailRatio = std::pow (10.0, tail.slopeDbPerSecond / (10.0 * rate));
    }

    /** S(frame) / S(0). */
    [[nodiscard]] double remainingAt (std::size_t frame) const
    {
        if (frame < decibels.size())
            return std::pow (10.0, decibels[frame] / 10.0);
        if (tailRatio == 0.0)
            return 0.0;
        return std::pow (10.0, decibels.back() / 10.0)
               * std::pow (tailRatio, static_cast<double> (frame - decibels.size() + 1));
    }

    [[nodiscard]] double centreTimeSeconds() const
    {
        double sum = 0.0;
        for (std::size_t n = 1; n < decibels.size(); ++n)
            sum += std::pow (10.0, decibels[n] / 10.0);
        if (tailRatio > 0.0)
            sum += std::pow (10.0, decibels.back() / 10.0) * tailRatio / (1.0 - tailRatio);
        return sum / rate;
    }

private:
    const std::vector<double>& decibels;
    double rate;
    double tailRatio = 0.0;
};

/** EDT or a reverberation time (T20, T30): they are checked differently.
    Only T20 and T30 are held to ISO 3382-2's linearity: the EDT's 10 dB
    over the direct sound and the first reflections are curved in nearly
    every real room (that is what makes it differ from T), and ISO 3382-1
    defines it by the regression all the same. */
enum class DecayKind
{
    earlyDecay,
    reverberation,
};

DecayTimeValue decayTime (const EnergyDecayCurve& curve, double fromDb, double toDb, double neededRangeDb,
                          double bandwidthHz, DecayKind kind, const RoomAnalysisOptions& options)
{
    DecayTimeValue value;
    value.fit = curve.fit (fromDb, toDb);
    if (value.fit.valid)
        value.seconds = value.fit.reverbTimeSeconds;
    const double nonLinearity = 1000.0 * (1.0 - value.fit.correlation * value.fit.correlation);
    if (curve.peakToNoiseDb() < neededRangeDb)
        value.flag =
            "decay range " + fixed (curve.peakToNoiseDb(), 1) + " dB < " + fixed (neededRangeDb, 0) + " dB needed";
    else if (!value.fit.valid)
        value.flag = "the decay curve does not fall to " + fixed (toDb, 0) + " dB";
    else if (const double least =
                 kind == DecayKind::reverberation ? minimumBandwidthTimesReverb : minimumBandwidthTimesEarlyDecay;
             bandwidthHz > 0.0 && bandwidthHz * value.seconds < least)
        value.flag = "B T = " + fixed (bandwidthHz * value.seconds, 1) + " < " + fixed (least, 0)
                     + ": too short for the band filter";
    else if (kind == DecayKind::reverberation && nonLinearity > options.maximumNonLinearityPermille)
        value.flag = "curved decay: r = " + fixed (value.fit.correlation, 4) + ", xi = " + fixed (nonLinearity, 0)
                     + " per mille > " + fixed (options.maximumNonLinearityPermille, 0);
    return value;
}

/** energy: squared samples from the direct sound on. bandwidthHz 0 for broadband. */
RoomBandResult analyseEnergy (std::span<const double> energy, double rate, double bandwidthHz,
                              const RoomAnalysisOptions& options)
{
    RoomBandResult result;
    const EnergyDecayCurve curve (energy, rate);
    result.peakToNoiseDb = curve.peakToNoiseDb();
    result.noiseFloorDb = -curve.peakToNoiseDb();
    result.truncationSeconds = static_cast<double> (curve.tail().truncationFrame) / rate;
    result.curve = traceOf (curve.decibels(), rate, options.curvePoints);

    result.edt = decayTime (curve, 0.0, -10.0, edtRangeDb, bandwidthHz, DecayKind::earlyDecay, options);
    result.t20 = decayTime (curve, -5.0, -25.0, t20RangeDb, bandwidthHz, DecayKind::reverberation, options);
    result.t30 = decayTime (curve, -5.0, -35.0, t30RangeDb, bandwidthHz, DecayKind::reverberation, options);

    if (curve.decibels().empty())
    {
        for (auto* value : { &result.c50Db, &result.c80Db, &result.d50, &result.centreTimeSeconds })
            value->flag = "no energy in this band";
        return result;
    }
    const CompensatedIntegral integral (curve, rate);
    const auto lateAfter = [&] (double seconds)
    { return integral.remainingAt (static_cast<std::size_t> (std::llround (seconds * rate))); };
    // With the noise subtracted, a band barely above it can have less
    // energy left at 0 than later (or none left at all): no ratio then.
    const auto checked = [] (double late) { return late > 0.0 && late < 1.0 ? late : std::nan (""); };
    const double late50 = checked (lateAfter (0.05));
    const double late80 = checked (lateAfter (0.08));
    result.c50Db.value = 10.0 * std::log10 ((1.0 - late50) / late50);
    result.c80Db.value = 10.0 * std::log10 ((1.0 - late80) / late80);
    result.d50.value = 1.0 - late50;
    result.centreTimeSeconds.value = integral.centreTimeSeconds();

    std::string flag;
    if (curve.peakToNoiseDb() < energyRatioRangeDb)
        flag = "peak-to-noise ratio " + fixed (curve.peakToNoiseDb(), 1) + " dB < " + fixed (energyRatioRangeDb, 0)
               + " dB needed";
    for (auto* value : { &result.c50Db, &result.c80Db, &result.d50, &result.centreTimeSeconds })
        if (!std::isfinite (value->value))
            value->flag = "no decay above the noise";
        else
            value->flag = flag;
    // Late energy after a decay that met the noise before the limit is the
    // Lundeby line's extrapolation, not a measurement (a cabinet IR's C80
    // would read 150 dB).
    const auto measuredUpTo = [&] (RoomValue& value, double limitSeconds)
    {
        if (value.flag.empty() && result.truncationSeconds < limitSeconds)
            value.flag = "the decay meets the noise at " + fixed (result.truncationSeconds * 1000.0, 0)
                         + " ms, before the " + fixed (limitSeconds * 1000.0, 0) + " ms limit";
    };
    measuredUpTo (result.c50Db, 0.05);
    measuredUpTo (result.d50, 0.05);
    measuredUpTo (result.c80Db, 0.08);
    return result;
}

std::vector<double> squared (std::span<const double> signal, std::size_t from)
{
    std::vector<double> energy (signal.size() - std::min (from, signal.size()));
    for (std::size_t n = 0; n < energy.size(); ++n)
        energy[n] = signal[from + n] * signal[from + n];
    return energy;
}
} // namespace

RoomAcousticResult analyseRoomAcoustics (std::span<const float> impulseResponse, double sampleRate,
                                         const RoomAnalysisOptions& options)
{
    checkAnalysable (impulseResponse, sampleRate);
    const auto onset = directSoundOnset (impulseResponse);
    const double secondsAfterOnset = static_cast<double> (impulseResponse.size() - onset) / sampleRate;
    if (secondsAfterOnset < minimumSecondsAfterOnset)
        throw RoomAnalysisError ("the impulse response is too short to analyse: "
                                 + fixed (secondsAfterOnset * 1000.0, 0) + " ms after the direct sound, at least "
                                 + fixed (minimumSecondsAfterOnset * 1000.0, 0) + " ms needed");

    RoomAcousticResult result;
    result.sampleRate = sampleRate;
    result.directSoundSeconds = static_cast<double> (onset) / sampleRate;

    const std::vector<double> signal (impulseResponse.begin(), impulseResponse.end());
    result.broadband = analyseEnergy (squared (signal, onset), sampleRate, 0.0, options);
    result.broadband.label = "broadband";
    result.broadband.upperEdgeHz = sampleRate / 2.0;

    // Zeros ahead of the IR catch the filter's ringing that runs backwards
    // from the direct sound; that energy belongs to the direct sound and is
    // counted at its onset. Run backwards, the filter also moves the band's
    // energy ahead by its group delay (14 ms at 63 Hz: 0.2 to 0.8 dB of C80
    // there), so the band's time starts that much before the direct sound's.
    struct BandWork
    {
        FrequencyBand band;
        BandPassFilter filter;
        std::size_t lead;    // frames of ringing before the band's onset
        std::size_t advance; // the group delay in frames
    };
    std::vector<BandWork> work;
    std::string skipped;
    std::size_t padding = 0;
    for (const auto& band : roomAcousticBands (options.bands))
    {
        if (band.upperEdgeHz > highestEdgeOfNyquist * sampleRate / 2.0)
        {
            result.skippedBandsHz.push_back (band.centreHz);
            skipped += (skipped.empty() ? "" : ", ") + band.label;
            continue;
        }
        const BandPassFilter filter (band.lowerEdgeHz, band.upperEdgeHz, sampleRate);
        const double bandwidthHz = band.upperEdgeHz - band.lowerEdgeHz;
        const auto lead = static_cast<std::size_t> (std::ceil (preRingingPeriods / bandwidthHz * sampleRate));
        const auto advance = static_cast<std::size_t> (std::lround (filter.groupDelayAt (band.centreHz) * sampleRate));
        padding = std::max (padding, lead + advance);
        work.push_back ({ band, filter, lead, advance });
    }

    // One padded copy and one output buffer for every band: a 3 s IR is
    // over a megabyte a copy, and fresh pages cost more than the filtering.
    std::vector<double> padded (padding, 0.0);
    padded.insert (padded.end(), signal.begin(), signal.end());
    std::vector<double> filtered;
    std::vector<double> energy;
    for (const auto& [band, filter, lead, advance] : work)
    {
        filter.filterTimeReversed (padded, filtered);
        const auto bandOnset = padding + onset - advance;
        energy.assign (filtered.size() - bandOnset, 0.0);
        for (std::size_t n = 0; n < energy.size(); ++n)
            energy[n] = filtered[bandOnset + n] * filtered[bandOnset + n];
        for (std::size_t n = bandOnset - lead; n < bandOnset; ++n)
            energy.front() += filtered[n] * filtered[n];

        auto bandResult = analyseEnergy (energy, sampleRate, band.upperEdgeHz - band.lowerEdgeHz, options);
        bandResult.centreHz = band.centreHz;
        bandResult.label = band.label;
        bandResult.lowerEdgeHz = band.lowerEdgeHz;
        bandResult.upperEdgeHz = band.upperEdgeHz;
        result.bands.push_back (std::move (bandResult));
    }
    if (!skipped.empty())
        result.notes.push_back ("bands above 0.9 x Nyquist skipped: " + skipped);
    return result;
}

} // namespace partita
