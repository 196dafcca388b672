// SPDX-License-Identifier: GPL-3.0-or-later
#include "WholeSignalConvolution.h"

#include "RealFft.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace partita
{
namespace
{
    /** Relative cost of one FFT "operation" (size * log2(size) of a real
        transform) against one multiply-add of the direct sum in double,
        measured on x86-64 with FFTW's estimated plans. */
    constexpr double fftUnitCost = 1.5;
    constexpr double directUnitCost = 0.5;

    struct OverlapAddPlan
    {
        std::size_t fftSize = 0;
        std::size_t segmentLength = 0;
        double cost = std::numeric_limits<double>::infinity();
    };

    /** Transforms whose buffers outgrow this many bytes leave the caches and
        slow down by about half again per doubling (measured on x86-64: a
        60 s by 4 s render is fastest at 2^19 float points, 1.4 times slower
        at 2^20 and 2 times at 2^21). */
    constexpr double cachedTransformBytes = 2.0 * 1024 * 1024;
    constexpr double uncachedSlowdownPerDoubling = 0.5;

    /** Overlap-add of the longer signal in segments against the shorter one:
        the FFT size that minimises the estimated total cost. */
    OverlapAddPlan planOverlapAdd (std::size_t longer, std::size_t shorter, std::size_t sampleBytes)
    {
        const auto fullLength = longer + shorter - 1;
        const auto smallest = std::bit_ceil (std::max<std::size_t> (shorter + 1, 2));
        const auto largest = std::max (smallest, std::bit_ceil (fullLength));
        OverlapAddPlan best;
        for (auto size = smallest; size <= largest; size *= 2)
        {
            const auto segment = size - shorter + 1;
            const auto segments = (longer + segment - 1) / segment;
            const auto n = static_cast<double> (size);
            const double bytes = n * static_cast<double> (sampleBytes);
            const double cachePenalty =
                1.0 + uncachedSlowdownPerDoubling * std::max (0.0, std::log2 (bytes / cachedTransformBytes));
            // One forward and one inverse per segment, plus the spectral product.
            const double cost =
                static_cast<double> (segments) * (2.0 * n * std::log2 (n) * fftUnitCost * cachePenalty + 3.0 * n);
            if (cost < best.cost)
                best = { size, segment, cost };
        }
        return best;
    }

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
        const auto plan = planOverlapAdd (longer.size(), shorter.size(), sizeof (Sample));
        RealFft<Sample> fft (plan.fftSize);
        const auto time = fft.timeData();
        const auto spectrum = fft.spectrumData();
        const Sample scale = Sample (1) / static_cast<Sample> (plan.fftSize);

        std::fill (time.begin(), time.end(), Sample {});
        std::transform (shorter.begin(), shorter.end(), time.begin(), [scale] (Sample s) { return s * scale; });
        fft.forward();
        const std::vector<std::complex<Sample>> kernelSpectrum (spectrum.begin(), spectrum.end());

        std::vector<Sample> result (longer.size() + shorter.size() - 1, Sample {});
        for (std::size_t start = 0; start < longer.size(); start += plan.segmentLength)
        {
            const auto count = std::min (plan.segmentLength, longer.size() - start);
            std::fill (time.begin(), time.end(), Sample {});
            std::copy_n (longer.begin() + static_cast<std::ptrdiff_t> (start), count, time.begin());
            fft.forward();
            for (std::size_t bin = 0; bin < spectrum.size(); ++bin)
            {
                const auto a = spectrum[bin];
                const auto b = kernelSpectrum[bin];
                spectrum[bin] = { a.real() * b.real() - a.imag() * b.imag(), a.real() * b.imag() + a.imag() * b.real() };
            }
            fft.inverse();

            const auto produced = std::min (count + shorter.size() - 1, result.size() - start);
            for (std::size_t t = 0; t < produced; ++t)
                result[start + t] += time[t];

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

template std::vector<float> convolve<float> (std::span<const float>, std::span<const float>, ConvolutionMode,
                                             ConvolutionMethod, const ProgressCallback&);
template std::vector<double> convolve<double> (std::span<const double>, std::span<const double>, ConvolutionMode,
                                               ConvolutionMethod, const ProgressCallback&);
template std::vector<float> correlate<float> (std::span<const float>, std::span<const float>, ConvolutionMode,
                                              ConvolutionMethod);
template std::vector<double> correlate<double> (std::span<const double>, std::span<const double>, ConvolutionMode,
                                                ConvolutionMethod);

} // namespace partita
