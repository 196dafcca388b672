// SPDX-License-Identifier: GPL-3.0-or-later
#include "AnalyzeCommand.h"

#include "AnalyzeReport.h"
#include "DecayCurvePlot.h"
#include "JsonWriter.h"
#include "io/AudioFileReader.h"
#include "ir/IrLayoutDetection.h"

#include <fstream>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace partita
{

namespace
{
RoomAcousticResult analyseChannel (const std::vector<double>& samples, double sampleRate,
                                   const RoomAnalysisOptions& options, const std::string& which)
{
    const std::vector<float> channel (samples.begin(), samples.end());
    try
    {
        return analyseRoomAcoustics (channel, sampleRate, options);
    }
    catch (const RoomAnalysisError& error)
    {
        throw std::runtime_error (which + error.what());
    }
}

AnalyzedFile analyseFile (const std::filesystem::path& path, const AnalyzeOptions& options)
{
    AnalyzedFile file;
    file.name = path.string();
    const auto info = readAudioFileInfo (path);
    const auto clip = readAudioFile (path);
    file.channelCount = clip.numChannels();
    file.sampleRate = clip.sampleRate;
    file.seconds = clip.sampleRate > 0.0 ? static_cast<double> (clip.numFrames()) / clip.sampleRate : 0.0;

    RoomAnalysisOptions analysis;
    analysis.bands = options.bands;
    const auto prefix = [&] (std::size_t channel)
    { return file.name + (file.channelCount > 1 ? ", channel " + std::to_string (channel + 1) : "") + ": "; };

    if (options.channel)
    {
        const auto channel = *options.channel - 1;
        if (channel >= file.channelCount)
            throw std::runtime_error (file.name + " has " + std::to_string (file.channelCount)
                                      + (file.channelCount == 1 ? " channel" : " channels") + "; --channel "
                                      + std::to_string (*options.channel) + " is not one of them");
        file.analysed = "channel " + std::to_string (channel + 1);
        file.analysedKey = std::to_string (channel + 1);
        file.result = analyseChannel (clip.channels[channel], clip.sampleRate, analysis, prefix (channel));
        return file;
    }
    if (file.channelCount == 1)
    {
        file.analysed = "mono";
        file.analysedKey = "1";
        file.result = analyseChannel (clip.channels.front(), clip.sampleRate, analysis, prefix (0));
        return file;
    }
    for (std::size_t channel = 0; channel < file.channelCount; ++channel)
        file.channels.push_back (analyseChannel (clip.channels[channel], clip.sampleRate, analysis, prefix (channel)));

    // ISO 3382-1 averages omnidirectional positions; of a B-format
    // recording only W is omnidirectional (X, Y, Z are figures of eight).
    const auto fileName = path.filename().u8string();
    const auto hint = detectIrLayout ({ reinterpret_cast<const char*> (fileName.data()), fileName.size() },
                                      file.channelCount, info.ambisonicBFormat);
    if (hint.says() && isBFormat (hint.layout))
    {
        file.analysed =
            "the W channel of " + std::string (layoutName (hint.layout)) + " " + describeReason (hint.reason);
        file.analysedKey = "W";
        file.result = file.channels.front(); // W is channel 1 in FuMa and in AmbiX (ACN 0)
    }
    else
    {
        file.analysed = "the average of " + std::to_string (file.channelCount) + " channels (ISO 3382-1)";
        file.analysedKey = "mean";
        file.result = averageRoomAcoustics (file.channels);
    }
    return file;
}

void writePlot (const std::filesystem::path& plot, const AnalyzedFile& file)
{
    const auto name = std::filesystem::path (file.name).filename().string();
    const auto svg = decayCurvePlotSvg (file.result, name,
                                        file.analysed + "; " + std::to_string (static_cast<int> (file.sampleRate))
                                            + " Hz; time from the direct sound");
    std::ofstream stream (plot, std::ios::binary | std::ios::trunc);
    stream << svg;
    stream.close();
    if (!stream)
        throw std::runtime_error ("cannot write the plot " + plot.string());
}

} // namespace

int runAnalyzeCommand (const AnalyzeOptions& options, std::ostream& out, std::ostream& err)
{
    int status = 0;
    bool firstText = true;
    JsonWriter json;
    const bool jsonArray = options.files.size() > 1;
    if (options.output == AnalyzeOutput::json && jsonArray)
        json.beginArray();
    if (options.output == AnalyzeOutput::csv)
        out << analysisCsvHeader();

    for (const auto& path : options.files)
    {
        std::optional<AnalyzedFile> file;
        std::string error;
        try
        {
            file = analyseFile (path, options);
            if (!options.plot.empty())
                writePlot (options.plot, *file);
        }
        catch (const std::bad_alloc&)
        {
            error = "out of memory while analysing " + path.string();
        }
        catch (const std::exception& failure)
        {
            error = failure.what();
        }
        if (!error.empty())
        {
            err << "partita: error: " << error << '\n';
            status = 1;
            if (options.output == AnalyzeOutput::json)
                writeFileErrorJson (json, path.string(), error);
            continue;
        }
        switch (options.output)
        {
            case AnalyzeOutput::json:
                writeAnalysisJson (json, *file);
                break;
            case AnalyzeOutput::csv:
                out << analysisCsvRows (*file);
                break;
            case AnalyzeOutput::table:
                out << (firstText ? "" : "\n") << analysisTable (*file);
                if (!options.plot.empty())
                    out << "  decay curves drawn in " << options.plot.string() << '\n';
                firstText = false;
                break;
        }
    }
    if (options.output == AnalyzeOutput::json)
    {
        if (jsonArray)
            json.endArray();
        out << json.text() << '\n';
    }
    out.flush();
    return status;
}

} // namespace partita
