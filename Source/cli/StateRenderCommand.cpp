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
#include "ir/IrFileSetReader.h"
#include "state/IrReadLimits.h"

#include <memory>
#include <stdexcept>
#include <string>

namespace partita
{

namespace
{
/** An IR of a --ir render through the plugin's signal path, as the plugin
    reads a file: with its set (ir/IrFileSetReader.h) unless
    --ir-single-file. */
struct SlotFile
{
    std::shared_ptr<const AudioClip> clip;
    std::string name;
    IrLayoutHint layoutHint;
};

/** The rate the processor will run at: the first input's (a set's rate
    variant is chosen by it); 0 when it cannot be read yet (the render then
    names the input). */
double firstInputRate (const RenderOptions& options)
{
    try
    {
        return options.inputs.empty() ? 0.0 : openRenderInput (options.inputs.front()).info().sampleRate;
    }
    catch (const std::exception&)
    {
        return 0.0;
    }
}

SlotFile readSlotFile (const RenderOptions& options, const std::filesystem::path& file, std::ostream& err)
{
    const auto set = findIrFileSet (file, irReadLimits, options.irFileSetUse);
    if (set.isSet())
    {
        auto read = readIrFileSet (set, firstInputRate (options), irReadLimits);
        err << "partita: note: " << quoted (file) << " is part of a set: rendering '" << read.name << "' ("
            << read.describe() << ") as one IR; --ir-single-file for the file alone\n";
        return { std::make_shared<const AudioClip> (std::move (read.clip)), read.name, read.layoutHint };
    }
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
    return { std::make_shared<const AudioClip> (readAudioFile (file, irReadLimits)), file.filename().string(), {} };
}

/** The job of a --state render, or of a --ir render given plugin controls:
    the plugin's defaults (but auto gain off) and the IR as the plugin reads
    a file. */
StateRenderJob makeJob (const RenderOptions& options, std::ostream& err)
{
    if (!options.state.empty())
    {
        auto job = StateRenderJob (options.state);
        if (!options.impulseResponseB.empty())
        {
            auto slotB = readSlotFile (options, options.impulseResponseB, err);
            job.setSlotB (std::move (slotB.clip), std::move (slotB.name), slotB.layoutHint);
        }
        return job;
    }
    auto slotA = readSlotFile (options, options.impulseResponse, err);
    auto job = StateRenderJob (commandLineParameterDefaults(), std::move (slotA.clip), std::move (slotA.name),
                               slotA.layoutHint);
    if (!options.impulseResponseB.empty())
    {
        auto slotB = readSlotFile (options, options.impulseResponseB, err);
        job.setSlotB (std::move (slotB.clip), std::move (slotB.name), slotB.layoutHint);
    }
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

    auto job = makeJob (options, err);
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
