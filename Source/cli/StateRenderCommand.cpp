// SPDX-License-Identifier: GPL-3.0-or-later
#include "StateRenderCommand.h"

#include "ParameterOptions.h"
#include "RenderBatch.h"
#include "RenderTargets.h"
#include "StateRenderJob.h"
#include "io/AudioFileError.h"
#include "io/AudioFileReader.h"
#include "io/QuotedText.h"
#include "ir/ImpulseResponseReadLimits.h"
#include "state/IrReadLimits.h"

#include <memory>
#include <stdexcept>
#include <string>

namespace partita
{

namespace
{
/** An IR of a --ir render through the plugin's signal path, as the plugin
    reads a file. */
std::shared_ptr<const AudioClip> readSlotFile (const RenderOptions& options, const std::filesystem::path& file)
{
    // The exact render takes matrices of up to 64 channels; say why this one does not.
    const auto header = readAudioFileInfo (file, impulseResponseReadLimits());
    if (header.numChannels > irReadLimits.maxChannels)
    {
        const auto* control = firstPluginPathSetting (options);
        throw AudioFileError (quoted (file) + " has " + std::to_string (header.numChannels)
                              + " channels; the plugin's signal path, which "
                              + (control != nullptr ? control->givenAs : std::string ("--ir-b"))
                              + " selects, takes IRs of 1, 2 or 4 (the exact render, without plugin controls, "
                                "takes channel matrices)");
    }
    return std::make_shared<const AudioClip> (readAudioFile (file, irReadLimits));
}

/** The job of a --state render, or of a --ir render given plugin controls:
    the plugin's defaults (but auto gain off) and the IR as the plugin reads
    a file. */
StateRenderJob makeJob (const RenderOptions& options)
{
    if (!options.state.empty())
    {
        auto job = StateRenderJob (options.state);
        if (!options.impulseResponseB.empty())
            job.setSlotB (readSlotFile (options, options.impulseResponseB),
                          options.impulseResponseB.filename().string());
        return job;
    }
    auto job = StateRenderJob (commandLineParameterDefaults(), readSlotFile (options, options.impulseResponse),
                               options.impulseResponse.filename().string());
    if (!options.impulseResponseB.empty())
        job.setSlotB (readSlotFile (options, options.impulseResponseB), options.impulseResponseB.filename().string());
    return job;
}
} // namespace

int runStateRenderCommand (const RenderOptions& options, std::ostream& out, std::ostream& err)
{
    const auto targets = resolveRenderTargets (options);
    for (const auto& target : targets.targets)
        if (!options.state.empty() && isSameFile (target.output, options.state))
            throw std::runtime_error ("the output " + quoted (target.output) + " is the state " + quoted (options.state)
                                      + "; partita never overwrites its input");

    auto job = makeJob (options);
    auto parameters = job.processorParameters();
    applyParameterSettings (parameters, options.parameterSettings);
    job.setProcessorParameters (parameters);
    job.setTempo (options.tempoBpm);
    for (const auto& warning : job.warnings())
        err << "partita: warning: " << quoted (options.state) << ": " << warning << '\n';
    if (const auto warning = job.irChannelWarning(); !warning.empty())
        err << "partita: warning: " << warning << '\n';

    RenderBatchSettings settings;
    settings.quiet = options.quiet;
    // One file at a time: each render runs the plugin's processor, whose
    // background planning already uses the other cores.
    settings.fileThreads = 1;
    settings.failureContext = " with " + quoted (options.state.empty() ? options.impulseResponse : options.state);

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
