// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"
#include "io/AudioFileReader.h"
#include "ir/IrFileSetReader.h"
#include "ir/IrLayout.h"
#include "ir/IrNormalisation.h"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace partita
{

/** The IR of a plain --ir render, read from its file once: the header when
    it is opened (so that the inputs can be checked against its channels
    before anything is decoded), the samples once, laid out once (a B-format
    IR decoded to a microphone pair, as the plugin does: applyIrLayout), then
    prepared (resampled, normalised) once per input rate.

    A file named as part of a set (ir/IrFileGrouping.h: a left/right half, a
    true-stereo path, a rate variant) brings its set, as in the plugin,
    unless IrFileSetUse::namedFileOnly (--ir-single-file): the halves or
    paths are combined into one IR (readIrFileSet), and of rate variants
    each input rate takes its own (chooseIrFileSetVariant).

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
                              const IrLayoutSettings& layoutSettings = {},
                              IrFileSetUse setUse = IrFileSetUse::wholeSet);

    /** The file's header; a set's channels are the combined IR's. */
    [[nodiscard]] const AudioFileInfo& info() const noexcept { return header; }
    /** The set the file belongs to (the file alone when it is in none). */
    [[nodiscard]] const IrFileSet& fileSet() const noexcept { return set; }
    /** One line for stderr per set read by prepare() ("--ir 'hall_L.wav' is
        one half of a left/right pair: combined hall_L.wav + hall_R.wav"); empty
        for a file in no set. */
    [[nodiscard]] std::vector<std::string> setNotes() const;
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
    /** The laid-out samples of the set's variant for `rate` (read once per variant). */
    const AudioClip& samplesFor (double rate);

    std::filesystem::path file;
    IrNormalisation normalisation;
    IrLayoutSettings layoutSettings;
    IrFileSet set;
    std::optional<AudioFileReader> reader;
    AudioFileInfo header;
    ResolvedIrLayout resolvedLayout;
    AudioClip samples;
    /** A set's variants, read and laid out, by their first file. */
    std::map<std::filesystem::path, AudioClip> setSamples;
    std::vector<std::string> notes;
    std::map<double, std::shared_ptr<const AudioClip>> prepared;
};

} // namespace partita
