// SPDX-License-Identifier: GPL-3.0-or-later
#include "StateRenderCommand.h"

#include "RenderBatch.h"
#include "RenderTargets.h"
#include "StateRenderJob.h"
#include "io/QuotedText.h"

#include <stdexcept>

namespace partita
{

int runStateRenderCommand (const RenderOptions& options, std::ostream& out, std::ostream& err)
{
    const auto targets = resolveRenderTargets (options);
    for (const auto& target : targets.targets)
        if (isSameFile (target.output, options.state))
            throw std::runtime_error ("the output " + quoted (target.output) + " is the state " + quoted (options.state)
                                      + "; partita never overwrites its input");

    const StateRenderJob job (options.state);
    for (const auto& warning : job.warnings())
        err << "partita: warning: " << quoted (options.state) << ": " << warning << '\n';

    RenderBatchSettings settings;
    settings.quiet = options.quiet;
    // One file at a time: each render runs the plugin's processor, whose
    // background planning already uses the other cores.
    settings.fileThreads = 1;
    settings.failureContext = " with " + quoted (options.state);

    return renderBatch (
        targets, settings,
        [&] (const RenderTarget& target, const std::function<void (double)>& progress)
        {
            const auto input = openRenderInput (target.input).readRest();
            auto output = job.render (input, options.outputChannels,
                                      [&progress] (double fraction) { progress (0.9 * fraction); });
            return writeRenderedClip (target, std::move (output), options);
        },
        out, err);
}

} // namespace partita
