// SPDX-License-Identifier: GPL-3.0-or-later
#include "AnalyzeReport.h"

#include "DecimalText.h"

#include <cmath>
#include <cstdio>
#include <functional>
#include <string_view>

namespace partita
{

namespace
{
/** One printed parameter of a band: its JSON and CSV key, its table heading,
    and how to get it. */
struct Column
{
    std::string_view key;
    std::string_view heading;
    int decimals;
    double scale;
    std::function<double (const RoomBandResult&)> value;
    std::function<const std::string&(const RoomBandResult&)> flag;
};

const std::vector<Column>& columns()
{
    static const std::vector<Column> table {
        { "edt_s", "EDT s", 2, 1.0, [] (const RoomBandResult& b) { return b.edt.seconds; },
          [] (const RoomBandResult& b) -> const std::string& { return b.edt.flag; } },
        { "t20_s", "T20 s", 2, 1.0, [] (const RoomBandResult& b) { return b.t20.seconds; },
          [] (const RoomBandResult& b) -> const std::string& { return b.t20.flag; } },
        { "t30_s", "T30 s", 2, 1.0, [] (const RoomBandResult& b) { return b.t30.seconds; },
          [] (const RoomBandResult& b) -> const std::string& { return b.t30.flag; } },
        { "c50_db", "C50 dB", 1, 1.0, [] (const RoomBandResult& b) { return b.c50Db.value; },
          [] (const RoomBandResult& b) -> const std::string& { return b.c50Db.flag; } },
        { "c80_db", "C80 dB", 1, 1.0, [] (const RoomBandResult& b) { return b.c80Db.value; },
          [] (const RoomBandResult& b) -> const std::string& { return b.c80Db.flag; } },
        { "d50", "D50", 2, 1.0, [] (const RoomBandResult& b) { return b.d50.value; },
          [] (const RoomBandResult& b) -> const std::string& { return b.d50.flag; } },
        { "ts_s", "Ts ms", 0, 1000.0, [] (const RoomBandResult& b) { return b.centreTimeSeconds.value; },
          [] (const RoomBandResult& b) -> const std::string& { return b.centreTimeSeconds.flag; } },
    };
    return table;
}

/** Enough digits for a script, none invented: 6 significant. */
std::string csvNumber (double value)
{
    if (!std::isfinite (value))
        return {};
    char text[64] = {};
    std::snprintf (text, sizeof (text), "%.6g", value);
    return text;
}

std::string padded (std::string text, std::size_t width, bool left = false)
{
    if (text.size() >= width)
        return text;
    const std::string spaces (width - text.size(), ' ');
    return left ? text + spaces : spaces + text;
}

std::string peakToNoiseText (double decibels)
{
    return std::isinf (decibels) ? "inf" : withDecimals (decibels, 1);
}

std::string withoutTrailingSpaces (std::string line)
{
    line.erase (line.find_last_not_of (' ') + 1);
    return line;
}

constexpr std::size_t labelWidth = 11;
constexpr std::size_t valueWidth = 8;

void appendRow (std::string& text, const RoomBandResult& band, std::vector<std::string>& reasons)
{
    text += "  " + padded (band.label, labelWidth, true);
    for (const auto& column : columns())
    {
        const double value = column.value (band);
        std::string cell = std::isfinite (value) ? withDecimals (value * column.scale, column.decimals) : "-";
        if (!column.flag (band).empty())
        {
            cell += "*";
            reasons.push_back (bandName (band) + " "
                               + std::string (column.heading.substr (0, column.heading.find (' '))) + ": "
                               + column.flag (band));
        }
        else
            cell += " ";
        text += padded (cell, valueWidth);
    }
    text += padded (peakToNoiseText (band.peakToNoiseDb) + " ", valueWidth);
    text = withoutTrailingSpaces (std::move (text)) + "\n";
}

void writeBand (JsonWriter& json, const RoomBandResult& band, bool broadband)
{
    json.beginObject();
    json.key ("center_hz");
    if (broadband)
        json.nullValue();
    else
        json.value (band.centreHz);
    json.key ("label");
    json.value (band.label);
    if (!broadband)
    {
        json.key ("lower_edge_hz");
        json.value (band.lowerEdgeHz);
        json.key ("upper_edge_hz");
        json.value (band.upperEdgeHz);
    }
    for (const auto& column : columns())
    {
        json.key (column.key);
        if (column.flag (band).empty())
            json.value (column.value (band));
        else
            json.nullValue();
    }
    json.key ("pnr_db");
    json.value (band.peakToNoiseDb);
    json.key ("edt_r");
    json.value (band.edt.fit.valid ? band.edt.fit.correlation : std::nan (""));
    json.key ("t20_r");
    json.value (band.t20.fit.valid ? band.t20.fit.correlation : std::nan (""));
    json.key ("t30_r");
    json.value (band.t30.fit.valid ? band.t30.fit.correlation : std::nan (""));
    json.key ("truncation_s");
    json.value (band.truncationSeconds);
    json.key ("flags");
    json.beginObject();
    for (const auto& column : columns())
        if (!column.flag (band).empty())
        {
            json.key (column.key);
            json.value (column.flag (band));
        }
    json.endObject();
    json.endObject();
}

void writeResult (JsonWriter& json, const RoomAcousticResult& result)
{
    json.key ("direct_sound_s");
    json.value (result.directSoundSeconds);
    json.key ("bands");
    json.beginArray();
    for (const auto& band : result.bands)
        writeBand (json, band, false);
    json.endArray();
    json.key ("broadband");
    writeBand (json, result.broadband, true);
}

std::string csvQuoted (const std::string& text)
{
    std::string quoted = "\"";
    for (const char c : text)
        quoted += c == '"' ? std::string ("\"\"") : std::string (1, c);
    return quoted + "\"";
}

/** Joins cells with commas (append, not operator+: GCC 12 misreads
    "," + std::string as an overlapping copy under -Werror=restrict). */
std::string csvLine (const std::vector<std::string>& cells)
{
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i)
        line.append (i == 0 ? "" : ",").append (cells[i]);
    return line.append ("\n");
}

void appendCsvRow (std::string& text, const AnalyzedFile& file, const std::string& channel, const RoomBandResult& band)
{
    std::vector<std::string> cells { csvQuoted (file.name), channel, band.label,
                                     band.label == "broadband" ? std::string() : csvNumber (band.centreHz) };
    std::string flags;
    for (const auto& column : columns())
    {
        const bool flagged = !column.flag (band).empty();
        cells.push_back (flagged ? std::string() : csvNumber (column.value (band)));
        if (flagged)
            flags.append (flags.empty() ? "" : "; ").append (column.key).append (": ").append (column.flag (band));
    }
    const auto correlation = [] (const DecayTimeValue& v)
    { return v.fit.valid ? csvNumber (v.fit.correlation) : std::string(); };
    cells.push_back (csvNumber (band.peakToNoiseDb));
    cells.push_back (correlation (band.edt));
    cells.push_back (correlation (band.t20));
    cells.push_back (correlation (band.t30));
    cells.push_back (flags.empty() ? std::string() : csvQuoted (flags));
    text += csvLine (cells);
}

void appendCsvResult (std::string& text, const AnalyzedFile& file, const std::string& channel,
                      const RoomAcousticResult& result)
{
    for (const auto& band : result.bands)
        appendCsvRow (text, file, channel, band);
    appendCsvRow (text, file, channel, result.broadband);
}
} // namespace

