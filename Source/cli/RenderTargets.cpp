// SPDX-License-Identifier: GPL-3.0-or-later
#include "RenderTargets.h"

#include "UsageError.h"
#include "io/AudioFileError.h"
#include "io/QuotedText.h"

#include <stdexcept>
#include <system_error>
#include <unistd.h>

namespace partita
{

namespace fs = std::filesystem;

namespace
{
bool endsWithSeparator (const fs::path& path)
{
    const auto& text = path.native();
    return !text.empty() && text.back() == fs::path::preferred_separator;
}

bool isDirectory (const fs::path& path)
{
    std::error_code error;
    return fs::is_directory (path, error);
}

bool pathExists (const fs::path& path)
{
    std::error_code error;
    const auto status = fs::symlink_status (path, error);
    return !error && status.type() != fs::file_type::not_found;
}

fs::path canonicalForm (const fs::path& path)
{
    std::error_code error;
    auto canonical = fs::weakly_canonical (fs::absolute (path, error), error);
    if (error)
        return fs::absolute (path, error).lexically_normal();
    return canonical;
}

/** The output's name in folder mode: the input's file name, with the
    extension changed only when the container cannot hold the format. */
fs::path outputNameFor (const fs::path& input, const std::optional<SampleFormat>& requested)
{
    auto name = input.filename();
    const auto container = containerForPath (name);

    if (requested)
    {
        if (!container || !supports (*container, *requested))
            name.replace_extension (*requested == SampleFormat::vorbis ? ".ogg" : ".wav");
    }
    else if (!container)
    {
        name.replace_extension (".wav");
    }
    return name;
}

OutputFormat formatFor (const fs::path& output, const std::optional<SampleFormat>& requested)
{
    try
    {
        return resolveOutputFormat (output, requested);
    }
    catch (const AudioFileError& error)
    {
        throw UsageError (error.what());
    }
}

void checkFolderIsWritable (const fs::path& output)
{
    auto folder = output.parent_path();
    if (folder.empty())
        folder = ".";

    if (!pathExists (folder))
        throw std::runtime_error ("cannot write " + quoted (output) + ": the folder " + quoted (folder)
                                  + " does not exist");
    if (!isDirectory (folder))
        throw std::runtime_error ("cannot write " + quoted (output) + ": " + quoted (folder) + " is not a folder");
    if (::access (folder.c_str(), W_OK | X_OK) != 0)
        throw std::runtime_error ("cannot write " + quoted (output) + ": the folder " + quoted (folder)
                                  + " is not writable");
}

/** The nearest existing ancestor of a folder still to be created must be a
    writable folder, or create_directories would fail after the checks. */
void checkFolderCanBeCreated (const fs::path& folder)
{
    auto ancestor = canonicalForm (folder);
    while (!pathExists (ancestor) && ancestor.has_parent_path() && ancestor.parent_path() != ancestor)
        ancestor = ancestor.parent_path();

    if (!isDirectory (ancestor))
        throw std::runtime_error ("cannot create the output folder " + quoted (folder) + ": " + quoted (ancestor)
                                  + " is not a folder");
    if (::access (ancestor.c_str(), W_OK | X_OK) != 0)
        throw std::runtime_error ("cannot create the output folder " + quoted (folder) + ": " + quoted (ancestor)
                                  + " is not writable");
}

void checkNotAnInput (const RenderTarget& target, const RenderOptions& options)
{
    for (const auto& input : options.inputs)
        if (isSameFile (target.output, input))
            throw std::runtime_error ("the output " + quoted (target.output) + " is the input " + quoted (input)
                                      + "; partita never overwrites its input");

    for (const auto& impulseResponse : { options.impulseResponse, options.impulseResponseB })
        if (!impulseResponse.empty() && isSameFile (target.output, impulseResponse))
            throw std::runtime_error ("the output " + quoted (target.output) + " is the impulse response "
                                      + quoted (impulseResponse) + "; partita never overwrites its input");
}

void checkOverwrite (const RenderTarget& target, bool force)
{
    if (!pathExists (target.output))
        return;
    if (isDirectory (target.output))
        throw std::runtime_error ("cannot write " + quoted (target.output) + ": it is a folder");
    if (!force)
        throw std::runtime_error (quoted (target.output) + " exists; use --force to overwrite it");
}
} // namespace

bool isSameFile (const fs::path& first, const fs::path& second)
{
    if (canonicalForm (first) == canonicalForm (second))
        return true;

    std::error_code error;
    return pathExists (first) && pathExists (second) && fs::equivalent (first, second, error) && !error;
}

RenderTargets resolveRenderTargets (const RenderOptions& options)
{
    RenderTargets result;
    const auto& output = options.output;
    const bool namesFolder = endsWithSeparator (output) || isDirectory (output);

    if (options.inputs.size() == 1 && !namesFolder)
    {
        result.targets.push_back ({ options.inputs.front(), output, formatFor (output, options.sampleFormat) });
    }
    else
    {
        if (!namesFolder)
        {
            if (pathExists (output))
                throw std::runtime_error ("several inputs need -o to name a folder, but " + quoted (output)
                                          + " is a file");
            throw std::runtime_error ("the output folder " + quoted (output)
                                      + " does not exist; create it, or end the path with '/' to have it created");
        }

        if (!isDirectory (output))
        {
            if (pathExists (output))
                throw std::runtime_error ("the output folder " + quoted (output) + " is a file");
            checkFolderCanBeCreated (output);
            result.folderToCreate = output;
        }

        for (const auto& input : options.inputs)
        {
            const auto path = output / outputNameFor (input, options.sampleFormat);
            result.targets.push_back ({ input, path, formatFor (path, options.sampleFormat) });
        }
    }

    for (std::size_t i = 0; i < result.targets.size(); ++i)
    {
        const auto& target = result.targets[i];
        checkNotAnInput (target, options);

        for (std::size_t j = 0; j < i; ++j)
            if (isSameFile (result.targets[j].output, target.output))
                throw std::runtime_error ("the inputs " + quoted (result.targets[j].input) + " and "
                                          + quoted (target.input) + " would both be written to "
                                          + quoted (target.output));

        checkOverwrite (target, options.force);
        if (!result.folderToCreate)
            checkFolderIsWritable (target.output);
    }
    return result;
}

} // namespace partita
