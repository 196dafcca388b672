// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "IrFileSet.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace partita
{

/** A file's channel count when the caller knows it (the browser's scan of a
    folder reads every header); nothing when it does not. */
using IrChannelCountLookup = std::function<std::optional<std::size_t> (const std::filesystem::path&)>;

/** Turns a list of files (a folder's, or several folders') into the entries
    a user chooses from: single files and sets that are one IR. Only the names
    are read (IrFileNameTags.h for the tags); files combine when they are in
    the same folder, have the same extension (ignoring case) and the same name
    before their tags (ignoring case):
    - `X_L` and `X_R` (or left/right, any separator and case): a left/right
      pair, when both are there once;
    - `X_LL`, `X_LR`, `X_RL`, `X_RR`, all four once: a true-stereo quad;
    - `X_44k`, `X_48k`, ...: one entry with one variant per rate; pairs and
      quads with rate tags (`X_L_48k`, `X_48k_L`) likewise, when every rate
      has the same layout.
    Files stay single when: the tag has no separator before it (`wall`,
    `walr`); a half or path is alone or its partners are incomplete (`X_L`
    without `X_R`, three of a quad, `X_LR` alone); a tag is doubled (`X_L`
    and `X-L`); the extensions differ (`X_L.wav`, `X_R.aif`: a set is one
    export, a copy in another format is not its other half); `channelCounts`
    says a half or path is not mono (a pair of stereo files is two IRs), or
    that rate variants have different channel counts; a rate tag stands alone
    (one file `X_48k`: its own name). A name without rate tags never joins
    variants with rate tags.

    The result is sorted by name (ignoring case), then path; every file is in
    exactly one entry.

    Threading: a pure function (calls `channelCounts` on the calling thread). */
[[nodiscard]] std::vector<IrFileSet> groupIrFiles (std::span<const std::filesystem::path> files,
                                                   const IrChannelCountLookup& channelCounts = {});

/** The entry that holds `file` when `folderFiles` (the files next to it; it
    need not be among them) are grouped: its set, or `file` alone. */
[[nodiscard]] IrFileSet findIrFileSetAmong (const std::filesystem::path& file,
                                            std::span<const std::filesystem::path> folderFiles,
                                            const IrChannelCountLookup& channelCounts = {});

} // namespace partita
