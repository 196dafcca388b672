// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TemporaryDirectory.h"
#include "io/AudioClip.h"
#include "plugin/PluginProcessor.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace partita::test
{

using Channels = std::vector<std::vector<float>>;

/** A plugin instance whose recent-files list lives in the directory (never
    in the user's settings). */
/** A plugin whose settings live in `directory`; with no IR unless asked for
    the factory default a new instance plays in a host. */
std::unique_ptr<PartitaAudioProcessor> makePlugin (
    const TemporaryDirectory& directory,
    PartitaAudioProcessor::InitialImpulseResponse initial = PartitaAudioProcessor::InitialImpulseResponse::none);

/** Sets a host parameter to a value in its own unit, as automation would. */
void setParameter (PartitaAudioProcessor& plugin, std::string_view id, float value);

/** Auto-gain off, everything else at its default: the wet path is the plain
    convolution. */
void setNeutralParameters (PartitaAudioProcessor& plugin);

/** Writes channels as a 32-bit float WAV (exact for float data). */
std::filesystem::path writeIr (const TemporaryDirectory& directory, const std::string& name, const Channels& channels,
                               double sampleRate);

/** Loads the file and waits until the plugin plays it (or has given up on
    it): the loader is idle and the convolver's IR is the file's or its error
    is set. Processes silent blocks meanwhile when prepared, so a crossfade
    completes. Returns whether the IR is playing. */
bool loadIrAndWait (PartitaAudioProcessor& plugin, const std::filesystem::path& file,
                    std::chrono::milliseconds timeout = std::chrono::seconds (20), IrSlot slot = IrSlot::a);

/** Waits until the plugin plays the IR of this display name that a load
    started after `versionBefore` (impulseResponseVersion()) asked for, as
    loadIrAndWait does after asking; false on an error or a timeout. */
bool waitUntilPlaying (PartitaAudioProcessor& plugin, const std::string& name, std::uint64_t versionBefore,
                       std::chrono::milliseconds timeout = std::chrono::seconds (20), IrSlot slot = IrSlot::a);

/** Prepares with the bus layout numInputs -> numOutputs. */
void preparePlugin (PartitaAudioProcessor& plugin, double sampleRate, int maxBlock, int numInputs, int numOutputs);

/** Draws host block sizes from 1 to maxBlock, changing every call, with
    the extremes (1, maxBlock) and odd sizes among them. */
class RandomBlockSizes
{
public:
    RandomBlockSizes (std::uint32_t seed, std::size_t maxBlock);
    std::size_t next();

private:
    std::uint32_t state;
    std::size_t maxBlock;
};

/** Streams the inputs through processBlock in place, in blocks of random
    size (RandomBlockSizes), as a host does. beforeBlock, when given, runs
    before each block with the block's start position. Blocks never straddle
    a position in `cuts`. Returns numOutputs channels of `length` samples. */
Channels renderThroughPlugin (PartitaAudioProcessor& plugin, const Channels& inputs, std::size_t numOutputs,
                              std::size_t length, std::uint32_t seed, std::size_t maxBlock = 4096,
                              const std::function<void (std::size_t)>& beforeBlock = {},
                              const std::vector<std::size_t>& cuts = {});

/** Largest |x[n] - x[n-1]| of any channel. */
double largestStep (const Channels& signal, std::size_t begin = 1);

/** Largest absolute difference between two signals of equal shape. */
double largestDifference (const Channels& a, const Channels& b);

/** A sine, faded in over `fade` samples so its start makes no step. */
std::vector<float> fadedSine (std::size_t length, double frequency, double sampleRate, double amplitude,
                              double phase = 0.0, std::size_t fade = 2400);

} // namespace partita::test
