// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/RenderBatch.h"

#include "TemporaryDirectory.h"
#include "io/AudioFileError.h"

#include <gtest/gtest.h>

#include <atomic>
#include <sstream>
#include <stdexcept>

namespace partita
{
namespace
{
RenderTargets targetsFor (const test::TemporaryDirectory& folder, std::size_t count)
{
    RenderTargets targets;
    for (std::size_t index = 0; index < count; ++index)
    {
        const auto name = "in" + std::to_string (index) + ".wav";
        targets.targets.push_back ({ name, folder / name, resolveOutputFormat (folder / name, std::nullopt) });
    }
    return targets;
}

RenderReport reportFor (const RenderTarget& target, double peak)
{
    RenderReport report;
    report.output = target.output.filename();
    report.numChannels = 1;
    report.sampleRate = 48000.0;
    report.numFrames = 48000;
    report.peak = peak;
    report.samplesBeyondFullScale = peak > 1.0 ? 3 : 0;
    return report;
}
} // namespace

TEST (RenderBatch, ReportsEachTargetInOrderAndAFailureDoesNotStopTheOthers)
{
    const test::TemporaryDirectory folder;
    const auto targets = targetsFor (folder, 4);
    RenderBatchSettings settings;
    settings.fileThreads = 3;
    settings.failureContext = " with 'x.partita'";

    std::atomic<int> calls { 0 };
    std::ostringstream out;
    std::ostringstream err;
    const auto status = renderBatch (
        targets, settings,
        [&] (const RenderTarget& target, const std::function<void (double)>& progress)
        {
            ++calls;
            progress (0.5);
            if (target.input == "in1.wav")
                throw std::invalid_argument ("no route");
            if (target.input == "in2.wav")
                throw AudioFileError ("'in2.wav' is broken");
            return reportFor (target, target.input == "in3.wav" ? 2.0 : 0.5);
        },
        out, err);

    EXPECT_EQ (status, 1);
    EXPECT_EQ (calls.load(), 4);
    EXPECT_EQ (out.str(), "in0.wav: 1 ch, 48000 Hz, 1.000 s, peak -6.0 dBFS, 0 samples beyond full scale\n"
                          "in3.wav: 1 ch, 48000 Hz, 1.000 s, peak +6.0 dBFS, 3 samples beyond full scale\n");
    const auto errors = err.str();
    EXPECT_EQ (errors.find ("partita: error: cannot render 'in1.wav' with 'x.partita': no route\n"), 0u) << errors;
    EXPECT_NE (errors.find ("\npartita: error: 'in2.wav' is broken\nwarning: in3.wav holds 3 samples"),
               std::string::npos)
        << errors;
}

TEST (RenderBatch, QuietDropsTheReportsButKeepsTheWarnings)
{
    const test::TemporaryDirectory folder;
    const auto targets = targetsFor (folder, 1);
    RenderBatchSettings settings;
    settings.quiet = true;
    std::ostringstream out;
    std::ostringstream err;
    EXPECT_EQ (renderBatch (
                   targets, settings, [] (const RenderTarget& target, const auto&) { return reportFor (target, 2.0); },
                   out, err),
               0);
    EXPECT_EQ (out.str(), "");
    EXPECT_EQ (err.str().rfind ("warning: in0.wav", 0), 0u) << err.str();
}

TEST (RenderBatch, CreatesTheOutputFolderOnlyWhenAsked)
{
    const test::TemporaryDirectory folder;
    auto targets = targetsFor (folder, 1);
    targets.folderToCreate = folder / "new" / "deeper";
    std::ostringstream out;
    std::ostringstream err;
    (void)renderBatch (
        targets, {}, [] (const RenderTarget& target, const auto&) { return reportFor (target, 0.5); }, out, err);
    EXPECT_TRUE (std::filesystem::is_directory (folder / "new" / "deeper"));
}

} // namespace partita
