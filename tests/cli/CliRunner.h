// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

#include <filesystem>
#include <string>
#include <vector>

namespace partita::test
{

/** What a run of the built `partita` binary produced. */
struct CliResult
{
    int exitStatus = -1;
    std::string out;
    std::string err;
};

/** Runs the partita executable (PARTITA_CLI_PATH: the environment variable of
    that name when set, else the built one) with these arguments, each
    passed verbatim (quoted for the shell), stdin from /dev/null, stdout and
    stderr captured through files in a temporary folder of its own (so that
    folders under test see only what partita wrote). */
CliResult runPartita (const std::vector<std::string>& arguments);

/** As runPartita, with stdin read from the file `standardInput` through a
    pipe (`cat file | partita ...`), so that partita cannot seek it. */
CliResult runPartitaWithPipedInput (const std::filesystem::path& standardInput,
                                    const std::vector<std::string>& arguments);

/** A clip from float channels (the values a float32 WAV holds exactly). */
AudioClip makeClip (const std::vector<std::vector<float>>& channels, double sampleRate);

/** Writes a clip as a 32-bit float WAV through the io library. */
void writeFloatWav (const std::filesystem::path& path, const AudioClip& clip);

std::string readBytes (const std::filesystem::path& path);
void writeBytes (const std::filesystem::path& path, const std::string& bytes);

/** Names of the entries of a folder, sorted. */
std::vector<std::string> folderEntries (const std::filesystem::path& folder);

} // namespace partita::test
