// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ScannedIrFile.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace partita
{

/** The parts of the browser's list, in the order shown. */
enum class BrowserSection
{
    favourites,
    factory,
    folder,
    recent,
};

/** One IR the browser can show and load: a factory IR or a file (found in
    one of the user's folders, or a recent file).

    Threading: a value. */
struct BrowserEntry
{
    enum class Source
    {
        factory,
        file,
    };

    Source source = Source::file;
    /** Names the IR across the list's sections and across sessions (the
        favourites are kept by it): "factory:<id>" (FactoryImpulseResponse::id) or
        "file:<absolute path>". */
    std::string key;
    std::string name;
    /** The file (Source::file). */
    std::filesystem::path path;
    /** The user's folder it was found under; empty for a recent file. */
    std::filesystem::path root;
    /** Its subfolder under root, '/'-separated ("Halls/Large"); empty at
        the top of the folder. */
    std::string location;
    /** Its index in the factory list (Source::factory). */
    std::size_t factoryIndex = 0;
    std::string category;
    std::vector<std::string> tags;
    bool readable = true;
    /** Why it cannot be loaded, when !readable. */
    std::string reason;
    /** For files that are one IR together (IrFileSet: a left/right pair, a
        true-stereo quad, rate variants): what combines, e.g. "L+R",
        "LL+LR+RL+RR", "44.1/48/96 kHz"; empty for a single file. path is
        then one of the set's files, which the loader finds the set from. */
    std::string setDescription;
    /** Every file of the set (empty for a single file). */
    std::vector<std::filesystem::path> setFiles;
    /** False while the facts are unknown (not scanned yet). */
    bool hasFacts = false;
    IrFacts facts;

    [[nodiscard]] static std::string fileKey (const std::filesystem::path& file)
    {
        return "file:" + file.lexically_normal().generic_string();
    }
    [[nodiscard]] static std::string factoryKey (const std::string& id) { return "factory:" + id; }

    /** A scanned file as an entry of its folder. */
    [[nodiscard]] static BrowserEntry fromScanned (const ScannedIrFile& scanned);
};

} // namespace partita
