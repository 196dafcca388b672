// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"
#include "io/AudioFileReader.h"
#include "ir/IrNormalisation.h"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>

namespace partita
{

/** The IR of a plain --ir render, read from its file once: the header when
    it is opened (so that the inputs can be checked against its channels
    before anything is decoded), the samples once, then prepared (resampled,
    normalised) once per input rate.

    Threading: open and prepare on one thread; at() may then be called from
    several at once. */
class PreparedImpulseResponses
{
public:
    /** Opens the IR and checks its header against the IR limits. Throws
        AudioFileError with one line, also for an IR without samples. */
    PreparedImpulseResponses (const std::filesystem::path& file, IrNormalisation normalisation);

    [[nodiscard]] const AudioFileInfo& info() const noexcept { return header; }

    /** Decodes the IR and prepares it for each rate. Throws AudioFileError. */
    void prepare (std::span<const double> rates);

    /** The IR prepared for `rate`. A rate that prepare() was not given (an
        input that changed since its header was read) is prepared now from
        the samples already read. */
    [[nodiscard]] std::shared_ptr<const AudioClip> at (double rate) const;

private:
    std::filesystem::path file;
    IrNormalisation normalisation;
    std::optional<AudioFileReader> reader;
    AudioFileInfo header;
    AudioClip samples;
    std::map<double, std::shared_ptr<const AudioClip>> prepared;
};

} // namespace partita
