// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OutputFormat.h"
#include "SndfileHandle.h"

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace partita::detail
{

/** A sample in fixed point of `bits` bits, left-aligned in 32 bits as
    libsndfile's int writes take it. Full scale is 2^(bits-1), as libsndfile
    divides by when reading, so a written sample reads back within half a
    step; values at or beyond full scale become the extreme codes rather than
    wrapping round. Rounded to the nearest code, without dither: renders must
    be the same bytes each time. */
int toFixedPoint (double sample, int bits) noexcept;

/** A sample the output's format cannot store: NaN in fixed point, NaN or
    infinity in Vorbis (its encoder writes noise for them). */
struct UnstorableSample
{
    std::size_t channel = 0;
    /** Index into the channel's samples, as encode() was given them. */
    std::size_t frame = 0;
    double value = 0.0;
};

/** Turns planar double channels into the interleaved samples libsndfile
    writes for one sample format, a block of frames at a time so that its
    buffer stays small whatever the length written. 32-bit float, the
    default, stores every value, so it is converted with a cast (what
    libsndfile's double-to-float write does, one pass fewer) and not checked
    per sample.

    Threading: one thread at a time per object. */
class SampleEncoder
{
public:
    SampleEncoder (SampleFormat format, std::size_t numChannels);

    /** The most frames one encode() takes. */
    [[nodiscard]] std::size_t blockFrames() const noexcept { return maxFrames; }

    /** Encodes frames [start, start + frames) of the channels, frames at most
        blockFrames(). Returns the first sample (in file order) the format
        cannot store, the block then incomplete. */
    [[nodiscard]] std::optional<UnstorableSample> encode (std::span<const double* const> channels, std::size_t start,
                                                          std::size_t frames);

    /** Writes the first `frames` frames of the block encode() made; returns
        what libsndfile's sf_writef_* returned. */
    sf_count_t writeTo (SNDFILE* file, std::size_t frames) const noexcept;

private:
    void encodeSingle (std::span<const double* const> channels, std::size_t start, std::size_t frames) noexcept;
    [[nodiscard]] bool storable (double sample) const noexcept;

    SampleFormat format;
    std::size_t numChannels;
    std::size_t maxFrames;
    int bits;
    bool fixedPoint;
    bool single;
    std::vector<int> fixedBlock;
    std::vector<double> doubleBlock;
    std::vector<float> singleBlock;
};

} // namespace partita::detail
