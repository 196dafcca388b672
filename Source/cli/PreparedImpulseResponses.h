// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"
#include "io/AudioFileReader.h"
#include "ir/IrLayout.h"
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
    before anything is decoded), the samples once, laid out once (a B-format
    IR decoded to a microphone pair, as the plugin does: applyIrLayout), then
    prepared (resampled, normalised) once per input rate.

    Threading: open and prepare on one thread; at() may then be called from
    several at once. */
class PreparedImpulseResponses
{
public:
    /** Opens the IR, checks its header against the IR limits and works out
        its layout (the settings', else what the file says). Throws
        AudioFileError with one line, also for an IR without samples or a
        B-format layout on an IR that does not have 4 channels. */
    PreparedImpulseResponses (const std::filesystem::path& file, IrNormalisation normalisation,
                              const IrLayoutSettings& layoutSettings = {});

    [[nodiscard]] const AudioFileInfo& info() const noexcept { return header; }
    /** The layout in use and why. */
    [[nodiscard]] const ResolvedIrLayout& layout() const noexcept { return resolvedLayout; }
    /** The channels the routing sees: 2 for a decoded B-format IR, else the file's. */
    [[nodiscard]] std::size_t routedChannels() const noexcept;
    /** How the routing treats them. */
    [[nodiscard]] IrChannelMeaning channelMeaning() const noexcept { return channelMeaningOf (resolvedLayout.layout); }
    /** One line for stderr when the layout of a 4-channel IR was assumed;
        empty otherwise. */
    [[nodiscard]] std::string assumedLayoutNote() const;

    /** Decodes the IR and prepares it for each rate. Throws AudioFileError. */
    void prepare (std::span<const double> rates);

    /** The IR prepared for `rate`. A rate that prepare() was not given (an
        input that changed since its header was read) is prepared now from
        the samples already read. */
    [[nodiscard]] std::shared_ptr<const AudioClip> at (double rate) const;

private:
    std::filesystem::path file;
    IrNormalisation normalisation;
    IrLayoutSettings layoutSettings;
    std::optional<AudioFileReader> reader;
    AudioFileInfo header;
    ResolvedIrLayout resolvedLayout;
    AudioClip samples;
    std::map<double, std::shared_ptr<const AudioClip>> prepared;
};

} // namespace partita
