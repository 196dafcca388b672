// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"

#include "TemporaryDirectory.h"
#include "io/AudioFileWriter.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sys/wait.h>
#include <system_error>

namespace partita::test
{

namespace
{
std::string shellQuoted (const std::string& text)
{
    std::string quotedText = "'";
    for (const auto character : text)
    {
        if (character == '\'')
            quotedText += "'\\''";
        else
            quotedText += character;
    }
    return quotedText + "'";
}
} // namespace

CliResult runPartita (const std::vector<std::string>& arguments)
{
    return runPartitaWithPipedInput ({}, arguments);
}

CliResult runPartitaWithPipedInput (const std::filesystem::path& standardInput,
                                    const std::vector<std::string>& arguments)
{
    const TemporaryDirectory scratch;
    const auto outPath = scratch / "partita-stdout.txt";
    const auto errPath = scratch / "partita-stderr.txt";

    // scripts/run-permission-tests.sh runs the suite as an unprivileged user
    // on a copy of the binaries, which the build folder may not let it reach.
    const char* const copied = std::getenv ("PARTITA_CLI_PATH");
    std::string command;
    if (!standardInput.empty())
        command = "cat " + shellQuoted (standardInput.string()) + " | ";
    command.append (shellQuoted (copied != nullptr && *copied != '\0' ? copied : PARTITA_CLI_PATH));
    for (const auto& argument : arguments)
    {
        command.push_back (' ');
        command.append (shellQuoted (argument));
    }
    command.append (" >");
    command.append (shellQuoted (outPath.string()));
    command.append (" 2>");
    command.append (shellQuoted (errPath.string()));
    if (standardInput.empty())
        command.append (" </dev/null");

    const int status = std::system (command.c_str());

    CliResult result;
    result.exitStatus =
        WIFEXITED (status) ? WEXITSTATUS (status) : 128 + (WIFSIGNALED (status) ? WTERMSIG (status) : 0);
    result.out = readBytes (outPath);
    result.err = readBytes (errPath);
    return result;
}

AudioClip makeClip (const std::vector<std::vector<float>>& channels, double sampleRate)
{
    AudioClip clip;
    clip.sampleRate = sampleRate;
    for (const auto& channel : channels)
        clip.channels.emplace_back (channel.begin(), channel.end());
    return clip;
}

void writeFloatWav (const std::filesystem::path& path, const AudioClip& clip)
{
    writeAudioFile (path, clip, OutputFormat { FileContainer::wav, SampleFormat::float32 }, OverwritePolicy::replace);
}

std::string readBytes (const std::filesystem::path& path)
{
    std::error_code error;
    const auto size = std::filesystem::file_size (path, error);
    if (error)
        return {};
    std::string bytes (static_cast<std::size_t> (size), '\0');
    std::ifstream file (path, std::ios::binary);
    file.read (bytes.data(), static_cast<std::streamsize> (bytes.size()));
    bytes.resize (static_cast<std::size_t> (file.gcount()));
    return bytes;
}

void writeBytes (const std::filesystem::path& path, const std::string& bytes)
{
    std::ofstream file (path, std::ios::binary | std::ios::trunc);
    file.write (bytes.data(), static_cast<std::streamsize> (bytes.size()));
}

std::vector<std::string> folderEntries (const std::filesystem::path& folder)
{
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator (folder))
        names.push_back (entry.path().filename().string());
    std::sort (names.begin(), names.end());
    return names;
}

} // namespace partita::test
