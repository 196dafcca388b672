// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConvolutionEngine.h"

#include "AlignedBuffer.h"
#include "DirectHeadFilter.h"
#include "FrequencyDomainDelayLine.h"
#include "PartitionedKernel.h"
#include "RealFft.h"
#include "ScopedDenormalFlush.h"
#include "SplitSpectrum.h"

#include <algorithm>
#include <bit>
#include <stdexcept>
#include <vector>

namespace partita
{

/*  How the pieces fit, for partition size B:

    - Each input keeps a line of 2B - 1 samples: B - 1 of history followed by
      the block being filled. The direct heads read it; when the block is full
      it is transformed (zero-padded to 2B) into the input's delay line.
    - Each path (input, output) has a direct head of the first B taps (none in
      onePartition mode) and the spectra of the remaining taps in partitions of
      B. Partition p of the FFT kernel acting on the block completed at sample
      kB + B - 1 contributes from sample kB + B on: exactly the next block. So
      the FFT part is computed at block boundaries, and its first B samples
      are emitted while the next block of input arrives: no added latency.
    - Each output accumulates the products of all its paths in the frequency
      domain and pays for one inverse FFT per block. */
class ConvolutionEngine::Implementation
{
public:
    Implementation (const KernelMatrix& kernels, const EngineConfig& engineConfig)
        : config (engineConfig),
          blockSize (engineConfig.partitionSize),
          headLength (engineConfig.latencyMode == LatencyMode::zero ? engineConfig.partitionSize : 0),
          longestKernel (kernels.longestKernel()),
          fft (2 * engineConfig.partitionSize, FftPlanning::measure)
    {
        const auto bins = fft.numBins();
        const auto binStride = AlignedBuffer<float>::alignedStride (bins);

        for (std::size_t output = 0; output < kernels.numOutputs(); ++output)
            outputs.push_back ({ AlignedBuffer<float> (binStride), AlignedBuffer<float> (binStride),
                                 AlignedBuffer<float> (blockSize), AlignedBuffer<float> (blockSize), false });

        std::vector<std::size_t> slotsPerInput (kernels.numInputs(), 0);
        for (std::size_t input = 0; input < kernels.numInputs(); ++input)
        {
            for (std::size_t output = 0; output < kernels.numOutputs(); ++output)
            {
                if (! kernels.hasKernel (input, output))
                    continue;

                const auto taps = kernels.kernel (input, output);
                const auto head = taps.first (std::min (headLength, taps.size()));
                const auto tail = taps.subspan (head.size());
                Path path { input, output, DirectHeadFilter (head), PartitionedKernel (tail, blockSize, fft) };
                slotsPerInput[input] = std::max (slotsPerInput[input], path.tail.numPartitions());
                if (path.tail.numPartitions() > 0)
                    outputs[output].hasFftPaths = true;
                paths.push_back (std::move (path));
            }
        }

        for (std::size_t input = 0; input < kernels.numInputs(); ++input)
            inputs.push_back ({ AlignedBuffer<float> (2 * blockSize - 1),
                                FrequencyDomainDelayLine (slotsPerInput[input], bins) });

        reset();
    }

    void reset() noexcept
    {
        for (auto& input : inputs)
        {
            input.line.clear();
            input.spectra.clear();
        }
        for (auto& output : outputs)
        {
            output.current.clear();
            output.overlap.clear();
        }
        position = 0;
    }

    void process (std::span<const float* const> in, std::span<float* const> out, std::size_t numSamples) noexcept
    {
        std::size_t done = 0;
        while (done < numSamples)
        {
            const auto chunk = std::min (numSamples - done, blockSize - position);
            const auto linePosition = blockSize - 1 + position;

            // All inputs are copied before any output is written, so that
            // in-place processing (an output aliasing an input) is safe.
            for (std::size_t i = 0; i < inputs.size(); ++i)
                std::copy_n (in[i] + done, chunk, inputs[i].line.data() + linePosition);

            for (std::size_t o = 0; o < outputs.size(); ++o)
                std::copy_n (outputs[o].current.data() + position, chunk, out[o] + done);

            for (const auto& path : paths)
                path.head.process (inputs[path.input].line.data() + linePosition, out[path.output] + done, chunk);

            position += chunk;
            done += chunk;
            if (position == blockSize)
            {
                completeBlock();
                position = 0;
            }
        }
    }

    std::size_t numInputs() const noexcept { return inputs.size(); }
    std::size_t numOutputs() const noexcept { return outputs.size(); }
    std::size_t latency() const noexcept { return headLength == 0 ? blockSize : 0; }
    std::size_t tail() const noexcept { return longestKernel == 0 ? 0 : longestKernel - 1 + latency(); }

    EngineConfig config;

private:
    struct InputState
    {
        AlignedBuffer<float> line;
        FrequencyDomainDelayLine spectra;
    };

