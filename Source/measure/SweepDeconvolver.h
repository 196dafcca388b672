// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SweepBand.h"
#include "SweepFile.h"
#include "io/AudioClip.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace partita
{

/** What happens to the delay before the first arrival (the interface's
    latency plus the sound's travel time). */
enum class LatencyHandling
{
    /** The IR starts where the recording starts. */
    keep,
    /** Every channel is advanced by the same amount, so that the earliest
        arrival among them sits 1 ms (a raised-cosine fade-in) after the
        IR's start; the channels' relative delays stay as measured. */
    remove,
};

/** How the sweep was inverted. */
enum class InverseMethod
{
    /** A Partita sweep (its spec in the metadata): Novak's analytic inverse. */
    analytic,
    /** Any other sweep: regularised spectral division by its spectrum. */
    regularised,
};

struct DeconvolutionSettings
{
    /** How many harmonic IRs to return besides the linear one: the 2nd to
        the (harmonics + 1)-th. */
    std::size_t harmonics = 0;
    /** A fixed IR length in seconds, from the IR's start; nullopt: the end is
        found from the noise floor (Lundeby) and faded. */
    std::optional<double> lengthSeconds;
    LatencyHandling latency = LatencyHandling::remove;
    /** A channel (0-based, counted across the recordings' channels in order)
        that holds a loopback of the sweep: every other channel is
        deconvolved by its response, which removes the interface's latency
        and frequency response, and it is left out of the result. */
    std::optional<std::size_t> referenceChannel;
};

/** One channel's impulse responses and figures. */
struct ChannelDeconvolution
{
    /** Which recording (index into the recordings given) and which of its channels. */
    std::size_t recording = 0;
    std::size_t channel = 0;
    /** The linear IR, harmonic products windowed out, faded at its end. */
    std::vector<double> impulseResponse;
    /** harmonicImpulseResponses[k] is the (k + 2)-th harmonic's IR, its time
        zero aligned with the linear IR's (shifted by L ln(k + 2), to the
        sample and the fraction), as long as its window allows. */
    std::vector<std::vector<double>> harmonicImpulseResponses;
    /** The first arrival (where the IR first rises to 20 dB below its peak,
        ISO 3382-1) in the recording, from the sweep's start in the file: the
        system's latency plus the travel time, or, with a reference channel,
        the travel time relative to the loopback. */
    double latencySeconds = 0.0;
    std::size_t latencyFrames = 0;
    /** The peak sample's energy over the noise's mean energy per sample
        (the background Lundeby's method finds after the decay), after
        averaging the repeats. */
    double peakToNoiseDb = 0.0;
    /** The IR's useful length: up to where its decay meets the noise (or the
        length asked), including the fade. */
    double lengthSeconds = 0.0;
    std::size_t lengthFrames = 0;
};

struct DeconvolutionResult
{
    double sampleRate = 0.0;
    InverseMethod method = InverseMethod::analytic;
    /** Repeats found in the recordings and averaged. */
    std::size_t repeatsAveraged = 1;
    /** Frames by which the IRs were advanced (LatencyHandling::remove), 0 otherwise. */
    std::size_t framesRemoved = 0;
    /** Every channel of every recording, in order (the reference channel left out). */
    std::vector<ChannelDeconvolution> channels;

    /** The linear IRs as one clip, channel per channel, zero-padded to the longest. */
    [[nodiscard]] AudioClip impulseResponse() const;
    /** The n-th harmonic's IRs as one clip (2 <= n <= harmonics + 1). */
    [[nodiscard]] AudioClip harmonicImpulseResponse (std::size_t harmonic) const;
};

/** Turns recordings of a sweep into impulse responses.

    A Partita sweep is inverted analytically (SynchronizedSweep::inverseSpectrum);
    any other sweep by regularised spectral division (Kirkeby): the sweep's
    band is found from its smoothed spectrum and the regularisation is
    negligible inside it and dominant outside, so that noise outside the band
    is not amplified.

    Each channel of the recording is transformed whole, multiplied by the
    inverse and transformed back; the linear IR of each repeat appears one
    period after the previous one, the harmonic IRs L ln(n) before each. The
    repeats are averaged after deconvolution, synchronously (exactly one
    period apart: playback and capture share a clock): a segment cut from the
    recording before deconvolution would truncate the previous sweep's decay
    and the inverse filter would smear that cut over the whole IR, whereas
    after deconvolution each repeat's decay sits where it belongs.

    Threading: immutable after construction; deconvolve() may run on several
    threads at once. */
class SweepDeconvolver
{
public:
    /** A Partita sweep, inverted analytically. */
    SweepDeconvolver (const SweepSpec& spec, DeconvolutionSettings settings = {});
    /** A sweep file: analytic when it carries Partita's metadata, else its
        first channel's samples inverted by regularised division. Throws
        MeasurementError for a silent or too short sweep. */
    explicit SweepDeconvolver (const SweepFile& sweep, DeconvolutionSettings settings = {});
    ~SweepDeconvolver();
    SweepDeconvolver (SweepDeconvolver&&) noexcept;
    SweepDeconvolver& operator= (SweepDeconvolver&&) noexcept;
    SweepDeconvolver (const SweepDeconvolver&) = delete;
    SweepDeconvolver& operator= (const SweepDeconvolver&) = delete;

    [[nodiscard]] InverseMethod method() const noexcept;
    [[nodiscard]] double sampleRate() const noexcept;
    /** The band the inverse passes flat: the sweep's range, or the one found
        in a foreign sweep's spectrum. */
    [[nodiscard]] SweepBand band() const noexcept;

    /** Deconvolves every channel of every recording (they need not be of
        equal length). Throws MeasurementError with a one-line message naming
        the recording (recordingNames[i], or "recording i + 1" when not given)
        for a rate other than the sweep's, a recording shorter than the
        sweep, a silent or clipped one, or one in which no response to this
        sweep stands above the noise. */
    [[nodiscard]] DeconvolutionResult deconvolve (std::span<const AudioClip> recordings,
                                                  std::span<const std::string> recordingNames = {}) const;

private:
    class Inverse;
    std::unique_ptr<Inverse> inverse;
    DeconvolutionSettings settings;
};

} // namespace partita
