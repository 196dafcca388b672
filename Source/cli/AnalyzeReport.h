// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "JsonWriter.h"
#include "analysis/RoomAcousticAnalysis.h"

#include <cstddef>
#include <string>
#include <vector>

namespace partita
{

/** One IR file analysed by `partita analyze`, ready to print. */
struct AnalyzedFile
{
    /** The name as given on the command line. */
    std::string name;
    std::size_t channelCount = 0;
    double sampleRate = 0.0;
    double seconds = 0.0;
    /** What the top-level result is of: "channel 2", "the average of 2
        channels (ISO 3382-1)", "the W channel of B-format (FuMa)". */
    std::string analysed;
    /** The short form of that for CSV's channel column: "2", "mean", "W". */
    std::string analysedKey;
    RoomAcousticResult result;
    /** Each channel's own result, for a file of several channels analysed
        whole; empty otherwise. */
    std::vector<RoomAcousticResult> channels;
};

/** How the table and the plot name a band: "63 Hz", "1.25 kHz", "broadband". */
std::string bandName (const RoomBandResult& band);

/** The readable table: a header line, one row per band and broadband, and
    the reasons for the flagged values (marked '*') below it. */
std::string analysisTable (const AnalyzedFile& file);

/** One JSON object; the keys are documented in docs/analysis.md: keep them
    stable. A flagged value is null, and its reason is in the entry's
    "flags" object under the value's key. */
void writeAnalysisJson (JsonWriter& json, const AnalyzedFile& file);

/** The CSV header line, and a file's rows (each band then broadband, for the
    top-level result and then each channel), every line ending in '\n'. */
std::string analysisCsvHeader();
std::string analysisCsvRows (const AnalyzedFile& file);

} // namespace partita