    struct OutputState
    {
        AlignedBuffer<float> accumulatorReal;
        AlignedBuffer<float> accumulatorImag;
        AlignedBuffer<float> current; // FFT-path output for the block now being filled
        AlignedBuffer<float> overlap; // second half of the last inverse transform
        bool hasFftPaths;
    };

    struct Path
    {
        std::size_t input;
        std::size_t output;
        DirectHeadFilter head;
        PartitionedKernel tail;
    };

    void completeBlock() noexcept
    {
        const auto time = fft.timeData();
        const auto spectrum = fft.spectrumData();

        for (auto& input : inputs)
        {
            float* line = input.line.data();
            if (input.spectra.numSlots() > 0)
            {
                std::copy_n (line + blockSize - 1, blockSize, time.data());
                std::fill (time.begin() + static_cast<std::ptrdiff_t> (blockSize), time.end(), 0.0f);
                fft.forward();
                input.spectra.push (spectrum.data());
            }
            // Keep the last B - 1 samples as the next block's history.
            std::copy_n (line + blockSize, blockSize - 1, line);
        }

        for (std::size_t o = 0; o < outputs.size(); ++o)
        {
            auto& output = outputs[o];
            if (! output.hasFftPaths)
                continue;

            output.accumulatorReal.clear();
            output.accumulatorImag.clear();
            for (const auto& path : paths)
            {
                if (path.output != o)
                    continue;
                const auto& spectra = inputs[path.input].spectra;
                for (std::size_t p = 0; p < path.tail.numPartitions(); ++p)
                    splitSpectrum::multiplyAccumulate (spectra.real (p), spectra.imag (p), path.tail.real (p),
                                                       path.tail.imag (p), output.accumulatorReal.data(),
                                                       output.accumulatorImag.data(), spectrum.size());
            }

            splitSpectrum::interleave (output.accumulatorReal.data(), output.accumulatorImag.data(), spectrum.data(),
                                       spectrum.size());
            fft.inverse();
            for (std::size_t t = 0; t < blockSize; ++t)
            {
                output.current[t] = time[t] + output.overlap[t];
                output.overlap[t] = time[blockSize + t];
            }
        }
    }

    std::size_t blockSize;
    std::size_t headLength;
    std::size_t longestKernel;
    RealFft<float> fft;
    std::vector<InputState> inputs;
    std::vector<OutputState> outputs;
    std::vector<Path> paths;
    std::size_t position = 0; // samples of the current block already received
};

ConvolutionEngine::ConvolutionEngine() = default;
ConvolutionEngine::~ConvolutionEngine() = default;
ConvolutionEngine::ConvolutionEngine (ConvolutionEngine&&) noexcept = default;
ConvolutionEngine& ConvolutionEngine::operator= (ConvolutionEngine&&) noexcept = default;

void ConvolutionEngine::prepare (const KernelMatrix& kernels, const EngineConfig& config)
{
    implementation.reset();

    const auto size = config.partitionSize;
    if (size < 8 || size > 65536 || ! std::has_single_bit (size))
        throw std::invalid_argument ("the partition size must be a power of two from 8 to 65536");
    if (kernels.numInputs() == 0 || kernels.numOutputs() == 0)
        throw std::invalid_argument ("the engine needs at least one input and one output");

    implementation = std::make_unique<Implementation> (kernels, config);
}

void ConvolutionEngine::reset() noexcept
{
    if (implementation != nullptr)
        implementation->reset();
}

void ConvolutionEngine::process (std::span<const float* const> inputs, std::span<float* const> outputs,
                                 std::size_t numSamples) noexcept
{
    const ScopedDenormalFlush flushDenormals;

    if (implementation == nullptr || inputs.size() != numInputs() || outputs.size() != numOutputs())
    {
        for (auto* output : outputs)
            if (output != nullptr)
                std::fill_n (output, numSamples, 0.0f);
        return;
    }

    implementation->process (inputs, outputs, numSamples);
}

bool ConvolutionEngine::isPrepared() const noexcept
{
    return implementation != nullptr;
}

std::size_t ConvolutionEngine::numInputs() const noexcept
{
    return implementation != nullptr ? implementation->numInputs() : 0;
}

std::size_t ConvolutionEngine::numOutputs() const noexcept
{
    return implementation != nullptr ? implementation->numOutputs() : 0;
}

std::size_t ConvolutionEngine::latencySamples() const noexcept
{
    return implementation != nullptr ? implementation->latency() : 0;
}

std::size_t ConvolutionEngine::tailSamples() const noexcept
{
    return implementation != nullptr ? implementation->tail() : 0;
}

const EngineConfig& ConvolutionEngine::config() const noexcept
{
    static const EngineConfig unprepared {};
    return implementation != nullptr ? implementation->config : unprepared;
}

} // namespace partita
