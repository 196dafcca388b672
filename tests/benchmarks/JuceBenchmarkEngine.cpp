// SPDX-License-Identifier: GPL-3.0-or-later
#include "JuceBenchmarkEngine.h"

#include <juce_dsp/juce_dsp.h>

#include <chrono>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

namespace partita::benchmark
{

class JuceBenchmarkEngine::Implementation
{
public:
    Implementation (const StereoBuffer& ir, std::size_t blockSizeToUse, std::size_t headSizeToUse)
        : blockSize (blockSizeToUse)
        , headSize (headSizeToUse)
        , irFrames (ir[0].size())
        , convolution (headSize == 0 ? std::make_unique<juce::dsp::Convolution>()
                                     : std::make_unique<juce::dsp::Convolution> (
                                           juce::dsp::Convolution::NonUniform { static_cast<int> (headSize) }))
    {
        juce::AudioBuffer<float> buffer (2, static_cast<int> (irFrames));
        for (int channel = 0; channel < 2; ++channel)
            buffer.copyFrom (channel, 0, ir[static_cast<std::size_t> (channel)].data(), static_cast<int> (irFrames));

        convolution->loadImpulseResponse (std::move (buffer), benchmarkSampleRate, juce::dsp::Convolution::Stereo::yes,
                                          juce::dsp::Convolution::Trim::no, juce::dsp::Convolution::Normalise::no);
        convolution->prepare ({ benchmarkSampleRate, static_cast<juce::uint32> (blockSize), 2 });
        waitUntilImpulseResponseIsActive();
    }

    void process (const float* const* inputs, float* const* outputs) noexcept
    {
        juce::dsp::AudioBlock<const float> inputBlock (inputs, 2, blockSize);
        juce::dsp::AudioBlock<float> outputBlock (outputs, 2, blockSize);
        convolution->process (juce::dsp::ProcessContextNonReplacing<float> (inputBlock, outputBlock));
    }

    [[nodiscard]] std::size_t latency() const { return static_cast<std::size_t> (convolution->getLatency()); }

    const std::size_t blockSize;
    const std::size_t headSize;

private:
    void waitUntilImpulseResponseIsActive()
    {
        // prepare() usually installs the IR at once, but JUCE's loader thread
        // may take the load message first; the IR then arrives in a later
        // process() call and crossfades in over 50 ms.
        std::vector<float> silence (blockSize, 0.0f);
        std::vector<float> scratch (2 * blockSize, 0.0f);
        const float* inputs[] = { silence.data(), silence.data() };
        float* outputs[] = { scratch.data(), scratch.data() + blockSize };

        const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes (1);
        while (static_cast<std::size_t> (convolution->getCurrentIRSize()) != irFrames)
        {
            if (std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error ("JUCE Convolution: the impulse response did not become active within a minute");
            process (inputs, outputs);
            std::this_thread::sleep_for (std::chrono::milliseconds (1));
        }

        const auto crossfadeBlocks = static_cast<std::size_t> (0.2 * benchmarkSampleRate) / blockSize + 1;
        for (std::size_t block = 0; block < crossfadeBlocks; ++block)
            process (inputs, outputs);
        convolution->reset();
    }

    const std::size_t irFrames;
    std::unique_ptr<juce::dsp::Convolution> convolution;
};

JuceBenchmarkEngine::JuceBenchmarkEngine (const StereoBuffer& ir, std::size_t blockSize, std::size_t headSize)
    : implementation (std::make_unique<Implementation> (ir, blockSize, headSize))
{
}

JuceBenchmarkEngine::~JuceBenchmarkEngine() = default;

void JuceBenchmarkEngine::process (const float* const* inputs, float* const* outputs) noexcept
{
    implementation->process (inputs, outputs);
}

std::optional<std::size_t> JuceBenchmarkEngine::reportedLatency() const
{
    return implementation->latency();
}

std::string JuceBenchmarkEngine::describeConfiguration() const
{
    std::ostringstream text;
    text << "maximumBlockSize " << implementation->blockSize << ", zero latency";
    if (implementation->headSize == 0)
        text << ", uniform";
    else
        text << ", NonUniform head " << juce::jmax (64, juce::nextPowerOfTwo (static_cast<int> (implementation->headSize)))
             << " (tail partitions of that size)";
    return text.str();
}

std::string JuceBenchmarkEngine::fftBackend()
{
    juce::DynamicLibrary fftw;
    return fftw.open ("libfftw3f.so") ? "FFTW (libfftw3f.so, JUCE_DSP_USE_SHARED_FFTW)"
                                      : "JUCE's fallback FFT (libfftw3f.so could not be opened)";
}

std::string JuceBenchmarkEngine::libraryVersion()
{
    return juce::SystemStats::getJUCEVersion().toStdString();
}

} // namespace partita::benchmark
