// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "KernelMatrix.h"
#include "LatencyMode.h"
#include "Nonblocking.h"
#include "PartitionPlan.h"

#include <cstddef>
#include <memory>
#include <span>

namespace partita
{

struct EngineConfig
{
    /** The first (smallest) FFT partition in samples, a power of two from 8
        to largestPartitionSize: in onePartition mode also the latency; with
        the uniform scheme every partition's size. With zero latency and the
        non-uniform scheme the planner picks the first partition itself (16
        to 512, whatever the cost model finds cheapest) and uses this only as
        the block of an engine whose kernels fit in its direct head. Host
        blocks of any size work with any partition. */
    std::size_t firstPartitionSize = 64;
    LatencyMode latencyMode = LatencyMode::zero;
    PartitionScheme scheme = PartitionScheme::nonUniform;
    /** The largest partition the planner may use. A deferred level's job for
        one block is spread over the following block period; larger partitions
        save work in total but make the single transforms it cannot split
        longer. */
    std::size_t maxPartitionSize = largestPartitionSize;
    /** The host's usual (largest) block in samples, or 0 when unknown. The
        planner uses it (and HostBlocks::steady relies on it); any call
        pattern still works. When known, no partition is larger than
        PlanningProblem::maxBlocksPerPartition blocks, so that one transform
        of the largest (which cannot be spread over callbacks) stays a small
        part of a block period. */
    std::size_t expectedBlockSize = 0;
    /** The host's sample rate in Hz, or 0 when unknown. With expectedBlockSize
        it gives the block period, against which the planner may compute the
        second level of partitions at once instead of spreading it (see
        planPartitions()). */
    double sampleRate = 0.0;
    /** Zero latency only; see HostBlocks. */
    HostBlocks hostBlocks = HostBlocks::anySize;
};

/** Streaming multichannel convolution: partitioned overlap-add on FFTW
    single precision, non-uniform by default (small partitions first, larger
    later, sizes picked by a cost model measured on this machine), with zero
    added latency by default. The large partitions' work is spread over the
    following block period on the calling thread, with no background thread,
    so real time and offline render the same samples. Any block length,
    changing from call to call, gives the exact convolution to float
    rounding; bit for bit for any call pattern with HostBlocks::anySize.
    How it fits together: docs/engine.md.

    Lifecycle: prepare() allocates and plans; process() and reset() never
    allocate, never lock and never throw. Before prepare() (or after a failed
    prepare) process() writes silence.

    Threading: prepare() on any non-real-time thread while no process() call
    runs; process() and reset() on one audio thread. To change kernels without
    stopping audio, prepare a second engine off the audio thread and swap. */
class ConvolutionEngine
{
public:
    ConvolutionEngine();
    ~ConvolutionEngine();
    ConvolutionEngine (ConvolutionEngine&&) noexcept;
    ConvolutionEngine& operator= (ConvolutionEngine&&) noexcept;
    ConvolutionEngine (const ConvolutionEngine&) = delete;
    ConvolutionEngine& operator= (const ConvolutionEngine&) = delete;

    /** Throws std::invalid_argument for a bad config or an empty matrix (no
        inputs or outputs); the engine is then unprepared. */
    void prepare (const KernelMatrix& kernels, const EngineConfig& config);

    /** Clears all signal history; the next output is as if freshly prepared. */
    void reset() noexcept PARTITA_NONBLOCKING;

    /** Convolves numSamples of each input into each output. inputs.size() must
        be numInputs() and outputs.size() numOutputs(); otherwise, or when
        unprepared, the outputs are cleared. Input and output buffers may alias
        (in-place processing): each block of input is read before output is
        written. */
    void process (std::span<const float* const> inputs, std::span<float* const> outputs,
                  std::size_t numSamples) noexcept PARTITA_NONBLOCKING;

    [[nodiscard]] bool isPrepared() const noexcept;
    [[nodiscard]] std::size_t numInputs() const noexcept;
    [[nodiscard]] std::size_t numOutputs() const noexcept;
    /** Samples by which the output lags the input's exact convolution. */
    [[nodiscard]] std::size_t latencySamples() const noexcept;
    /** Samples after the last non-zero input until the output is silent again:
        longest kernel - 1 + latency. */
    [[nodiscard]] std::size_t tailSamples() const noexcept;
    [[nodiscard]] const EngineConfig& config() const noexcept;
    /** Host calls that start and end on multiples of this many samples
        (counted from prepare() or reset()) take the engine's cheapest path;
        1 when every cut is as cheap (HostBlocks::anySize). */
    [[nodiscard]] std::size_t blockAlignment() const noexcept;
    /** Partitions whose samples a steady engine had to sum directly because
        no single call brought them whole, since prepare() or reset(). */
    [[nodiscard]] std::size_t directFallbackBlocks() const noexcept;
    /** The partitioning chosen by prepare(); null when unprepared. */
    [[nodiscard]] const PartitionPlan* plan() const noexcept;

private:
    class Implementation;
    std::unique_ptr<Implementation> implementation;
};

} // namespace partita
