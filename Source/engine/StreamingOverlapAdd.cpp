// SPDX-License-Identifier: GPL-3.0-or-later
#include "StreamingOverlapAdd.h"

#include "SimdDispatch.h"
#include "VectorArithmetic.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <stdexcept>
#include <string>

namespace partita
{
namespace
{
/** Relative cost of one FFT "operation" (size * log2(size) of a real
    transform), measured on x86-64 with FFTW's estimated plans. */
constexpr double fftUnitCost = 1.5;

/** Transforms whose buffers outgrow this many bytes leave the caches and
    slow down by about half again per doubling (measured on x86-64:
    docs/engine.md, "FFTW plans and wisdom"). */
constexpr double cachedTransformBytes = 2.0 * 1024 * 1024;
constexpr double uncachedSlowdownPerDoubling = 0.5;

/** From this FFT size on, the plan is saved with FFTW's wisdom, so that the
    next process skips the planner's search (tens of milliseconds at every
    start of an offline render). Smaller transforms come from short signals,
    whose renders are quick anyway; leaving them out keeps the wisdom file,
    which every process reads, small. */
constexpr std::size_t smallestRememberedPlan = std::size_t { 1 } << 16;
} // namespace

OverlapAddPlan planOverlapAdd (std::size_t longer, std::size_t shorter, std::size_t sampleBytes) noexcept
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

namespace
{
/** spectrum[k] *= kernel[k] in double precision, the spectrum as FFTW
    leaves it, (re, im) pairs, the kernel split into real and imaginary
    arrays (single precision has both split: multiplySplitSpectra). Written on
    plain arrays because GCC leaves a loop over std::complex scalar, with
    a store and reload per bin. The kernel is split because with both
    sides interleaved GCC 12 recognises the complex product and fuses it
    (vfmaddsub) in the AVX-512 clone, -ffp-contract=off notwithstanding,
    which changes the rounding. As written, every clone does the complex
    product's operations in its order, so the result is the same bit for
    bit as convolve()'s always was. */
template <typename Sample>
void multiplySpectraInPlace (Sample* spectrum, const Sample* kernelReal, const Sample* kernelImag,
                             std::size_t numBins) noexcept
{
    for (std::size_t bin = 0; bin < numBins; ++bin)
    {
        const Sample ar = spectrum[2 * bin];
        const Sample ai = spectrum[2 * bin + 1];
        const Sample br = kernelReal[bin];
        const Sample bi = kernelImag[bin];
        spectrum[2 * bin] = ar * br - ai * bi;
        spectrum[2 * bin + 1] = ar * bi + ai * br;
    }
}

PARTITA_SIMD_CLONES
void multiplySpectra (double* spectrum, const double* kernelReal, const double* kernelImag,
                      std::size_t numBins) noexcept
{
    multiplySpectraInPlace (spectrum, kernelReal, kernelImag, numBins);
}

/** (real, imag)[k] *= kernel[k], on split spectra: the same complex
    product's operations in its order in every clone. */
PARTITA_SIMD_CLONES
void multiplySplitSpectra (float* real, float* imag, const float* kernelReal, const float* kernelImag,
                           std::size_t numBins) noexcept
{
    for (std::size_t bin = 0; bin < numBins; ++bin)
    {
        const float ar = real[bin];
        const float ai = imag[bin];
        const float br = kernelReal[bin];
        const float bi = kernelImag[bin];
        real[bin] = ar * br - ai * bi;
        imag[bin] = ar * bi + ai * br;
    }
}

OverlapAddPlan checkedPlan (std::size_t kernelLength, std::size_t signalLength, std::size_t sampleBytes)
{
    if (kernelLength == 0 || kernelLength > signalLength)
        throw std::invalid_argument ("StreamingOverlapAdd: the kernel (" + std::to_string (kernelLength)
                                     + " samples) must hold at least one sample and be no longer than the "
                                       "signal ("
                                     + std::to_string (signalLength) + " samples)");
    return planOverlapAdd (signalLength, kernelLength, sampleBytes);
}
} // namespace

template <typename Sample>
StreamingOverlapAdd<Sample>::StreamingOverlapAdd (std::span<const Sample> kernel, std::size_t signalSamples)
    : plan (checkedPlan (kernel.size(), signalSamples, sizeof (Sample)))
    , kernelLength (kernel.size())
    , signalLength (signalSamples)
    , fft (plan.fftSize,
           plan.fftSize >= smallestRememberedPlan ? FftPlanning::estimateRemembered : FftPlanning::estimate)
    , pending (plan.fftSize, Sample {})
{
    const auto time = fft.timeData();
    // The inverse is unscaled; scaling the kernel once costs nothing per segment.
    const Sample scale = Sample (1) / static_cast<Sample> (plan.fftSize);

    std::fill (time.begin(), time.end(), Sample {});
    std::transform (kernel.begin(), kernel.end(), time.begin(), [scale] (Sample s) { return s * scale; });
    if constexpr (splitTransform)
    {
        kernelReal.resize (fft.numBins());
        kernelImag.resize (fft.numBins());
        segmentReal.resize (fft.numBins());
        segmentImag.resize (fft.numBins());
        fft.forward (kernelReal.data(), kernelImag.data());
    }
    else
    {
        const auto spectrum = fft.spectrumData();
        fft.forward();
        kernelReal.resize (spectrum.size());
        kernelImag.resize (spectrum.size());
        std::transform (spectrum.begin(), spectrum.end(), kernelReal.begin(), [] (auto bin) { return bin.real(); });
        std::transform (spectrum.begin(), spectrum.end(), kernelImag.begin(), [] (auto bin) { return bin.imag(); });
    }
}

template <typename Sample>
std::span<const Sample> StreamingOverlapAdd<Sample>::process (std::span<const Sample> segment)
{
    const auto count = segment.size();
    const auto remaining = signalLength - consumed;
    if (remaining == 0 || (count != plan.segmentLength && count != remaining) || count > remaining)
        throw std::logic_error ("StreamingOverlapAdd: a segment of " + std::to_string (count) + " samples where "
                                + std::to_string (std::min (plan.segmentLength, remaining)) + " were expected");

    // Drop what the last call returned; the rest moves to the front.
    std::copy (pending.begin() + static_cast<std::ptrdiff_t> (returned), pending.end(), pending.begin());
    std::fill (pending.end() - static_cast<std::ptrdiff_t> (returned), pending.end(), Sample {});

    const auto time = fft.timeData();
    // The segment, zero-padded to the transform size.
    std::copy (segment.begin(), segment.end(), time.begin());
    std::fill (time.begin() + static_cast<std::ptrdiff_t> (count), time.end(), Sample {});
    if constexpr (splitTransform)
    {
        fft.forward (segmentReal.data(), segmentImag.data());
        multiplySplitSpectra (segmentReal.data(), segmentImag.data(), kernelReal.data(), kernelImag.data(),
                              segmentReal.size());
        fft.inverse (segmentReal.data(), segmentImag.data());
    }
    else
    {
        const auto spectrum = fft.spectrumData();
        fft.forward();
        // std::complex is array-compatible with two Samples, (re, im).
        multiplySpectra (reinterpret_cast<Sample*> (spectrum.data()), kernelReal.data(), kernelImag.data(),
                         spectrum.size());
        fft.inverse();
    }

    // A segment of count samples reaches count + kernelLength - 1 samples
    // of the output, at most fftSize; the sums start from zero and add the
    // segments in order, as convolve() does, so the rounding is the same.
    const auto produced = count + kernelLength - 1;
    addInto (pending.data(), time.data(), produced);

    consumed += count;
    // The next segment starts count samples on and adds nothing before it.
    returned = isComplete() ? produced : count;
    return { pending.data(), returned };
}

template class StreamingOverlapAdd<float>;
template class StreamingOverlapAdd<double>;

} // namespace partita
