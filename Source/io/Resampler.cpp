// SPDX-License-Identifier: GPL-3.0-or-later
#include "Resampler.h"

#include <soxr.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>

namespace partita
{
namespace
{
struct SoxrDeleter
{
    void operator() (soxr_t resampler) const noexcept { soxr_delete (resampler); }
};

using SoxrHandle = std::unique_ptr<std::remove_pointer_t<soxr_t>, SoxrDeleter>;

void checkRate (double rate, const char* which)
{
    if (!(std::isfinite (rate) && rate > 0.0))
        throw std::invalid_argument (std::string ("resample: ") + which + " sample rate must be positive, got "
                                     + std::to_string (rate));
}

[[noreturn]] void failSoxr (soxr_error_t error)
{
    throw std::runtime_error (std::string ("resample: libsoxr failed: ") + soxr_strerror (error));
}
} // namespace

std::vector<double> resample (std::span<const double> samples, double fromRate, double toRate)
{
    checkRate (fromRate, "the source");
    checkRate (toRate, "the target");

    const auto outputLength =
        static_cast<std::size_t> (std::llround (static_cast<double> (samples.size()) * toRate / fromRate));

    if (samples.empty() || outputLength == 0)
        return std::vector<double> (outputLength, 0.0);

    const auto ioSpec = soxr_io_spec (SOXR_FLOAT64_I, SOXR_FLOAT64_I);
    const auto qualitySpec = soxr_quality_spec (SOXR_HQ, 0);
    const auto runtimeSpec = soxr_runtime_spec (1);

    soxr_error_t error = nullptr;
    const SoxrHandle resampler { soxr_create (fromRate, toRate, 1, &error, &ioSpec, &qualitySpec, &runtimeSpec) };
    if (error != nullptr || resampler == nullptr)
        failSoxr (error);

    // soxr trims its own linear-phase filter delay, so output sample 0 is at
    // input time 0. The streaming interface, fed everything and then flushed
    // with a null input, gives the whole tail; the one-shot call does not
    // promise that, and uses a lower quality by default.
    std::vector<double> output (outputLength + 64, 0.0);
    std::size_t produced = 0;
    std::size_t consumed = 0;

    while (produced < outputLength)
    {
        const bool inputLeft = consumed < samples.size();
        std::size_t inputDone = 0;
        std::size_t outputDone = 0;

        error = soxr_process (resampler.get(), inputLeft ? samples.data() + consumed : nullptr,
                              inputLeft ? samples.size() - consumed : 0, &inputDone, output.data() + produced,
                              output.size() - produced, &outputDone);
        if (error != nullptr)
            failSoxr (error);

        consumed += inputDone;
        produced += outputDone;

        // Flushing and nothing came out: the resampler has given all it has.
        if (!inputLeft && outputDone == 0)
            break;
    }

    // Whatever soxr's rounding of the length, the caller gets exactly
    // round(n * toRate / fromRate) samples; any shortfall is the silent end
    // of the tail.
    output.resize (outputLength);
    return output;
}

AudioClip resample (const AudioClip& clip, double toRate)
{
    if (clip.sampleRate == toRate)
        return clip;

    AudioClip result;
    result.sampleRate = toRate;
    result.channels.reserve (clip.numChannels());
    for (const auto& channel : clip.channels)
        result.channels.push_back (resample (channel, clip.sampleRate, toRate));
    return result;
}

} // namespace partita
