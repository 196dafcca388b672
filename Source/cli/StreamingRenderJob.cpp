// SPDX-License-Identifier: GPL-3.0-or-later
#include "StreamingRenderJob.h"

#include "ChannelStatistics.h"
#include "OutputLevelNormaliser.h"
#include "ParallelFor.h"
#include "RenderMix.h"
#include "RenderPlan.h"
#include "engine/StreamingOverlapAdd.h"
#include "io/AudioFileError.h"
#include "io/SampleSpillFile.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace partita
{

namespace
{
/** Non-interleaved channels of double samples, left uninitialised: every
    sample is written before it is read, and not zeroing tens of megabytes
    up front lets their pages be touched first by the stage that fills them,
    on its own thread. */
struct Channels
{
    Channels (std::size_t numChannels, std::size_t numFrames)
    {
        for (std::size_t channel = 0; channel < numChannels; ++channel)
        {
            samples.push_back (std::make_unique_for_overwrite<double[]> (numFrames));
            pointers.push_back (samples.back().get());
        }
    }

    std::vector<std::unique_ptr<double[]>> samples;
    std::vector<double*> pointers;
};

/** One streamed render in the precision Sample: the segments of the input
    read, convolved path by path, mixed and written, each stage on its own
    thread where they can overlap. */
template <typename Sample>
class PathStreamer
{
public:
    PathStreamer (AudioFileReader& inputFile, const AudioClip& impulseResponse, const RenderOptions& options,
                  const MixScales& mixScales, std::size_t threads)
        : input (inputFile)
        , kernels (impulseResponse)
        , scales (mixScales)
        , maxThreads (threads)
        , signalLength (static_cast<std::size_t> (input.info().numFrames))
        , kernelLength (impulseResponse.numFrames())
        , plan (makeRenderPlan (input.info().numChannels, impulseResponse.numChannels(), options.outputChannels,
                                scales.dry != 0.0, channelMeaningOf (options.irLayout.layout)))
        , outputLength (convolutionOutputLength (signalLength, kernelLength, options.mode))
        , outputOffset (convolutionOutputOffset (signalLength, kernelLength, options.mode))
        , failOnClip (options.failOnClip)
        , normalisation (options.outputNormalisation)
        // Every path has the same lengths and so the same plan and segment length.
        , segmentLength (planOverlapAdd (signalLength, kernelLength, sizeof (Sample)).segmentLength)
        , numSegments ((signalLength + segmentLength - 1) / segmentLength)
        // Two of each block: segment k is convolved while segment k + 1 is
        // read into the other input block, and mixed while segment k - 1 is
        // written from the other mixed block, so that decoding and encoding
        // overlap the arithmetic instead of waiting for it.
        , inputBlocks { Channels (plan.numInputs, segmentLength), Channels (plan.numInputs, segmentLength) }
        , mixedBlocks { Channels (plan.numOutputs, segmentLength + kernelLength - 1),
                        Channels (plan.numOutputs, segmentLength + kernelLength - 1) }
        , pathInputs (plan.paths.size())
        , pathResults (plan.paths.size())
        , convolvers (plan.paths.size())
    {
    }

    RenderReport run (const std::filesystem::path& output, const OutputFormat& format, OverwritePolicy overwrite,
                      const ProgressCallback& progress)
    {
        report.output = output;
        report.numChannels = plan.numOutputs;
        report.sampleRate = input.info().sampleRate;
        report.numFrames = outputLength;
        report.sampleFormat = format.sampleFormat;

        // Destroying a future from std::async waits for its task, also when
        // an exception leaves early; the tasks use only members.
        std::future<void> writing;
        // The first segment is decoded while the FFTs are planned.
        std::future<void> reading = std::async (std::launch::async, [this] { readSegment (0); });
        planConvolvers();
        writer.emplace (output, plan.numOutputs, input.info().sampleRate, outputLength, format, overwrite);
        if (normalisation)
        {
            levelBefore.emplace (*normalisation, input.info().sampleRate, plan.numOutputs);
            spill.emplace (plan.numOutputs, output);
        }
        reading.get();
        // With --normalize-output, a last pass scales the spilled output
        // into the file.
        const double convolvedShare = normalisation ? 0.9 : 1.0;

        for (std::size_t segment = 0; segment < numSegments; ++segment)
        {
            if (segment + 1 < numSegments)
                reading = std::async (std::launch::async, [this, segment] { readSegment (segment + 1); });

            const auto& inputBlock = inputBlocks[segment % 2];
            convolveSegment (inputBlock, framesIn (segment));
            auto& mixed = mixedBlocks[segment % 2];
            const auto emitted = pathResults.front().size();
            mixSegment (inputBlock, framesIn (segment), emitted, mixed);

            if (writing.valid())
                writing.get();
            const auto start = segment * segmentLength;
            writing = std::async (std::launch::async,
                                  [this, &mixed, start, emitted] { writeSegment (mixed, start, emitted); });
            if (reading.valid())
                reading.get();

            if (progress)
                progress (convolvedShare * static_cast<double> (start + framesIn (segment))
                          / static_cast<double> (signalLength));
        }
        writing.get();
        if (normalisation)
            writeScaled (output, progress);

        // Not committed, the writer removes its temporary file: nothing is
        // left under the output's name.
        if (failOnClip && report.samplesBeyondFullScale > 0)
            throw AudioFileError (clipFailureMessage (report));
        writer->commit();
        return report;
    }

private:
    std::size_t framesIn (std::size_t segment) const
    {
        return std::min (segmentLength, signalLength - segment * segmentLength);
    }

    void readSegment (std::size_t segment) { input.read (inputBlocks[segment % 2].pointers, framesIn (segment)); }

    void planConvolvers()
    {
        parallelFor (plan.paths.size(), maxThreads,
                     [&] (std::size_t index)
                     {
                         const auto kernel = convertChannel<Sample> (kernels.channels[plan.paths[index].irChannel]);
                         convolvers[index] = std::make_unique<StreamingOverlapAdd<Sample>> (kernel, signalLength);
                         pathInputs[index].resize (segmentLength);
                     });
        if (convolvers.front()->segmentLength() != segmentLength)
            throw std::logic_error ("StreamingRenderJob: the engine planned another segment length");
    }

    void convolveSegment (const Channels& inputBlock, std::size_t count)
    {
        parallelFor (plan.paths.size(), maxThreads,
                     [&] (std::size_t index)
                     {
                         const auto* source = inputBlock.pointers[plan.paths[index].input];
                         auto& converted = pathInputs[index];
                         std::transform (source, source + count, converted.begin(),
                                         [] (double sample) { return static_cast<Sample> (sample); });
                         pathResults[index] =
                             convolvers[index]->process (std::span<const Sample> (converted).first (count));
                     });
    }

    /** Each output on its own, its paths summed in path order as RenderJob
        sums them, so the outputs can be mixed in parallel too. */
    void mixSegment (const Channels& inputBlock, std::size_t count, std::size_t emitted, Channels& mixed)
    {
        parallelFor (plan.numOutputs, maxThreads,
                     [&] (std::size_t channel)
                     {
                         auto* samples = mixed.pointers[channel];
                         std::fill (samples, samples + emitted, 0.0);
                         for (std::size_t index = 0; index < plan.paths.size(); ++index)
                         {
                             if (plan.paths[index].output != channel)
                                 continue;
                             const auto& result = pathResults[index];
                             for (std::size_t n = 0; n < emitted; ++n)
                                 samples[n] += static_cast<double> (result[n]);
                         }

                         // The unity case stays bit-exact: the output is the engine's result.
                         if (scales.wet != 1.0)
                             for (std::size_t n = 0; n < emitted; ++n)
                                 samples[n] *= scales.wet;

                         // Dry sample k sits at index k of the full convolution's
                         // timeline, so this segment's dry samples are its input block's.
                         if (const auto dryInput = plan.dryInputs[channel])
                         {
                             const auto* dry = inputBlock.pointers[*dryInput];
                             for (std::size_t n = 0; n < std::min (emitted, count); ++n)
                                 samples[n] += scales.dry * dry[n];
                         }
                     });
    }

    /** Samples start to start + emitted of the full convolution, of which
        --mode same and valid keep a window. */
    void writeSegment (const Channels& mixed, std::size_t start, std::size_t emitted)
    {
        const auto first = std::max (start, outputOffset);
        const auto last = std::min (start + emitted, outputOffset + outputLength);
        if (first >= last)
            return;
        const auto frames = last - first;
        std::vector<const double*> pointers;
        for (const auto* channel : mixed.pointers)
            pointers.push_back (channel + (first - start));
        if (spill)
        {
            levelBefore->measure (pointers, frames);
            spill->write (pointers, frames);
            return;
        }
        writeMeasured (pointers, frames);
    }

    void writeMeasured (std::span<const double* const> channels, std::size_t frames)
    {
        for (const auto* channel : channels)
        {
            const auto statistics = measureChannel (std::span (channel, frames), ChannelMeasures::peakOnly);
            report.peak = std::max (report.peak, statistics.peak);
            report.samplesBeyondFullScale += statistics.samplesBeyondFullScale;
        }
        writer->write (channels, frames);
    }

    /** The spilled output read back, scaled by the gain its measure asks
        for (the gain normaliseOutputLevel gives the same samples in memory,
        so the two renders stay the same to the bit) and written. */
    void writeScaled (const std::filesystem::path& output, const ProgressCallback& progress)
    {
        const auto level = levelBefore->outcome (output);
        report.normalisationGainDb = level.gainDb;
        report.normalisationWarning = level.warning;
        std::optional<OutputLevelNormaliser> levelAfter;
        if (level.gainDb && normalisation->measure == OutputLevelMeasure::loudness)
            levelAfter.emplace (*normalisation, input.info().sampleRate, plan.numOutputs);

        spill->rewind();
        auto& block = mixedBlocks[0];
        for (std::size_t done = 0; done < outputLength; done += segmentLength)
        {
            const auto frames = std::min (segmentLength, outputLength - done);
            spill->read (block.pointers, frames);
            if (level.gainDb)
                for (auto* channel : block.pointers)
                    for (std::size_t n = 0; n < frames; ++n)
                        channel[n] *= level.gain;
            const std::vector<const double*> channels (block.pointers.begin(), block.pointers.end());
            if (levelAfter)
                levelAfter->measure (channels, frames);
            writeMeasured (channels, frames);
            if (progress)
                progress (0.9 + 0.1 * static_cast<double> (done + frames) / static_cast<double> (outputLength));
        }
        if (levelAfter)
            report.loudness = levelAfter->loudness();
    }

    AudioFileReader& input;
    const AudioClip& kernels;
    MixScales scales;
    std::size_t maxThreads;
    std::size_t signalLength;
    std::size_t kernelLength;
    RenderPlan plan;
    std::size_t outputLength;
    std::size_t outputOffset;
    bool failOnClip;
    std::optional<OutputNormalisation> normalisation;
    std::size_t segmentLength;
    std::size_t numSegments;
    std::array<Channels, 2> inputBlocks;
    std::array<Channels, 2> mixedBlocks;
    std::vector<std::vector<Sample>> pathInputs;
    std::vector<std::span<const Sample>> pathResults;
    std::vector<std::unique_ptr<StreamingOverlapAdd<Sample>>> convolvers;
    std::optional<AudioFileWriter> writer;
    /** With --normalize-output: the output's level as it is rendered, and
        the output itself until its gain is known. */
    std::optional<OutputLevelNormaliser> levelBefore;
    std::optional<SampleSpillFile> spill;
    RenderReport report;
};
} // namespace

StreamingRenderJob::StreamingRenderJob (const RenderOptions& renderOptions, std::size_t threads)
    : options (renderOptions)
    , maxThreads (std::max<std::size_t> (threads, 1))
{
}

bool StreamingRenderJob::canRender (std::uint64_t inputFrames, std::size_t irFrames) const noexcept
{
    if (irFrames == 0 || inputFrames < irFrames)
        return false;
    const auto method = options.method == ConvolutionMethod::automatic
                            ? chooseConvolutionMethod (static_cast<std::size_t> (inputFrames), irFrames)
                            : options.method;
    return method == ConvolutionMethod::fft;
}

RenderReport StreamingRenderJob::render (AudioFileReader& input, const AudioClip& impulseResponse,
                                         const std::filesystem::path& output, const OutputFormat& format,
                                         OverwritePolicy overwrite, const ProgressCallback& progress) const
{
    const auto& info = input.info();
    checkRenderable (info.numChannels, info.numFrames, info.sampleRate, impulseResponse);
    if (input.framesLeft() != info.numFrames || !canRender (info.numFrames, impulseResponse.numFrames()))
        throw std::logic_error ("StreamingRenderJob::render: not a render it can stream");

    const auto scales = mixScalesFor (options);

    return options.precision == Precision::float64
               ? PathStreamer<double> (input, impulseResponse, options, scales, maxThreads)
                     .run (output, format, overwrite, progress)
               : PathStreamer<float> (input, impulseResponse, options, scales, maxThreads)
                     .run (output, format, overwrite, progress);
}

} // namespace partita
