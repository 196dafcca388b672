// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace partita::test
{

/** A folder tree of many small IR files, written with hand-made WAV headers
    (CraftedAudioFiles), and what each file is: the reference the scan's
    results are checked against. Every 97th file is broken, in turn: its
    header declares more data than it holds, it is not a WAV at all, or it
    declares zero channels. Each subfolder also holds a text file, which is
    not an IR.

    Layout: bank<k>/set<j>/ir <i>.wav, 50 files to a set, 5 sets to a bank. */
class GeneratedIrTree
{
public:
    struct File
    {
        bool readable = true;
        std::size_t channels = 0;
        std::uint32_t sampleRate = 0;
        std::uint64_t frames = 0;
    };

    GeneratedIrTree (const std::filesystem::path& root, std::size_t fileCount);

    [[nodiscard]] const std::filesystem::path& root() const noexcept { return top; }
    /** Every IR file written (the text files are not), by path. */
    [[nodiscard]] const std::map<std::filesystem::path, File>& files() const noexcept { return written; }
    [[nodiscard]] std::size_t readableCount() const;
    [[nodiscard]] std::size_t unreadableCount() const { return written.size() - readableCount(); }

private:
    std::filesystem::path top;
    std::map<std::filesystem::path, File> written;
};

} // namespace partita::test
