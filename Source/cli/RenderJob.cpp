// SPDX-License-Identifier: GPL-3.0-or-later
#include "RenderJob.h"

#include "ParallelFor.h"
#include "ProgressTracker.h"
#include "RenderMix.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace partita
{

namespace
{
template <typename Sample>
std::vector<std::vector<Sample>> convertChannels (const AudioClip& clip)
{
    std::vector<std::vector<Sample>> converted;
    converted.reserve (clip.numChannels());
    for (const auto& channel : clip.channels)
        converted.push_back (convertChannel<Sample> (channel));
    return converted;
}

/** The wet signal of every output: each path convolved on its own (in
    parallel), then the paths into each output summed in double, in path
    order, so the result does not depend on which thread finished first. */
template <typename Sample>
std::vector<std::vector<double>> convolvePaths (const RenderPlan& plan, const AudioClip& input,
                                                const AudioClip& impulseResponse, const RenderOptions& options,
                                                std::size_t outputLength, std::size_t maxThreads,
                                                const ProgressCallback& progress)
{
    const auto inputs = convertChannels<Sample> (input);
    const auto kernels = convertChannels<Sample> (impulseResponse);

    ProgressTracker tracker (plan.paths.size(), progress);
    std::vector<std::vector<Sample>> pathResults (plan.paths.size());

    parallelFor (plan.paths.size(), maxThreads,
                 [&] (std::size_t index)
                 {
                     const auto& path = plan.paths[index];
                     pathResults[index] = convolve<Sample> (std::span<const Sample> (inputs[path.input]),
                                                            std::span<const Sample> (kernels[path.irChannel]),
                                                            options.mode, options.method, tracker.callbackFor (index));
                     tracker.report (index, 1.0);
                 });

    std::vector<std::vector<double>> wet (plan.numOutputs, std::vector<double> (outputLength, 0.0));
    for (std::size_t index = 0; index < plan.paths.size(); ++index)
    {
        const auto& result = pathResults[index];
        if (result.size() != outputLength)
            throw std::logic_error ("the engine returned " + std::to_string (result.size()) + " samples where "
                                    + std::to_string (outputLength) + " were expected");

        auto& destination = wet[plan.paths[index].output];
        for (std::size_t n = 0; n < outputLength; ++n)
            destination[n] += static_cast<double> (result[n]);

        pathResults[index] = {};
    }
    return wet;
}
} // namespace

RenderJob::RenderJob (const RenderOptions& renderOptions, std::size_t threads)
    : options (renderOptions)
    , maxThreads (std::max<std::size_t> (threads, 1))
{
}

AudioClip RenderJob::render (const AudioClip& input, const AudioClip& impulseResponse,
                             const ProgressCallback& progress) const
{
    checkRenderable (input.numChannels(), input.numFrames(), input.sampleRate, impulseResponse);
    for (const auto& channel : input.channels)
        if (channel.size() != input.numFrames())
            throw std::invalid_argument ("a clip has channels of different lengths");

    const auto [wetScale, dryScale] = mixScalesFor (options);

    const auto plan = makeRenderPlan (input.numChannels(), impulseResponse.numChannels(), options.outputChannels,
                                      dryScale != 0.0, channelMeaningOf (options.irLayout.layout));

    const auto signalLength = input.numFrames();
    const auto kernelLength = impulseResponse.numFrames();
    const auto outputLength = convolutionOutputLength (signalLength, kernelLength, options.mode);
    const auto outputOffset = convolutionOutputOffset (signalLength, kernelLength, options.mode);

    auto wet = options.precision == Precision::float64
                   ? convolvePaths<double> (plan, input, impulseResponse, options, outputLength, maxThreads, progress)
                   : convolvePaths<float> (plan, input, impulseResponse, options, outputLength, maxThreads, progress);

    AudioClip output;
    output.sampleRate = input.sampleRate;
    output.channels = std::move (wet);

    for (std::size_t channel = 0; channel < plan.numOutputs; ++channel)
    {
        auto& samples = output.channels[channel];

        // The unity case stays bit-exact: the output is the engine's result.
        if (wetScale != 1.0)
            for (auto& sample : samples)
                sample *= wetScale;

        if (const auto dryInput = plan.dryInputs[channel])
        {
            // Dry sample k sits at index k of the full convolution's timeline.
            const auto& dry = input.channels[*dryInput];
            for (std::size_t n = 0; n < outputLength; ++n)
            {
                const auto fullIndex = outputOffset + n;
                if (fullIndex < signalLength)
                    samples[n] += dryScale * dry[fullIndex];
            }
        }
    }
    return output;
}

} // namespace partita
