// SPDX-License-Identifier: GPL-3.0-or-later
#include "StateRenderCommand.h"

#include "ProgressBar.h"
#include "ProgressTracker.h"
#include "QuotedText.h"
#include "RenderReport.h"
#include "RenderTargets.h"
#include "StateRenderJob.h"
#include "UsageError.h"
#include "io/AudioFileError.h"
#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"

#include <new>
#include <stdexcept>
#include <system_error>

namespace partita
{
namespace
{
int renderTargets (const RenderOptions& options, std::ostream& out, std::ostream& err)
{
    const auto targets = resolveRenderTargets (options);
    for (const auto& target : targets.targets)
        if (isSameFile (target.output, options.state))
            throw std::runtime_error ("the output " + quotedPath (target.output) + " is the state "
                                      + quotedPath (options.state) + "; partita never overwrites its input");

    const StateRenderJob job (options.state);
    for (const auto& warning : job.warnings())
        err << "partita: warning: " << quotedPath (options.state) << ": " << warning << '\n';

    if (targets.folderToCreate)
    {
        std::error_code error;
        std::filesystem::create_directories (*targets.folderToCreate, error);
        if (error)
            throw std::runtime_error ("cannot create the output folder " + quotedPath (*targets.folderToCreate) + ": "
                                      + error.message());
    }

    ProgressBar progressBar (!options.quiet);
    ProgressTracker tracker (targets.targets.size(),
                             [&progressBar] (double fraction) { progressBar.update (fraction); });

    int status = 0;
    std::vector<RenderReport> reports;
    for (std::size_t index = 0; index < targets.targets.size(); ++index)
    {
        const auto& target = targets.targets[index];
        const auto progress = tracker.callbackFor (index);
        try
        {
            const auto input = readAudioFile (target.input);
            if (input.numFrames() == 0)
                throw AudioFileError (quotedPath (target.input) + " holds no samples");
            const auto output = job.render (input, options.outputChannels,
                                            [&progress] (double fraction) { progress (0.9 * fraction); });
            auto report = measureRender (target.output, output, target.format.sampleFormat);
            writeAudioFile (target.output, output, target.format,
                            options.force ? OverwritePolicy::replace : OverwritePolicy::refuse);
            progress (1.0);
            reports.push_back (std::move (report));
        }
        catch (const AudioFileError& error)
        {
            err << "partita: error: " << error.what() << '\n';
            status = 1;
        }
        catch (const std::exception& error)
        {
            err << "partita: error: cannot render " << quotedPath (target.input) << " with "
                << quotedPath (options.state) << ": " << error.what() << '\n';
            status = 1;
        }
    }
    progressBar.finish();

    for (const auto& report : reports)
    {
        if (!options.quiet)
            out << formatReportLine (report) << '\n';
        if (const auto warning = clippingWarning (report))
            err << *warning << '\n';
    }
    out.flush();
    err.flush();
    return status;
}
} // namespace

int runStateRenderCommand (const RenderOptions& options, std::ostream& out, std::ostream& err)
{
    return renderTargets (options, out, err);
}

} // namespace partita
