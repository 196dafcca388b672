// SPDX-License-Identifier: GPL-3.0-or-later
#include "DecayCurvePlot.h"

#include "AnalyzeReport.h"
#include "DecimalText.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace partita
{

namespace
{
constexpr double width = 960.0;
constexpr double height = 600.0;
constexpr double left = 72.0;
constexpr double right = 200.0; // the legend's room
constexpr double top = 48.0;
constexpr double bottom = 64.0;
constexpr double plotWidth = width - left - right;
constexpr double plotHeight = height - top - bottom;
constexpr double lowestDb = -100.0;

/** Coordinates and labels: one decimal unless asked otherwise. */
std::string number (double value, int decimals = 1)
{
    return withDecimals (value, decimals);
}

std::string escaped (std::string_view text)
{
    std::string out;
    for (const char c : text)
        switch (c)
        {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    return out;
}

/** A step of 1, 2 or 5 times a power of ten giving about `ticks` intervals. */
double niceStep (double span, double ticks)
{
    const double raw = span / ticks;
    const double power = std::pow (10.0, std::floor (std::log10 (raw)));
    for (const double multiple : { 1.0, 2.0, 5.0, 10.0 })
        if (multiple * power >= raw)
            return multiple * power;
    return 10.0 * power;
}

/** Low bands blue, high bands red, through green: in order of frequency. */
std::string colourOf (std::size_t index, std::size_t count)
{
    const double hue =
        count > 1 ? 240.0 * (1.0 - static_cast<double> (index) / static_cast<double> (count - 1)) : 240.0;
    return "hsl(" + number (hue, 0) + ",75%,40%)";
}

struct Axes
{
    double seconds;
    double floorDb;

    [[nodiscard]] double x (double t) const { return left + plotWidth * std::clamp (t / seconds, 0.0, 1.0); }
    [[nodiscard]] double y (double db) const { return top + plotHeight * std::clamp (db / floorDb, 0.0, 1.0); }
};

std::string polyline (const DecayCurveTrace& curve, const Axes& axes, const std::string& colour, double strokeWidth)
{
    std::string points;
    for (std::size_t i = 0; i < curve.seconds.size(); ++i)
    {
        if (curve.seconds[i] > axes.seconds)
            break;
        points += number (axes.x (curve.seconds[i])) + "," + number (axes.y (curve.decibels[i])) + " ";
        if (curve.decibels[i] < axes.floorDb)
            break;
    }
    return "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"" + number (strokeWidth) + "\" points=\""
           + points + "\"/>\n";
}

const DecayTimeValue& drawnFit (const RoomBandResult& band)
{
    return band.t30.fit.valid ? band.t30 : band.t20;
}

/** The fitted line, dashed, from 0 dB's time to a quarter past the end of
    its range, so that it shows beside the curve it was fitted to. */
std::string fitLine (const RoomBandResult& band, const Axes& axes, const std::string& colour)
{
    const auto& fit = drawnFit (band).fit;
    if (!fit.valid)
        return {};
    const auto at = [&] (double t) { return fit.interceptDb + fit.slopeDbPerSecond * t; };
    const double start = std::max (0.0, -fit.interceptDb / fit.slopeDbPerSecond);
    const double end = fit.toSeconds + 0.25 * (fit.toSeconds - fit.fromSeconds);
    return "<line x1=\"" + number (axes.x (start)) + "\" y1=\"" + number (axes.y (at (start))) + "\" x2=\""
           + number (axes.x (end)) + "\" y2=\"" + number (axes.y (at (end))) + "\" stroke=\"" + colour
           + "\" stroke-width=\"1.5\" stroke-dasharray=\"6,4\"/>\n";
}

std::string legendText (const RoomBandResult& band)
{
    const auto& shown = band.t30.fit.valid ? band.t30 : band.t20;
    const auto name = bandName (band);
    const std::string which = &shown == &band.t30 ? "T30 " : "T20 ";
    if (!std::isfinite (shown.seconds))
        return name + "  T30 -";
    return name + "  " + which + number (shown.seconds, 2) + " s" + (shown.reliable() ? "" : "*");
}
} // namespace

std::string decayCurvePlotSvg (const RoomAcousticResult& result, std::string_view title, std::string_view subtitle)
{
    std::vector<const RoomBandResult*> bands;
    for (const auto& band : result.bands)
        bands.push_back (&band);
    bands.push_back (&result.broadband);

    double longest = 0.0, deepest = 0.0;
    for (const auto* band : bands)
        if (!band->curve.seconds.empty())
        {
            longest = std::max (longest, band->curve.seconds.back());
            deepest = std::min (deepest, *std::min_element (band->curve.decibels.begin(), band->curve.decibels.end()));
        }
    const double timeStep = niceStep (std::max (longest, 0.01), 8.0);
    const Axes axes { std::ceil (std::max (longest, 0.01) / timeStep) * timeStep,
                      std::max (lowestDb, std::min (-60.0, std::floor (deepest / 10.0) * 10.0)) };

    std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\""
                      + number (width, 0) + "\" height=\"" + number (height, 0) + "\" viewBox=\"0 0 "
                      + number (width, 0) + " " + number (height, 0)
                      + "\" font-family=\"sans-serif\" font-size=\"13\">\n"
                        "<title>"
                      + escaped (title) + "</title>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
    svg += "<text x=\"" + number (left)
           + "\" y=\"22\" font-size=\"16\" font-weight=\"bold\">Energy decay curves: " + escaped (title) + "</text>\n";
    svg += "<text x=\"" + number (left) + "\" y=\"40\" font-size=\"12\" fill=\"#555555\">" + escaped (subtitle)
           + "</text>\n";

    // Grid and tick labels.
    svg += "<g stroke=\"#dddddd\" stroke-width=\"1\">\n";
    for (double t = 0.0; t <= axes.seconds + 1e-9; t += timeStep)
        svg += "<line x1=\"" + number (axes.x (t)) + "\" y1=\"" + number (top) + "\" x2=\"" + number (axes.x (t))
               + "\" y2=\"" + number (top + plotHeight) + "\"/>\n";
    for (double db = 0.0; db >= axes.floorDb - 1e-9; db -= 10.0)
        svg += "<line x1=\"" + number (left) + "\" y1=\"" + number (axes.y (db)) + "\" x2=\""
               + number (left + plotWidth) + "\" y2=\"" + number (axes.y (db)) + "\"/>\n";
    svg += "</g>\n<g fill=\"#333333\">\n";
    const int timeDecimals = timeStep >= 1.0 ? 0 : (timeStep >= 0.1 ? 1 : 2);
    for (double t = 0.0; t <= axes.seconds + 1e-9; t += timeStep)
        svg += "<text x=\"" + number (axes.x (t)) + "\" y=\"" + number (top + plotHeight + 18)
               + "\" text-anchor=\"middle\">" + number (t, timeDecimals) + "</text>\n";
    for (double db = 0.0; db >= axes.floorDb - 1e-9; db -= 10.0)
        svg += "<text x=\"" + number (left - 8) + "\" y=\"" + number (axes.y (db) + 4) + "\" text-anchor=\"end\">"
               + number (db, 0) + "</text>\n";
    svg += "<text x=\"" + number (left + plotWidth / 2) + "\" y=\"" + number (height - 18)
           + "\" text-anchor=\"middle\">time after the direct sound (s)</text>\n";
    svg += "<text transform=\"translate(20," + number (top + plotHeight / 2)
           + ") rotate(-90)\" text-anchor=\"middle\">energy decay (dB)</text>\n</g>\n";
    svg += "<rect x=\"" + number (left) + "\" y=\"" + number (top) + "\" width=\"" + number (plotWidth) + "\" height=\""
           + number (plotHeight) + "\" fill=\"none\" stroke=\"#333333\"/>\n";

    // Curves, fits and the legend.
    const double legendX = left + plotWidth + 16.0;
    const double legendStep = std::min (20.0, plotHeight / static_cast<double> (bands.size() + 2));
    svg += "<text x=\"" + number (legendX) + "\" y=\"" + number (top + 4)
           + "\" font-weight=\"bold\">band, decay time</text>\n";
    std::string fits; // drawn over every curve
    for (std::size_t index = 0; index < bands.size(); ++index)
    {
        const auto& band = *bands[index];
        const bool broadband = index + 1 == bands.size();
        const auto colour = broadband ? std::string ("black") : colourOf (index, bands.size() - 1);
        svg += polyline (band.curve, axes, colour, broadband ? 2.0 : 1.5);
        fits += fitLine (band, axes, colour);
        const double y = top + 20.0 + legendStep * static_cast<double> (index);
        svg += "<line x1=\"" + number (legendX) + "\" y1=\"" + number (y - 4) + "\" x2=\"" + number (legendX + 22)
               + "\" y2=\"" + number (y - 4) + "\" stroke=\"" + colour + "\" stroke-width=\"3\"/>\n";
        svg += "<text x=\"" + number (legendX + 28) + "\" y=\"" + number (y) + "\">" + escaped (legendText (band))
               + "</text>\n";
    }
    svg += fits;
    const double noteY = top + 20.0 + legendStep * static_cast<double> (bands.size()) + 8.0;
    svg += "<text x=\"" + number (legendX) + "\" y=\"" + number (noteY)
           + "\" font-size=\"11\" fill=\"#555555\">dashed: the fit (T30, else T20)</text>\n";
    svg += "<text x=\"" + number (legendX) + "\" y=\"" + number (noteY + 14)
           + "\" font-size=\"11\" fill=\"#555555\">* flagged (see the table)</text>\n";
    svg += "</svg>\n";
    return svg;
}

} // namespace partita
