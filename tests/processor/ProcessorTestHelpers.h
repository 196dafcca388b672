// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"
#include "processor/ConvolverProcessor.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace partita::test
{

using Channels = std::vector<std::vector<float>>;

/** Parameters that leave the wet path untouched: 100 % wet, 0 dB, no filters,
    no pre-delay, width 100 %, no shaping and no auto-gain. */
ProcessorParameters neutralParameters();

/** A clip from float channels at a rate. */
AudioClip makeClip (const Channels& channels, double sampleRate);

/** Streams inputs (numInputs channels) through the processor in host-style
    in-place buffers with block sizes drawn by RandomBlockSizes (1 to maxBlock,
    changing every call). beforeBlock, when given, is called with the position
    of each block before it is processed. Returns numOutputs channels of
    `length` samples (inputs are zero-padded). */
Channels renderThroughProcessor (ConvolverProcessor& processor, const Channels& inputs, std::size_t numOutputs,
                                 std::size_t length, std::uint32_t blockSeed, std::size_t maxBlock = 4096,
                                 const std::function<void (std::size_t)>& beforeBlock = {});

/** As renderThroughProcessor, but blocks never straddle the given positions,
    and beforeSegment is called at each of them (and at 0): to change
    parameters at exact sample positions whatever the block sizes. */
Channels renderInSegments (ConvolverProcessor& processor, const Channels& inputs, std::size_t numOutputs,
                           std::size_t length, std::uint32_t blockSeed, const std::vector<std::size_t>& positions,
                           const std::function<void (std::size_t)>& beforeSegment, std::size_t maxBlock = 4096);

/** A sine of the given frequency, amplitude and phase (radians). */
std::vector<float> sine (std::size_t length, double frequency, double sampleRate, double amplitude, double phase = 0.0);

/** A 100 Hz sine pair in quadrature at amplitude 0.5 (so width has a side
    signal to work on), faded in over 50 ms so that its start makes no step
    of its own: the held signal of the tests that measure steps. */
Channels smoothStereoSines (std::size_t length, double sampleRate);

/** Largest |x[n] - x[n-1]| over [begin, end). */
double largestStep (const std::vector<float>& signal, std::size_t begin = 1, std::size_t end = SIZE_MAX);

/** RMS over [begin, end). */
double rms (const std::vector<float>& signal, std::size_t begin, std::size_t end);

} // namespace partita::test
