// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BenchmarkEngine.h"
#include "StereoSignals.h"

#include <memory>

namespace partita::benchmark
{

/** JUCE's juce::dsp::Convolution at zero latency, its FFT on the system FFTW
    (JUCE_DSP_USE_SHARED_FFTW): uniform, or NonUniform with a head size. The
    IR is loaded as a plugin loads it (loadImpulseResponse with Stereo::yes,
    no trimming, no normalisation), and construction waits until JUCE's
    background loader has made it active and any crossfade has finished.

    Threading: as BenchmarkEngine; JUCE's loader thread lives with the object. */
class JuceBenchmarkEngine final : public BenchmarkEngine
{
public:
    /** headSize 0: uniform; otherwise NonUniform { headSize } (JUCE rounds it
        up to a power of two of at least 64). Throws std::runtime_error when
        the IR does not become active within a minute. */
    JuceBenchmarkEngine (const StereoBuffer& ir, std::size_t blockSize, std::size_t headSize);
    ~JuceBenchmarkEngine() override;
    JuceBenchmarkEngine (const JuceBenchmarkEngine&) = delete;
    JuceBenchmarkEngine& operator= (const JuceBenchmarkEngine&) = delete;

    void process (const float* const* inputs, float* const* outputs) noexcept override;
    [[nodiscard]] std::optional<std::size_t> reportedLatency() const override;
    [[nodiscard]] std::string describeConfiguration() const override;

    /** Which FFT JUCE's dsp module runs on here: it opens libfftw3f.so at run
        time and falls back to its own FFT silently when that fails. */
    [[nodiscard]] static std::string fftBackend();
    [[nodiscard]] static std::string libraryVersion();

private:
    class Implementation;
    std::unique_ptr<Implementation> implementation;
};

} // namespace partita::benchmark
