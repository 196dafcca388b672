// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/*  The two choices a host-facing layer makes about the engine, apart from
    ConvolutionEngine.h so that parameters and settings can name them
    without including the engine. */

namespace partita
{

/** Whether the engine may delay its output to save work. */
enum class LatencyMode
{
    /** No added latency: the first partition of every kernel runs as a direct
        FIR, the rest through FFT partitions that are due exactly when a block
        of input is complete. */
    zero,
    /** One partition of latency: every kernel partition runs through the FFT,
        which is cheaper for large partitions. latencySamples() == partitionSize. */
    onePartition,
};

/** What a zero-latency engine may assume about how the host cuts its calls. */
enum class HostBlocks
{
    /** Nothing: the first partition's taps run as a direct-form FIR, so every
        call pattern gives bit-identical output. */
    anySize,
    /** Mostly whole blocks of expectedBlockSize samples (a power of two from
        16 to 8192), as most hosts deliver them: the first FFT partition may
        then be the host block itself (or a power-of-two fraction of it),
        transformed together with the block's own samples inside the call, as
        zita-convolver does, which saves the direct head and one level of
        transforms. A call that does not bring a whole partition (a shorter
        or unaligned host block) falls back to a direct-form FIR for that
        partition's samples, so any call pattern still gives the exact
        convolution to float rounding, but bit-identical output only for
        identical call patterns. The planner uses this only where its cost
        model finds it cheaper. */
    steady,
};

} // namespace partita
