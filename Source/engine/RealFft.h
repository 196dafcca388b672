// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FftwPlanner.h"

#include <complex>
#include <cstddef>
#include <memory>
#include <span>

namespace partita
{

/** A real-to-complex FFT of one size and its inverse, on FFTW (float or double).
    FFTW stays behind this facade: fftw3.h is included by RealFft.cpp only.

    The transform works in place on its own aligned buffers: write timeData(),
    call forward(), read spectrumData() (size / 2 + 1 bins); or write
    spectrumData(), call inverse(), read timeData(). The inverse is unscaled
    (it returns size times the input), as FFTW's is; inverse() overwrites
    spectrumData().

    Threading: construction and destruction take a process-wide planner lock
    (FFTW's planner is not thread-safe); forward() and inverse() are lock- and
    allocation-free and may run on any one thread at a time per object. */
template <typename Sample>
class RealFft
{
public:
    /** size must be even and at least 2; throws std::invalid_argument otherwise. */
    explicit RealFft (std::size_t size, FftPlanning planning = FftPlanning::estimate);
    ~RealFft();
    RealFft (RealFft&&) noexcept;
    RealFft& operator= (RealFft&&) noexcept;
    RealFft (const RealFft&) = delete;
    RealFft& operator= (const RealFft&) = delete;

    [[nodiscard]] std::size_t size() const noexcept;
    [[nodiscard]] std::size_t numBins() const noexcept;

    [[nodiscard]] std::span<Sample> timeData() noexcept;
    [[nodiscard]] std::span<std::complex<Sample>> spectrumData() noexcept;

    void forward() noexcept;
    void inverse() noexcept;

private:
    class Plans;
    std::unique_ptr<Plans> plans;
};

extern template class RealFft<float>;
extern template class RealFft<double>;

} // namespace partita
