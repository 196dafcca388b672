// SPDX-License-Identifier: GPL-3.0-or-later
#include "StandardStreamRender.h"

#include "ScratchFolder.h"
#include "StandardStreams.h"
#include "UsageError.h"

#include <algorithm>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <utility>

namespace partita
{

namespace
{
/** How many of the paths that are read name standard input. */
std::size_t standardInputsNamed (const RenderOptions& options)
{
    return static_cast<std::size_t> (std::count_if (options.inputs.begin(), options.inputs.end(), namesStandardStream))
           + (namesStandardStream (options.impulseResponse) ? 1 : 0) + (namesStandardStream (options.state) ? 1 : 0);
}

/** The messages name the temporary files; the user named "-". */
std::string namingStreams (std::string text, const std::optional<std::filesystem::path>& inputCopy,
                           const std::optional<std::filesystem::path>& outputFile)
{
    for (const auto& [path, words] : { std::pair { inputCopy, "standard input" }, { outputFile, "standard output" } })
    {
        if (!path)
            continue;
        text = namingStandardStream (std::move (text), *path, words);
    }
    return text;
}
} // namespace

bool usesStandardStreams (const RenderOptions& options)
{
    return standardInputsNamed (options) > 0 || namesStandardStream (options.output);
}

int renderThroughStandardStreams (const RenderOptions& options, std::ostream& out, std::ostream& err,
                                  const RenderRunner& render)
{
    if (standardInputsNamed (options) > 1)
        throw UsageError ("standard input ('-') can be read only once");

    const bool toStandardOutput = namesStandardStream (options.output);
    if (toStandardOutput && options.inputs.size() > 1)
        throw UsageError ("-o - writes one output to standard output, but " + std::to_string (options.inputs.size())
                          + " inputs were given; name a folder with -o");
    if (toStandardOutput && isTerminal (STDOUT_FILENO))
        throw std::runtime_error ("standard output is a terminal, not a place for audio; redirect it to a file "
                                  "or a pipe, or name the output with -o");

    if (standardInputsNamed (options) == 1 && isTerminal (STDIN_FILENO))
        throw std::runtime_error ("standard input is a terminal, not audio; pipe or redirect a file into it");

    const ScratchFolder scratch;
    auto local = options;
    std::optional<std::filesystem::path> inputCopy;
    std::optional<std::filesystem::path> outputFile;

    if (standardInputsNamed (options) == 1)
    {
        inputCopy = scratch / "standard-input";
        copyDescriptorToFile (STDIN_FILENO, *inputCopy);
        for (auto& input : local.inputs)
            if (namesStandardStream (input))
                input = *inputCopy;
        if (namesStandardStream (local.impulseResponse))
            local.impulseResponse = *inputCopy;
        if (namesStandardStream (local.state))
            local.state = *inputCopy;
    }
    if (toStandardOutput)
    {
        const bool vorbis = options.sampleFormat == SampleFormat::vorbis;
        outputFile = scratch / (vorbis ? "standard-output.ogg" : "standard-output.wav");
        local.output = *outputFile;
    }

    std::ostringstream renderOut;
    std::ostringstream renderErr;
    int status = 0;
    try
    {
        status = render (local, renderOut, renderErr);
    }
    catch (const UsageError& error)
    {
        err << namingStreams (renderErr.str(), inputCopy, outputFile);
        throw UsageError (namingStreams (error.what(), inputCopy, outputFile));
    }
    catch (const std::exception& error)
    {
        err << namingStreams (renderErr.str(), inputCopy, outputFile);
        throw std::runtime_error (namingStreams (error.what(), inputCopy, outputFile));
    }

    if (toStandardOutput && status == 0)
        copyFileToDescriptor (*outputFile, STDOUT_FILENO);

    // With the audio on standard output, the report joins the messages.
    (toStandardOutput ? err : out) << namingStreams (renderOut.str(), inputCopy, outputFile);
    err << namingStreams (renderErr.str(), inputCopy, outputFile);
    out.flush();
    err.flush();
    return status;
}

} // namespace partita
