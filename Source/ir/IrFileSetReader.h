// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "IrFileSet.h"
#include "IrLayout.h"
#include "io/AudioClip.h"
#include "io/AudioFileReader.h"

#include <filesystem>
#include <string>
#include <vector>

namespace partita
{

/** Whether a file named as part of a set loads its set or itself only (the
    command line's --ir-single-file). */
enum class IrFileSetUse
{
    wholeSet,
    namedFileOnly,
};

/** The set `file` belongs to, found among the regular files of its folder
    (groupIrFiles; the headers of the candidates are read, so that stereo
    halves or variants of different channel counts do not combine, and a file
    that cannot be read stays out of any set). `file` alone when it is in no
    set, or for namedFileOnly. Throws nothing for an unreadable folder (the
    file alone); the file itself is read later.

    Threading: any non-audio thread (lists a folder, reads headers). */
[[nodiscard]] IrFileSet findIrFileSet (const std::filesystem::path& file, const AudioReadLimits& limits,
                                       IrFileSetUse use = IrFileSetUse::wholeSet);

/** An IR read from its set. */
struct IrFileSetClip
{
    /** One clip: a single file's channels, a pair's L R, a quad's LL LR RL RR. */
    AudioClip clip;
    /** What the IR is called (the display name, the name in a saved state):
        a single file's name with its extension; a set's name and what was
        combined: "hall [L+R]", "hall [LL+LR+RL+RR]", "hall [48 kHz]",
        "hall [L+R, 48 kHz]". */
    std::string name;
    IrFileSet set;
    /** The files read, in channel order. */
    IrFileSetVariant variant;
    /** What the files say about the layout: a quad is true stereo from its
        set (IrLayoutReason::fileSet); a single file what detectIrLayout finds. */
    IrLayoutHint layoutHint;

    /** One line on what was combined, for the message bar and the command
        line: "left/right pair: hall_L.wav + hall_R.wav", "hall_48k.wav, the
        48000 Hz one of 3 rates (44100, 48000, 96000 Hz)"; empty for a file
        in no set. */
    [[nodiscard]] std::string describe() const;
};

/** Reads the variant of `set` chosen for `sessionRate`
    (chooseIrFileSetVariant; a rate of 0 or less, not yet known: the highest
    rate, which loses nothing when resampled later) and combines its files
    (combineMonoClips). Throws AudioFileError naming the file for an
    unreadable file or a half or path that is not mono.

    Threading: any non-audio thread. */
[[nodiscard]] IrFileSetClip readIrFileSet (const IrFileSet& set, double sessionRate, const AudioReadLimits& limits);

/** The halves of a pair or the paths of a quad as one clip, channel i from
    parts[i] (each mono): parts at different rates are resampled to the
    highest of them (nothing of a higher-rate part is lost; the chain then
    resamples the IR to the session rate) and scaled by the ratio of the
    rates, as prepareImpulseResponse does (the same frequency response at the
    new rate), and parts shorter than the longest
    are padded with zeros at their end, so that every path keeps its timing
    from sample 0. Throws std::invalid_argument for no parts or a part that
    is not mono.

    Threading: a pure function. */
[[nodiscard]] AudioClip combineMonoClips (std::vector<AudioClip> parts);

} // namespace partita
