// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FftwPlanner.h"

#include <cstddef>
#include <memory>
#include <span>

namespace partita
{

/** A single-precision real FFT of one even size N and its inverse, on
    spectra stored split (the real parts of bins 0 to N/2 in one array, the
    imaginary parts in another), as the engine keeps them.

    Why not RealFft: FFTW's real-input transforms spend half their time in
    scalar code. This class runs FFTW's complex transform of N/2 points on
    the even and odd samples taken as one complex signal, and separates the
    real transform from it in one vectorised pass (AVX2 where the CPU has
    it, scalar elsewhere) that also writes the split layout: 1.5 to 2 times
    faster (docs/engine.md, "The real FFT"). The results differ from
    RealFft's by float rounding only.

    Threading: construction and destruction take FFTW's planner lock;
    forward() and inverse() are lock- and allocation-free and may run on any
    one thread at a time per object. */
class SplitRealFft
{
public:
    /** Which code separates and combines: the best the CPU has, or (for
        tests, to reach every path on one machine) a lower one. A level the
        CPU lacks falls back to the next below it. */
    enum class Instructions
    {
        best,
        avx2,
        portable,
    };

    /** size even, from 2 to 2^30; throws std::invalid_argument otherwise. */
    explicit SplitRealFft (std::size_t size, FftPlanning planning = FftPlanning::measure,
                           Instructions instructions = Instructions::best);
    ~SplitRealFft();
    SplitRealFft (SplitRealFft&&) noexcept;
    SplitRealFft& operator= (SplitRealFft&&) noexcept;
    SplitRealFft (const SplitRealFft&) = delete;
    SplitRealFft& operator= (const SplitRealFft&) = delete;

    [[nodiscard]] std::size_t size() const noexcept;
    [[nodiscard]] std::size_t numBins() const noexcept;

    /** N samples, aligned for SIMD. */
    [[nodiscard]] std::span<float> timeData() noexcept;

    /** Transforms timeData() (N samples) into bins 0 to N/2; bins 0 and N/2
        get imaginary part 0, and nothing past bin N/2 is written. real and
        imag hold numBins() floats each; they may not overlap timeData(). */
    void forward (float* real, float* imag) noexcept;
    /** The same from N samples elsewhere, which it leaves as they are:
        aligned to 16 bytes like timeData(). A caller whose input is a
        block followed by zeros keeps the zeros there instead of copying
        both into timeData() for every transform. */
    void forward (const float* time, float* real, float* imag) noexcept;
    /** Writes N times the signal whose spectrum that is into timeData():
        unscaled, as FFTW's inverse; the imaginary parts of bins 0 and N/2
        are ignored, as a real signal has none. Leaves real and imag as they
        are. */
    void inverse (const float* real, const float* imag) noexcept;

private:
    class Plans;
    std::unique_ptr<Plans> plans;
};

} // namespace partita