std::string bandName (const RoomBandResult& band)
{
    if (band.label == "broadband")
        return band.label;
    if (!band.label.empty() && band.label.back() == 'k')
        return band.label.substr (0, band.label.size() - 1) + " kHz";
    return band.label + " Hz";
}

std::string analysisTable (const AnalyzedFile& file)
{
    const auto& result = file.result;
    std::string text = file.name + "\n  " + std::to_string (file.channelCount)
                       + (file.channelCount == 1 ? " channel, " : " channels, ") + withDecimals (file.sampleRate, 0)
                       + " Hz, " + withDecimals (file.seconds, 3) + " s; " + file.analysed + "; direct sound at "
                       + withDecimals (result.directSoundSeconds * 1000.0, 1) + " ms\n\n";
    text += "  " + padded ("band", labelWidth, true);
    for (const auto& column : columns())
        text += padded (std::string (column.heading) + " ", valueWidth);
    text += padded ("PNR dB ", valueWidth);
    text = withoutTrailingSpaces (std::move (text)) + "\n";

    std::vector<std::string> reasons;
    for (const auto& band : result.bands)
        appendRow (text, band, reasons);
    appendRow (text, result.broadband, reasons);
    for (const auto& note : result.notes)
        text += "  note: " + note + "\n";
    if (!reasons.empty())
    {
        text += "  * flagged, not a measured value:\n";
        for (const auto& reason : reasons)
            text += "    " + reason + "\n";
    }
    return text;
}

void writeAnalysisJson (JsonWriter& json, const AnalyzedFile& file)
{
    json.beginObject();
    json.key ("file");
    json.value (file.name);
    json.key ("channel_count");
    json.value (static_cast<std::uint64_t> (file.channelCount));
    json.key ("sample_rate_hz");
    json.value (file.sampleRate);
    json.key ("duration_s");
    json.value (file.seconds);
    json.key ("analysed");
    json.value (file.analysed);
    writeResult (json, file.result);
    json.key ("skipped_bands_hz");
    json.beginArray();
    for (const auto frequency : file.result.skippedBandsHz)
        json.value (frequency);
    json.endArray();
    json.key ("notes");
    json.beginArray();
    for (const auto& note : file.result.notes)
        json.value (note);
    json.endArray();
    if (!file.channels.empty())
    {
        json.key ("channels");
        json.beginArray();
        for (std::size_t index = 0; index < file.channels.size(); ++index)
        {
            json.beginObject();
            json.key ("channel");
            json.value (static_cast<std::uint64_t> (index + 1));
            writeResult (json, file.channels[index]);
            json.endObject();
        }
        json.endArray();
    }
    json.endObject();
}

std::string analysisCsvHeader()
{
    std::vector<std::string> cells { "file", "channel", "band", "center_hz" };
    for (const auto& column : columns())
        cells.emplace_back (column.key);
    for (const auto* key : { "pnr_db", "edt_r", "t20_r", "t30_r", "flags" })
        cells.emplace_back (key);
    return csvLine (cells);
}

std::string analysisCsvRows (const AnalyzedFile& file)
{
    std::string text;
    appendCsvResult (text, file, file.analysedKey, file.result);
    for (std::size_t index = 0; index < file.channels.size(); ++index)
        appendCsvResult (text, file, std::to_string (index + 1), file.channels[index]);
    return text;
}

} // namespace partita
