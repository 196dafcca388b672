// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RenderOptions.h"
#include "RenderReport.h"
#include "engine/WholeSignalConvolution.h"
#include "io/AudioClip.h"
#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace partita
{

/** A plain --ir render streamed from the input file to the output file a
    segment at a time: read, convolve every (input, output) path, mix, write.
    Holding a few segments instead of the whole input and output in memory
    saves the page faults and copies of buffers that grow with the file (a
    minute of stereo through a 4 s IR: 190 MB resident whole, under 60 MB
    streamed), and decoding the next segment and encoding the last one
    overlap the FFTs, which run the paths in parallel.

    It computes what RenderJob computes, in the same order (the engine's
    FFT overlap-add through StreamingOverlapAdd, the same paths summed in
    double in path order, the same wet, dry and output gains), so the two
    write the same samples bit for bit. It covers the renders that pick the
    FFT method with an input at least as long as the IR, which is where the
    time goes; canRender() says which, and RenderJob does the rest.

    With --normalize-output the mixed segments are measured and spilled to a
    SampleSpillFile instead, and once the gain is known, read back, scaled
    and written: the samples normaliseOutputLevel gives in memory. With
    --fail-on-clip an output with samples beyond full scale is not committed.

    Threading: render() is const and may run on several threads at once; it
    convolves up to maxThreads paths in parallel itself. */
class StreamingRenderJob
{
public:
    StreamingRenderJob (const RenderOptions& options, std::size_t maxThreads = 1);

    /** Whether render() takes an input of inputFrames frames with an IR of
        irFrames frames. */
    [[nodiscard]] bool canRender (std::uint64_t inputFrames, std::size_t irFrames) const noexcept;

    /** Renders the rest of `input` (opened, nothing read yet) through the
        prepared impulseResponse (at the input's rate) into `output`, and
        returns the report of what was written. Throws AudioFileError for
        the files, std::invalid_argument (one line) for clips it cannot
        render, std::logic_error when canRender() is false. */
    [[nodiscard]] RenderReport render (AudioFileReader& input, const AudioClip& impulseResponse,
                                       const std::filesystem::path& output, const OutputFormat& format,
                                       OverwritePolicy overwrite, const ProgressCallback& progress = {}) const;

private:
    RenderOptions options;
    std::size_t maxThreads;
};

} // namespace partita
