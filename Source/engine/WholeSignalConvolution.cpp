// SPDX-License-Identifier: GPL-3.0-or-later
#include "WholeSignalConvolution.h"

#include "StreamingOverlapAdd.h"

#include <algorithm>
#include <stdexcept>

namespace partita
{
namespace
{
    /** Relative cost of one multiply-add of the direct sum in double against
        the FFT "operation" units of planOverlapAdd, measured on x86-64 with
        FFTW's estimated plans. */
    constexpr double directUnitCost = 0.5;

    template <typename Sample>
    std::vector<Sample> directFull (std::span<const Sample> longer, std::span<const Sample> shorter,
                                    const ProgressCallback& progress)
    {
        // Sums run in double whatever the sample type: a float sum over
        // thousands of products would lose the exactness the direct method
        // is chosen for.
        std::vector<double> sums (longer.size() + shorter.size() - 1, 0.0);
        const std::vector<double> kernel (shorter.begin(), shorter.end());
        const auto reportEvery = std::max<std::size_t> (1, (std::size_t { 1 } << 24) / shorter.size());
        for (std::size_t n = 0; n < longer.size(); ++n)
        {
            // One scaled copy of the shorter signal per sample of the longer:
            // an axpy over contiguous memory, which vectorises exactly.
            const auto scale = static_cast<double> (longer[n]);
            double* destination = sums.data() + n;
            for (std::size_t k = 0; k < kernel.size(); ++k)
                destination[k] += scale * kernel[k];

            if (progress && n % reportEvery == 0)
                progress (static_cast<double> (n) / static_cast<double> (longer.size()));
        }
        std::vector<Sample> result (sums.size());
        std::transform (sums.begin(), sums.end(), result.begin(), [] (double v) { return static_cast<Sample> (v); });
        return result;
    }

    template <typename Sample>
    std::vector<Sample> fftFull (std::span<const Sample> longer, std::span<const Sample> shorter,
                                 const ProgressCallback& progress)
    {
        StreamingOverlapAdd<Sample> overlapAdd (shorter, longer.size());
        std::vector<Sample> result;
        result.reserve (longer.size() + shorter.size() - 1);
        for (std::size_t start = 0; start < longer.size(); start += overlapAdd.segmentLength())
        {
            const auto count = std::min (overlapAdd.segmentLength(), longer.size() - start);
            const auto finished = overlapAdd.process (longer.subspan (start, count));
            result.insert (result.end(), finished.begin(), finished.end());

            if (progress)
                progress (static_cast<double> (start + count) / static_cast<double> (longer.size()));
        }
        return result;
    }
} // namespace

ConvolutionMethod chooseConvolutionMethod (std::size_t signalLength, std::size_t kernelLength) noexcept
{
    const auto longer = std::max (signalLength, kernelLength);
    const auto shorter = std::min (signalLength, kernelLength);
    if (shorter == 0)
        return ConvolutionMethod::direct;
    const double directCost = static_cast<double> (longer) * static_cast<double> (shorter) * directUnitCost;
    return directCost <= planOverlapAdd (longer, shorter, sizeof (float)).cost ? ConvolutionMethod::direct
                                                                                  : ConvolutionMethod::fft;
}

template <typename Sample>
std::vector<Sample> convolve (std::span<const Sample> signal, std::span<const Sample> kernel, ConvolutionMode mode,
                              ConvolutionMethod method, const ProgressCallback& progress)
{
    if (signal.empty() || kernel.empty())
        throw std::invalid_argument ("convolve: the signal and the kernel must each hold at least one sample");

    if (method == ConvolutionMethod::automatic)
        method = chooseConvolutionMethod (signal.size(), kernel.size());

    // Convolution commutes, so both methods run the longer signal against the shorter.
    const bool signalIsLonger = signal.size() >= kernel.size();
    const auto longer = signalIsLonger ? signal : kernel;
    const auto shorter = signalIsLonger ? kernel : signal;
    auto full = method == ConvolutionMethod::direct ? directFull (longer, shorter, progress)
                                                    : fftFull (longer, shorter, progress);
    if (progress)
        progress (1.0);

    if (mode == ConvolutionMode::full)
        return full;

    const auto offset = static_cast<std::ptrdiff_t> (convolutionOutputOffset (signal.size(), kernel.size(), mode));
    const auto length = static_cast<std::ptrdiff_t> (convolutionOutputLength (signal.size(), kernel.size(), mode));
    return { full.begin() + offset, full.begin() + offset + length };
}

template <typename Sample>
std::vector<Sample> correlate (std::span<const Sample> signal, std::span<const Sample> kernel, ConvolutionMode mode,
                               ConvolutionMethod method)
{
    const std::vector<Sample> reversed (kernel.rbegin(), kernel.rend());
    return convolve<Sample> (signal, reversed, mode, method);
}

std::ptrdiff_t correlationLag (std::size_t signalLength, std::size_t kernelLength, ConvolutionMode mode,
                               std::size_t index) noexcept
{
    // correlate() crops the full result exactly as convolve() does, and full
    // index M - 1 is where the kernel's first sample meets the signal's.
    const auto fullIndex = index + convolutionOutputOffset (signalLength, kernelLength, mode);
    return static_cast<std::ptrdiff_t> (fullIndex) - static_cast<std::ptrdiff_t> (kernelLength - 1);
}

template std::vector<float> convolve<float> (std::span<const float>, std::span<const float>, ConvolutionMode,
                                             ConvolutionMethod, const ProgressCallback&);
template std::vector<double> convolve<double> (std::span<const double>, std::span<const double>, ConvolutionMode,
                                               ConvolutionMethod, const ProgressCallback&);
template std::vector<float> correlate<float> (std::span<const float>, std::span<const float>, ConvolutionMode,
                                              ConvolutionMethod);
template std::vector<double> correlate<double> (std::span<const double>, std::span<const double>, ConvolutionMode,
                                                ConvolutionMethod);

} // namespace partita
