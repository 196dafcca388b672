// SPDX-License-Identifier: GPL-3.0-or-later
#include "RenderCommand.h"

#include "ParallelFor.h"
#include "ProgressBar.h"
#include "ProgressTracker.h"
#include "QuotedText.h"
#include "RenderJob.h"
#include "RenderPlan.h"
#include "RenderReport.h"
#include "RenderTargets.h"
#include "StateRenderCommand.h"
#include "StreamingRenderJob.h"
#include "UsageError.h"
#include "io/AudioFileError.h"
#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"
#include "ir/ImpulseResponsePreparation.h"
#include "ir/ImpulseResponseReadLimits.h"

#include <algorithm>
#include <map>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace partita
{

namespace fs = std::filesystem;

namespace
{
/** A problem already worded for the user, ending the command with status 1. */
class RenderFailure : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

struct TargetOutcome
{
    std::optional<RenderReport> report;
    std::string error;
};

std::size_t availableThreads()
{
    return std::max<unsigned> (std::thread::hardware_concurrency(), 1);
}

std::string describeFailure (const fs::path& input, const std::exception& failure)
{
    if (dynamic_cast<const AudioFileError*> (&failure) != nullptr)
        return failure.what();
    if (dynamic_cast<const std::bad_alloc*> (&failure) != nullptr)
        return "out of memory while rendering " + quotedPath (input);
    return "cannot render " + quotedPath (input) + ": " + failure.what();
}

/** Everything that can be known from the headers, checked before the
    first sample is convolved. */
std::vector<AudioFileInfo> readInputHeaders (const RenderOptions& options, const AudioFileInfo& irInfo,
                                             std::ostream& err)
{
    std::vector<AudioFileInfo> infos;
    bool failed = false;
    const bool needsDry = options.mix < 1.0;

    for (const auto& input : options.inputs)
    {
        try
        {
            auto info = readAudioFileInfo (input);
            if (info.numFrames == 0)
                throw AudioFileError (quotedPath (input) + " holds no samples");
            try
            {
                (void)makeRenderPlan (info.numChannels, irInfo.numChannels, options.outputChannels, needsDry);
            }
            catch (const std::invalid_argument& routingError)
            {
                throw AudioFileError ("cannot render " + quotedPath (input) + " (" + std::to_string (info.numChannels)
                                      + " ch) with " + quotedPath (options.impulseResponse) + " ("
                                      + std::to_string (irInfo.numChannels) + " ch): " + routingError.what());
            }
            infos.push_back (std::move (info));
        }
        catch (const std::exception& failure)
        {
            err << "partita: error: " << describeFailure (input, failure) << '\n';
            failed = true;
        }
    }

    if (failed)
        throw RenderFailure ("");
    return infos;
}

std::map<double, AudioClip> prepareForRates (const RenderOptions& options, const std::vector<AudioFileInfo>& inputs)
{
    const auto irClip = readAudioFile (options.impulseResponse, impulseResponseReadLimits());
    const auto irName = options.impulseResponse.string();

    std::map<double, AudioClip> prepared;
    for (const auto& info : inputs)
        if (!prepared.contains (info.sampleRate))
            prepared.emplace (info.sampleRate,
                              prepareImpulseResponse (irClip, info.sampleRate, options.normalisation, irName));
    return prepared;
}

TargetOutcome renderTarget (const RenderTarget& target, const RenderOptions& options,
                            const std::map<double, AudioClip>& preparedIrs, std::size_t pathThreads,
                            const std::function<void (double)>& progress)
{
    TargetOutcome outcome;
    try
    {
        AudioFileReader reader (target.input);
        if (reader.info().numFrames == 0)
            throw AudioFileError (quotedPath (target.input) + " holds no samples");

        std::optional<AudioClip> preparedHere;
        const AudioClip* impulseResponse = nullptr;
        if (const auto found = preparedIrs.find (reader.info().sampleRate); found != preparedIrs.end())
        {
            impulseResponse = &found->second;
        }
        else
        {
            // The file changed since readInputHeaders saw it.
            preparedHere = prepareImpulseResponse (readAudioFile (options.impulseResponse, impulseResponseReadLimits()),
                                                   reader.info().sampleRate, options.normalisation,
                                                   options.impulseResponse.string());
            impulseResponse = &*preparedHere;
        }

        const auto overwrite = options.force ? OverwritePolicy::replace : OverwritePolicy::refuse;
        RenderReport report;
        if (const StreamingRenderJob streamed (options, pathThreads);
            streamed.canRender (reader.info().numFrames, impulseResponse->numFrames()))
        {
            report = streamed.render (reader, *impulseResponse, target.output, target.format, overwrite,
                                      [&progress] (double fraction) { progress (0.95 * fraction); });
        }
        else
        {
            const auto input = reader.readRest();
            progress (0.05);

            const auto output = RenderJob (options, pathThreads)
                                    .render (input, *impulseResponse,
                                             [&progress] (double fraction) { progress (0.05 + 0.85 * fraction); });

            report = measureRender (target.output, output, target.format.sampleFormat);
            writeAudioFile (target.output, output, target.format, overwrite);
        }
        progress (1.0);
        outcome.report = std::move (report);
    }
    catch (const std::exception& failure)
    {
        outcome.error = describeFailure (target.input, failure);
    }
    catch (...)
    {
        outcome.error = "cannot render " + quotedPath (target.input) + ": unknown error";
    }
    return outcome;
}

int renderAll (const RenderOptions& options, std::ostream& out, std::ostream& err)
{
    const auto targets = resolveRenderTargets (options);

    const auto irInfo = readAudioFileInfo (options.impulseResponse, impulseResponseReadLimits());
    if (irInfo.numFrames == 0)
        throw RenderFailure (quotedPath (options.impulseResponse) + " holds no samples");

    const auto inputInfos = readInputHeaders (options, irInfo, err);
    const auto preparedIrs = prepareForRates (options, inputInfos);

    if (targets.folderToCreate)
    {
        std::error_code error;
        fs::create_directories (*targets.folderToCreate, error);
        if (error)
            throw RenderFailure ("cannot create the output folder " + quotedPath (*targets.folderToCreate) + ": "
                                 + error.message());
    }

    const auto numTargets = targets.targets.size();
    const auto threads = availableThreads();
    const auto fileThreads = numTargets > 1 ? std::min (numTargets, std::max<std::size_t> (threads, 2)) : 1;
    const auto pathThreads = std::max<std::size_t> (threads / fileThreads, 1);

    ProgressBar progressBar (!options.quiet);
    ProgressTracker tracker (numTargets, [&progressBar] (double fraction) { progressBar.update (fraction); });

    std::vector<TargetOutcome> outcomes (numTargets);
    parallelFor (numTargets, fileThreads,
                 [&] (std::size_t index)
                 {
                     outcomes[index] = renderTarget (targets.targets[index], options, preparedIrs, pathThreads,
                                                     tracker.callbackFor (index));
                 });
    progressBar.finish();

    int status = 0;
    for (const auto& outcome : outcomes)
    {
        if (!outcome.report)
        {
            err << "partita: error: " << outcome.error << '\n';
            status = 1;
            continue;
        }
        if (!options.quiet)
            out << formatReportLine (*outcome.report) << '\n';
        if (const auto warning = clippingWarning (*outcome.report))
            err << *warning << '\n';
    }
    out.flush();
    err.flush();
    return status;
}
} // namespace

int runRenderCommand (const RenderOptions& options, std::ostream& out, std::ostream& err)
{
    try
    {
        return options.state.empty() ? renderAll (options, out, err) : runStateRenderCommand (options, out, err);
    }
    catch (const UsageError&)
    {
        throw;
    }
    catch (const std::bad_alloc&)
    {
        err << "partita: error: out of memory" << std::endl;
        return 1;
    }
    catch (const std::exception& failure)
    {
        // An empty message means the lines were already printed.
        if (failure.what()[0] != '\0')
            err << "partita: error: " << failure.what() << std::endl;
        return 1;
    }
}

} // namespace partita
