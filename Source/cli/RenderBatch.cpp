// SPDX-License-Identifier: GPL-3.0-or-later
#include "RenderBatch.h"

#include "OutputLevelNormaliser.h"
#include "ParallelFor.h"
#include "ProgressBar.h"
#include "ProgressTracker.h"
#include "io/AudioFileError.h"
#include "io/QuotedText.h"

#include <new>
#include <optional>
#include <stdexcept>
#include <system_error>
#include <vector>

namespace partita
{

namespace
{
struct TargetOutcome
{
    std::optional<RenderReport> report;
    std::string error;
};

TargetOutcome renderOne (const RenderTarget& target, const RenderBatchSettings& settings, const TargetRenderer& render,
                         const std::function<void (double)>& progress)
{
    TargetOutcome outcome;
    try
    {
        outcome.report = render (target, progress);
        progress (1.0);
    }
    catch (const std::exception& failure)
    {
        outcome.error = describeRenderFailure (target.input, settings.failureContext, failure);
    }
    catch (...)
    {
        outcome.error = "cannot render " + quoted (target.input) + settings.failureContext + ": unknown error";
    }
    return outcome;
}

void createOutputFolder (const RenderTargets& targets)
{
    if (!targets.folderToCreate)
        return;
    std::error_code error;
    std::filesystem::create_directories (*targets.folderToCreate, error);
    if (error)
        throw std::runtime_error ("cannot create the output folder " + quoted (*targets.folderToCreate) + ": "
                                  + error.message());
}
} // namespace

std::string describeRenderFailure (const std::filesystem::path& input, const std::string& context,
                                   const std::exception& failure)
{
    if (dynamic_cast<const AudioFileError*> (&failure) != nullptr)
        return failure.what();
    if (dynamic_cast<const std::bad_alloc*> (&failure) != nullptr)
        return "out of memory while rendering " + quoted (input);
    return "cannot render " + quoted (input) + context + ": " + failure.what();
}

int renderBatch (const RenderTargets& targets, const RenderBatchSettings& settings, const TargetRenderer& render,
                 std::ostream& out, std::ostream& err)
{
    createOutputFolder (targets);

    const auto numTargets = targets.targets.size();
    ProgressBar progressBar (!settings.quiet);
    ProgressTracker tracker (numTargets, [&progressBar] (double fraction) { progressBar.update (fraction); });

    std::vector<TargetOutcome> outcomes (numTargets);
    parallelFor (numTargets, settings.fileThreads,
                 [&] (std::size_t index) {
                     outcomes[index] =
                         renderOne (targets.targets[index], settings, render, tracker.callbackFor (index));
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
        if (!settings.quiet)
            out << formatReportLine (*outcome.report) << '\n';
        if (!outcome.report->normalisationWarning.empty())
            err << outcome.report->normalisationWarning << '\n';
        if (const auto warning = clippingWarning (*outcome.report))
            err << *warning << '\n';
    }
    out.flush();
    err.flush();
    return status;
}

AudioFileReader openRenderInput (const std::filesystem::path& input)
{
    AudioFileReader reader (input);
    if (reader.info().numFrames == 0)
        throw AudioFileError (quoted (input) + " holds no samples");
    return reader;
}

RenderReport writeRenderedClip (const RenderTarget& target, const AudioClip& output, OverwritePolicy overwrite)
{
    auto report = measureRender (target.output, output, target.format.sampleFormat);
    writeAudioFile (target.output, output, target.format, overwrite);
    return report;
}

RenderReport writeRenderedClip (const RenderTarget& target, AudioClip output, const RenderOptions& options)
{
    OutputLevelOutcome level;
    if (options.outputNormalisation)
        level = normaliseOutputLevel (output, *options.outputNormalisation, target.output);

    auto report = measureRender (target.output, output, target.format.sampleFormat);
    report.normalisationGainDb = level.gainDb;
    report.loudness = level.loudness;
    report.normalisationWarning = level.warning;
    if (options.failOnClip && report.samplesBeyondFullScale > 0)
        throw AudioFileError (clipFailureMessage (report));

    writeAudioFile (target.output, output, target.format,
                    options.force ? OverwritePolicy::replace : OverwritePolicy::refuse);
    return report;
}

} // namespace partita
