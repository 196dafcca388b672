// SPDX-License-Identifier: GPL-3.0-or-later
#include "FactoryIrFiles.h"

#include "StandardStreams.h"
#include "UsageError.h"
#include "factory/FactoryCatalogue.h"
#include "io/AudioFileWriter.h"
#include "io/OutputFormat.h"

#include <iomanip>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <utility>

namespace partita
{

bool FactoryIrFiles::names (const std::filesystem::path& path)
{
    return path.string().starts_with (prefix);
}

const GeneratedIr& FactoryIrFiles::find (const std::filesystem::path& path)
{
    const auto id = path.string().substr (prefix.size());
    const auto* ir = findGeneratedFactoryIr (id);
    if (ir == nullptr)
        throw UsageError ("there is no factory IR '" + id + "'; 'partita info factory:' lists them");
    return *ir;
}

std::filesystem::path FactoryIrFiles::fileFor (const std::filesystem::path& path)
{
    const auto& ir = find (path);
    if (const auto found = made.find (ir.id); found != made.end())
        return found->second;
    if (scratch == nullptr)
        scratch = std::make_unique<ScratchFolder>();
    const auto file = *scratch / (ir.id + ".wav");
    writeAudioFile (file, ir.generate(), { FileContainer::wav, SampleFormat::float64 }, OverwritePolicy::replace);
    made.emplace (ir.id, file);
    return file;
}

void FactoryIrFiles::writeList (std::ostream& out)
{
    out << "Factory IRs (use as --ir factory:ID), made by Partita's generators at "
        << static_cast<int> (generatedIrSampleRate) << " Hz:\n";
    for (const auto& ir : generatedFactoryIrs())
    {
        std::ostringstream reverb;
        if (ir.reverbTimeSeconds > 0.0)
            reverb << std::fixed << std::setprecision (2) << ir.reverbTimeSeconds << " s";
        else
            reverb << "-";
        out << "  " << std::left << std::setw (26) << ir.id << std::setw (16) << factoryIrCategoryName (ir.category)
            << std::right << std::setw (2) << ir.numChannels << " ch " << std::fixed << std::setprecision (2)
            << std::setw (5) << static_cast<double> (ir.numFrames) / generatedIrSampleRate << " s  RT " << std::setw (6)
            << reverb.str() << "  " << ir.displayName << '\n';
    }
}

void FactoryIrFiles::writeList (JsonWriter& json)
{
    json.beginObject();
    json.key ("factory_irs");
    json.beginArray();
    for (const auto& ir : generatedFactoryIrs())
    {
        json.beginObject();
        json.key ("id");
        json.value (ir.id);
        json.key ("name");
        json.value (ir.displayName);
        json.key ("category");
        json.value (factoryIrCategoryName (ir.category));
        json.key ("tags");
        json.beginArray();
        for (const auto& tag : ir.tags)
            json.value (tag);
        json.endArray();
        json.key ("channels");
        json.value (static_cast<std::uint64_t> (ir.numChannels));
        json.key ("frames");
        json.value (static_cast<std::uint64_t> (ir.numFrames));
        json.key ("sample_rate_hz");
        json.value (generatedIrSampleRate);
        json.key ("duration_s");
        json.value (static_cast<double> (ir.numFrames) / generatedIrSampleRate);
        json.key ("reverb_time_s");
        json.value (ir.reverbTimeSeconds);
        json.endObject();
    }
    json.endArray();
    json.endObject();
}

int renderWithFactoryIrs (const RenderOptions& options, std::ostream& out, std::ostream& err,
                          const std::function<int (const RenderOptions&, std::ostream&, std::ostream&)>& render)
{
    FactoryIrFiles files;
    auto local = options;
    std::vector<std::pair<std::filesystem::path, std::string>> renamed;
    for (auto* impulseResponse : { &local.impulseResponse, &local.impulseResponseB })
        if (FactoryIrFiles::names (*impulseResponse))
        {
            const auto spelt = impulseResponse->string();
            *impulseResponse = files.fileFor (*impulseResponse);
            renamed.emplace_back (*impulseResponse, spelt);
        }
    const auto naming = [&renamed] (std::string text)
    {
        for (const auto& [file, spelt] : renamed)
            text = namingStandardStream (std::move (text), file, spelt);
        return text;
    };

    std::ostringstream renderOut, renderErr;
    int status = 0;
    try
    {
        status = render (local, renderOut, renderErr);
    }
    catch (const UsageError& error)
    {
        err << naming (renderErr.str());
        throw UsageError (naming (error.what()));
    }
    catch (const std::exception& error)
    {
        err << naming (renderErr.str());
        throw std::runtime_error (naming (error.what()));
    }
    out << naming (renderOut.str());
    err << naming (renderErr.str());
    return status;
}

} // namespace partita
