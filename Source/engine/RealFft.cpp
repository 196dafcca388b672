// SPDX-License-Identifier: GPL-3.0-or-later
#include "RealFft.h"

#include <fftw3.h>

#include <algorithm>
#include <memory>
#include <new>
#include <stdexcept>
#include <type_traits>

namespace partita
{
namespace
{
/** The float and double halves of FFTW's API behind one set of names. */
template <typename Sample>
struct Fftw;

template <>
struct Fftw<float>
{
    using Plan = fftwf_plan;
    using Complex = fftwf_complex;
    static void* allocate (std::size_t bytes) { return fftwf_malloc (bytes); }
    static void release (void* memory) { fftwf_free (memory); }
    static Plan planForward (int n, float* in, Complex* out, unsigned flags)
    {
        return fftwf_plan_dft_r2c_1d (n, in, out, flags);
    }
    static Plan planInverse (int n, Complex* in, float* out, unsigned flags)
    {
        return fftwf_plan_dft_c2r_1d (n, in, out, flags);
    }
    static void execute (Plan plan) { fftwf_execute (plan); }
    static void destroy (Plan plan) { fftwf_destroy_plan (plan); }
};

template <>
struct Fftw<double>
{
    using Plan = fftw_plan;
    using Complex = fftw_complex;
    static void* allocate (std::size_t bytes) { return fftw_malloc (bytes); }
    static void release (void* memory) { fftw_free (memory); }
    static Plan planForward (int n, double* in, Complex* out, unsigned flags)
    {
        return fftw_plan_dft_r2c_1d (n, in, out, flags);
    }
    static Plan planInverse (int n, Complex* in, double* out, unsigned flags)
    {
        return fftw_plan_dft_c2r_1d (n, in, out, flags);
    }
    static void execute (Plan plan) { fftw_execute (plan); }
    static void destroy (Plan plan) { fftw_destroy_plan (plan); }
};
} // namespace

template <typename Sample>
class RealFft<Sample>::Plans
{
public:
    using Api = Fftw<Sample>;

    Plans (std::size_t transformSize, FftPlanning planning)
        : size (transformSize)
        , bins (transformSize / 2 + 1)
    {
        if (size < 2 || size % 2 != 0 || size > (std::size_t { 1 } << 30))
            throw std::invalid_argument ("RealFft: the size must be even, from 2 to 2^30");

        time = static_cast<Sample*> (Api::allocate (size * sizeof (Sample)));
        spectrum = static_cast<std::complex<Sample>*> (Api::allocate (bins * sizeof (std::complex<Sample>)));
        if (time == nullptr || spectrum == nullptr)
        {
            releaseBuffers();
            throw std::bad_alloc();
        }

        auto* fftwSpectrum = reinterpret_cast<typename Api::Complex*> (spectrum);
        const auto n = static_cast<int> (size);
        fftwPlanner::makePlans (
            planning, std::is_same_v<Sample, float>,
            [&] (unsigned flags) { return Api::planForward (n, time, fftwSpectrum, flags); },
            [&] (unsigned flags) { return Api::planInverse (n, fftwSpectrum, time, flags); }, forwardPlan, inversePlan);

        if (forwardPlan == nullptr || inversePlan == nullptr)
        {
            destroyPlans();
            releaseBuffers();
            throw std::runtime_error ("RealFft: FFTW could not make a plan");
        }

        // FFTW_MEASURE scribbles on the buffers while it times candidates.
        std::fill_n (time, size, Sample {});
        std::fill_n (spectrum, bins, std::complex<Sample> {});
    }

    ~Plans()
    {
        destroyPlans();
        releaseBuffers();
    }

    Plans (const Plans&) = delete;
    Plans& operator= (const Plans&) = delete;

    void destroyPlans() { fftwPlanner::destroyPlans (forwardPlan, inversePlan, Api::destroy); }

    void releaseBuffers()
    {
        Api::release (time);
        Api::release (spectrum);
        time = nullptr;
        spectrum = nullptr;
    }

    std::size_t size;
    std::size_t bins;
    Sample* time = nullptr;
    std::complex<Sample>* spectrum = nullptr;
    typename Api::Plan forwardPlan = nullptr;
    typename Api::Plan inversePlan = nullptr;
};

template <typename Sample>
RealFft<Sample>::RealFft (std::size_t size, FftPlanning planning)
    : plans (std::make_unique<Plans> (size, planning))
{
}

template <typename Sample>
RealFft<Sample>::~RealFft() = default;
template <typename Sample>
RealFft<Sample>::RealFft (RealFft&&) noexcept = default;
template <typename Sample>
RealFft<Sample>& RealFft<Sample>::operator= (RealFft&&) noexcept = default;

template <typename Sample>
std::size_t RealFft<Sample>::size() const noexcept
{
    return plans->size;
}

template <typename Sample>
std::size_t RealFft<Sample>::numBins() const noexcept
{
    return plans->bins;
}

template <typename Sample>
std::span<Sample> RealFft<Sample>::timeData() noexcept
{
    return { plans->time, plans->size };
}

template <typename Sample>
std::span<std::complex<Sample>> RealFft<Sample>::spectrumData() noexcept
{
    return { plans->spectrum, plans->bins };
}

template <typename Sample>
void RealFft<Sample>::forward() noexcept
{
    Plans::Api::execute (plans->forwardPlan);
}

template <typename Sample>
void RealFft<Sample>::inverse() noexcept
{
    Plans::Api::execute (plans->inversePlan);
}

template class RealFft<float>;
template class RealFft<double>;

} // namespace partita
