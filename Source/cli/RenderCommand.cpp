// SPDX-License-Identifier: GPL-3.0-or-later
#include "RenderCommand.h"

#include "FactoryIrFiles.h"
#include "ParameterOptions.h"
#include "PreparedImpulseResponses.h"
#include "RenderBatch.h"
#include "RenderJob.h"
#include "RenderPlan.h"
#include "RenderTargets.h"
#include "StandardStreamRender.h"
#include "StateRenderCommand.h"
#include "StreamingRenderJob.h"
#include "UsageError.h"
#include "io/AudioFileError.h"
#include "io/QuotedText.h"

#include <algorithm>
#include <new>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace partita
{

namespace
{
/** A problem already worded for the user, ending the command with status 1;
    an empty one means the lines were already printed. */
class RenderFailure : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

std::size_t availableThreads()
{
    return std::max<unsigned> (std::thread::hardware_concurrency(), 1);
}

/** The inputs' sample rates, from their headers, checked against the IR
    before the first sample is convolved; every bad input is named. */
std::vector<double> readInputRates (const RenderOptions& options, const PreparedImpulseResponses& impulseResponses,
                                    std::ostream& err)
{
    std::vector<double> rates;
    bool failed = false;
    for (const auto& input : options.inputs)
    {
        try
        {
            const auto info = openRenderInput (input).info();
            // Only the channel counts are known yet: the routing error names both files.
            try
            {
                (void)makeRenderPlan (info.numChannels, impulseResponses.routedChannels(), options.outputChannels,
                                      options.mix < 1.0, impulseResponses.channelMeaning());
            }
            catch (const std::invalid_argument& routingError)
            {
                throw AudioFileError ("cannot render " + quoted (input) + " (" + std::to_string (info.numChannels)
                                      + " ch) with " + quoted (options.impulseResponse) + " ("
                                      + std::to_string (impulseResponses.info().numChannels) + " ch"
                                      + (impulseResponses.layout().isBFormat() ? ", B-format decoded to 2" : "")
                                      + "): " + routingError.what());
            }
            rates.push_back (info.sampleRate);
        }
        catch (const std::exception& failure)
        {
            err << "partita: error: " << describeRenderFailure (input, "", failure) << '\n';
            failed = true;
        }
    }
    if (failed)
        throw RenderFailure ("");
    return rates;
}
} // namespace

namespace
{
RenderReport renderTarget (const RenderTarget& target, const RenderOptions& options,
                           const PreparedImpulseResponses& impulseResponses, std::size_t pathThreads,
                           const std::function<void (double)>& progress)
{
    auto reader = openRenderInput (target.input);
    const auto impulseResponse = impulseResponses.at (reader.info().sampleRate);
    const auto overwrite = options.force ? OverwritePolicy::replace : OverwritePolicy::refuse;

    if (const StreamingRenderJob streamed (options, pathThreads);
        streamed.canRender (reader.info().numFrames, impulseResponse->numFrames()))
        return streamed.render (reader, *impulseResponse, target.output, target.format, overwrite,
                                [&progress] (double fraction) { progress (0.95 * fraction); });

    const auto input = reader.readRest();
    progress (0.05);
    auto output =
        RenderJob (options, pathThreads)
            .render (input, *impulseResponse, [&progress] (double fraction) { progress (0.05 + 0.85 * fraction); });
    return writeRenderedClip (target, std::move (output), options);
}

int renderWithImpulseResponse (const RenderOptions& options, std::ostream& out, std::ostream& err)
{
    const auto targets = resolveRenderTargets (options);

    PreparedImpulseResponses impulseResponses (options.impulseResponse, options.normalisation, options.irLayout,
                                               options.irFileSetUse);
    if (const auto note = impulseResponses.assumedLayoutNote(); !note.empty())
        err << "partita: " << note << '\n';
    impulseResponses.prepare (readInputRates (options, impulseResponses, err));
    for (const auto& note : impulseResponses.setNotes())
        err << "partita: " << note << '\n';

    const auto numTargets = targets.targets.size();
    const auto threads = availableThreads();
    RenderBatchSettings settings;
    settings.quiet = options.quiet;
    settings.fileThreads = numTargets > 1 ? std::min (numTargets, std::max<std::size_t> (threads, 2)) : 1;
    const auto pathThreads = std::max<std::size_t> (threads / settings.fileThreads, 1);

    return renderBatch (
        targets, settings,
        [&] (const RenderTarget& target, const std::function<void (double)>& progress)
        { return renderTarget (target, options, impulseResponses, pathThreads, progress); },
        out, err);
}
} // namespace

int runRenderCommand (const RenderOptions& options, std::ostream& out, std::ostream& err)
{
    const auto renderFiles = [] (const RenderOptions& fileOptions, std::ostream& fileOut, std::ostream& fileErr)
    {
        return !rendersThroughPlugin (fileOptions) ? renderWithImpulseResponse (fileOptions, fileOut, fileErr)
                                                   : runStateRenderCommand (fileOptions, fileOut, fileErr);
    };
    try
    {
        const auto renderAny =
            [&renderFiles] (const RenderOptions& anyOptions, std::ostream& anyOut, std::ostream& anyErr)
        {
            if (usesStandardStreams (anyOptions))
                return renderThroughStandardStreams (anyOptions, anyOut, anyErr, renderFiles);
            return renderFiles (anyOptions, anyOut, anyErr);
        };
        if (FactoryIrFiles::names (options.impulseResponse) || FactoryIrFiles::names (options.impulseResponseB))
            return renderWithFactoryIrs (options, out, err, renderAny);
        return renderAny (options, out, err);
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
