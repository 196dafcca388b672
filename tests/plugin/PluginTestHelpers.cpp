// SPDX-License-Identifier: GPL-3.0-or-later
#include "PluginTestHelpers.h"

#include "io/AudioFileWriter.h"
#include "processor/ParameterTable.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <thread>

namespace partita::test
{

std::unique_ptr<PartitaAudioProcessor> makePlugin (const TemporaryDirectory& directory,
                                                   PartitaAudioProcessor::InitialImpulseResponse initial)
{
    PartitaAudioProcessor::Options options;
    options.settingsFile = juce::File (juce::String ((directory / "Partita.settings").string()));
    options.initialImpulseResponse = initial;
    return std::make_unique<PartitaAudioProcessor> (options);
}

void setParameter (PartitaAudioProcessor& plugin, std::string_view id, float value)
{
    auto* parameter = plugin.parameterState().getParameter (juce::String (id.data(), id.size()));
    if (parameter == nullptr)
        throw std::invalid_argument ("no parameter " + std::string (id));
    parameter->setValueNotifyingHost (parameter->convertTo0to1 (value));
}

void setNeutralParameters (PartitaAudioProcessor& plugin)
{
    for (auto* parameter : plugin.getParameters())
        parameter->setValueNotifyingHost (parameter->getDefaultValue());
    setParameter (plugin, "autoGain", 0.0f);
}

std::filesystem::path writeIr (const TemporaryDirectory& directory, const std::string& name, const Channels& channels,
                               double sampleRate)
{
    AudioClip clip;
    clip.sampleRate = sampleRate;
    for (const auto& channel : channels)
        clip.channels.emplace_back (channel.begin(), channel.end());
    const auto path = directory / name;
    writeAudioFile (path, clip, OutputFormat { FileContainer::wav, SampleFormat::float32 }, OverwritePolicy::replace);
    return path;
}

void preparePlugin (PartitaAudioProcessor& plugin, double sampleRate, int maxBlock, int numInputs, int numOutputs)
{
    const auto set = [] (int channels)
    { return channels == 1 ? juce::AudioChannelSet::mono() : juce::AudioChannelSet::stereo(); };
    juce::AudioProcessor::BusesLayout layout;
    layout.inputBuses.add (set (numInputs));
    layout.outputBuses.add (set (numOutputs));
    if (!plugin.setBusesLayout (layout))
        throw std::invalid_argument ("bus layout refused");
    plugin.setRateAndBufferSizeDetails (sampleRate, maxBlock);
    plugin.prepareToPlay (sampleRate, maxBlock);
}

bool loadIrAndWait (PartitaAudioProcessor& plugin, const std::filesystem::path& file, std::chrono::milliseconds timeout,
                    IrSlot slot)
{
    const auto versionBefore = plugin.convolver().impulseResponseVersion();
    plugin.loadImpulseResponseFile (juce::File (juce::String (file.string())), slot);
    return waitUntilPlaying (plugin, file.filename().string(), versionBefore, timeout, slot);
}

bool waitUntilPlaying (PartitaAudioProcessor& plugin, const std::string& name, std::uint64_t versionBefore,
                       std::chrono::milliseconds timeout, IrSlot slot)
{
    if (!plugin.waitForPendingLoads (timeout))
        return false;

    const auto deadline = std::chrono::steady_clock::now() + timeout;
    const bool prepared = plugin.getSampleRate() > 0.0;
    juce::AudioBuffer<float> silence (std::max (2, plugin.getTotalNumOutputChannels()), 256);
    juce::MidiBuffer midi;

    while (std::chrono::steady_clock::now() < deadline)
    {
        plugin.refreshFromConvolver();
        if (plugin.status().severity == StatusMessage::Severity::error)
            return false;

        const auto info = plugin.convolver().impulseResponseInfo();
        // Slot B's IR plays under slot A's name when both are loaded.
        const bool arrived = info != nullptr
                             && (slot == IrSlot::b && !info->slotBName.empty() ? info->slotBName : info->name) == name
                             && plugin.convolver().impulseResponseVersion() != versionBefore;
        if (!prepared)
            return plugin.convolver().lastError().empty();
        if (arrived)
        {
            // Let the audio side pick it up and finish the crossfade.
            const auto blocks = static_cast<int> (std::ceil (0.2 * plugin.getSampleRate() / 256.0));
            for (int i = 0; i < blocks; ++i)
            {
                silence.clear();
                plugin.processBlock (silence, midi);
            }
            plugin.refreshFromConvolver();
            return true;
        }
        std::this_thread::sleep_for (std::chrono::milliseconds (2));
    }
    return false;
}

RandomBlockSizes::RandomBlockSizes (std::uint32_t seed, std::size_t maximum)
    : state (seed == 0 ? 1u : seed)
    , maxBlock (maximum)
{
}

std::size_t RandomBlockSizes::next()
{
    // xorshift32: the same sequence on every standard library.
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    switch (state % 16)
    {
        case 0:
            return 1;
        case 1:
            return maxBlock;
        case 2:
            return std::min<std::size_t> (maxBlock, 1 + state % 7);
        default:
            return 1 + (state >> 4) % maxBlock;
    }
}

Channels renderThroughPlugin (PartitaAudioProcessor& plugin, const Channels& inputs, std::size_t numOutputs,
                              std::size_t length, std::uint32_t seed, std::size_t maxBlock,
                              const std::function<void (std::size_t)>& beforeBlock,
                              const std::vector<std::size_t>& cuts)
{
    const auto numChannels = std::max (inputs.size(), numOutputs);
    Channels storage (numChannels, std::vector<float> (maxBlock, 0.0f));
    std::vector<float*> pointers;
    for (auto& channel : storage)
        pointers.push_back (channel.data());

    Channels outputs (numOutputs, std::vector<float> (length, 0.0f));
    RandomBlockSizes sizes (seed, maxBlock);
    juce::MidiBuffer midi;

    for (std::size_t position = 0; position < length;)
    {
        auto blockSize = std::min (sizes.next(), length - position);
        for (const auto cut : cuts)
            if (cut > position && cut < position + blockSize)
                blockSize = cut - position;

        for (std::size_t c = 0; c < numChannels; ++c)
        {
            std::fill (storage[c].begin(), storage[c].end(), 0.0f);
            if (c < inputs.size())
                for (std::size_t n = 0; n < blockSize; ++n)
                    storage[c][n] = position + n < inputs[c].size() ? inputs[c][position + n] : 0.0f;
        }

        if (beforeBlock)
            beforeBlock (position);

        juce::AudioBuffer<float> block (pointers.data(), static_cast<int> (numChannels), static_cast<int> (blockSize));
        plugin.processBlock (block, midi);

        for (std::size_t c = 0; c < numOutputs; ++c)
            std::copy_n (storage[c].begin(), blockSize, outputs[c].begin() + static_cast<std::ptrdiff_t> (position));
        position += blockSize;
    }
    return outputs;
}

double largestStep (const Channels& signal, std::size_t begin)
{
    double step = 0.0;
    for (const auto& channel : signal)
        for (std::size_t n = std::max<std::size_t> (begin, 1); n < channel.size(); ++n)
            step = std::max (step, static_cast<double> (std::abs (channel[n] - channel[n - 1])));
    return step;
}

double largestDifference (const Channels& a, const Channels& b)
{
    if (a.size() != b.size())
        return INFINITY;
    double difference = 0.0;
    for (std::size_t c = 0; c < a.size(); ++c)
    {
        if (a[c].size() != b[c].size())
            return INFINITY;
        for (std::size_t n = 0; n < a[c].size(); ++n)
            difference = std::max (difference, static_cast<double> (std::abs (a[c][n] - b[c][n])));
    }
    return difference;
}

std::vector<float> fadedSine (std::size_t length, double frequency, double sampleRate, double amplitude, double phase,
                              std::size_t fade)
{
    std::vector<float> signal (length);
    for (std::size_t n = 0; n < length; ++n)
    {
        const auto t = static_cast<double> (n) / sampleRate;
        const auto ramp =
            n < fade ? 0.5 - 0.5 * std::cos (std::numbers::pi * static_cast<double> (n) / static_cast<double> (fade))
                     : 1.0;
        signal[n] = static_cast<float> (ramp * amplitude * std::sin (2.0 * std::numbers::pi * frequency * t + phase));
    }
    return signal;
}

} // namespace partita::test
