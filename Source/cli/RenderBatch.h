// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RenderReport.h"
#include "RenderTargets.h"
#include "io/AudioClip.h"
#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>

namespace partita
{

/** How a batch of renders runs and reports. */
struct RenderBatchSettings
{
    /** No progress bar and no report lines. */
    bool quiet = false;
    /** Files rendered at once. */
    std::size_t fileThreads = 1;
    /** Added to "cannot render 'in.wav'" in the messages: " with 'x.partita'". */
    std::string failureContext;
};

/** Renders one target (reads its input, renders, writes its output) and
    returns the report of what it wrote; progress goes from 0 to 1. */
using TargetRenderer =
    std::function<RenderReport (const RenderTarget& target, const std::function<void (double)>& progress)>;

/** The part of `partita render` that every kind of render shares, once all
    checks have passed: creates the output folder when it is to be made,
    renders the targets (up to fileThreads at once) under one progress bar,
    then prints, target by target in the order given, either its error line
    on `err` or its report line on `out` and any clipping warning on `err`.
    A failing target does not stop the others. Returns the exit status: 0
    when every output was written, 1 otherwise. Throws std::runtime_error
    when the output folder cannot be created.

    Threading: call from one thread; `render` is called from several at
    once when fileThreads > 1. */
int renderBatch (const RenderTargets& targets, const RenderBatchSettings& settings, const TargetRenderer& render,
                 std::ostream& out, std::ostream& err);

/** The one line for a render that failed: an AudioFileError's own message
    (it names the file), or "cannot render 'in.wav'<context>: why". */
std::string describeRenderFailure (const std::filesystem::path& input, const std::string& context,
                                   const std::exception& failure);

/** Opens a render's input; throws AudioFileError for one without samples. */
AudioFileReader openRenderInput (const std::filesystem::path& input);

/** Measures a clip for its report and writes it as it is. */
RenderReport writeRenderedClip (const RenderTarget& target, const AudioClip& output, OverwritePolicy overwrite);

/** Scales a rendered clip as --normalize-output asks, measures it, and
    writes it, or throws AudioFileError (clipFailureMessage) without writing
    anything for --fail-on-clip and samples beyond full scale: for the
    renders that hold the whole output in memory. */
RenderReport writeRenderedClip (const RenderTarget& target, AudioClip output, const RenderOptions& options);

} // namespace partita
