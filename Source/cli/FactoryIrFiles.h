// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "JsonWriter.h"
#include "RenderOptions.h"
#include "ScratchFolder.h"
#include "factory/GeneratedIr.h"

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <string>

namespace partita
{

/** `factory:ID` where the command line takes an IR file: the generated
    factory IR with that id (Source/factory), made on demand and kept as a
    64-bit float WAV in a scratch folder (exact: the samples are doubles)
    for as long as the object lives, so that everything that reads IR files
    reads it unchanged. `factory:` alone names the list.

    Threading: one thread. */
class FactoryIrFiles
{
public:
    static constexpr std::string_view prefix = "factory:";

    /** Whether the path is spelt `factory:...`. */
    [[nodiscard]] static bool names (const std::filesystem::path& path);
    /** The generated IR `factory:ID` names; throws UsageError (one line,
        pointing to `partita info factory:`) for an unknown id. */
    [[nodiscard]] static const GeneratedIr& find (const std::filesystem::path& path);

    /** Generates the IR once and returns its file. */
    [[nodiscard]] std::filesystem::path fileFor (const std::filesystem::path& path);

    /** The list as text (one line per IR: id, category, channels, length,
        reverberation time and name) for `partita info factory:`. */
    static void writeList (std::ostream& out);
    /** The same as one JSON object: { "factory_irs": [ { "id", "name",
        "category", "tags", "channels", "frames", "sample_rate_hz",
        "duration_s", "reverb_time_s" }, ... ] }. */
    static void writeList (JsonWriter& json);

private:
    std::unique_ptr<ScratchFolder> scratch;
    std::map<std::string, std::filesystem::path> made;
};

/** Runs a render whose --ir or --ir-b may name a factory IR: those are made
    into files first, and the messages name them as the user did. */
int renderWithFactoryIrs (const RenderOptions& options, std::ostream& out, std::ostream& err,
                          const std::function<int (const RenderOptions&, std::ostream&, std::ostream&)>& render);

} // namespace partita
