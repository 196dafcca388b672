// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace partita
{

/** The name that stands for standard input or output on the command line. */
inline constexpr std::string_view standardStreamName = "-";

/** Whether a path given on the command line is "-". */
bool namesStandardStream (const std::filesystem::path& path);

/** Copies everything readable from `descriptor` (standard input: 0) into a
    new file at `destination`, to its end. Throws std::runtime_error with a
    one-line message when reading or writing fails. */
void copyDescriptorToFile (int descriptor, const std::filesystem::path& destination);

/** Copies the whole file at `source` to `descriptor` (standard output: 1).
    Throws std::runtime_error with a one-line message when a read or a write
    fails (a reader that went away: EPIPE, when SIGPIPE is ignored). */
void copyFileToDescriptor (const std::filesystem::path& source, int descriptor);

/** `text` with the path of a temporary file that holds a standard stream,
    quoted or not, replaced by `words` ("standard input"): the messages then
    name what the user named. */
std::string namingStandardStream (std::string text, const std::filesystem::path& file, std::string_view words);

/** Whether `descriptor` is a terminal: audio is never sent to one. */
bool isTerminal (int descriptor) noexcept;

} // namespace partita
