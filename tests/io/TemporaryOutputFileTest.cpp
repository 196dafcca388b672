// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/TemporaryOutputFile.h"

#include "TemporaryDirectory.h"
#include "io/AudioFileError.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

namespace partita::detail
{
namespace
{

std::size_t filesIn (const std::filesystem::path& folder)
{
    return static_cast<std::size_t> (std::distance (std::filesystem::directory_iterator (folder), {}));
}

TEST (TemporaryOutputFile, IsAHiddenNameBesideTheTarget)
{
    const test::TemporaryDirectory folder;
    const TemporaryOutputFile temporary (folder / "out.wav");

    EXPECT_EQ (temporary.path().parent_path(), folder.path());
    EXPECT_EQ (temporary.path().filename().string().rfind (".out.wav.partial-", 0), 0u);
}

TEST (TemporaryOutputFile, RemovesTheFileItMadeUnlessCommitted)
{
    const test::TemporaryDirectory folder;
    std::filesystem::path made;
    {
        TemporaryOutputFile temporary (folder / "out.wav");
        temporary.create (folder / "out.wav");
        made = temporary.path();
        EXPECT_TRUE (std::filesystem::exists (made));
    }
    EXPECT_FALSE (std::filesystem::exists (made));
    EXPECT_EQ (filesIn (folder.path()), 0u);
}

TEST (TemporaryOutputFile, LeavesTheFileWhenCommitted)
{
    const test::TemporaryDirectory folder;
    std::filesystem::path made;
    {
        TemporaryOutputFile temporary (folder / "out.wav");
        temporary.create (folder / "out.wav");
        EXPECT_EQ (temporary.closeDescriptor(), 0);
        made = temporary.path();
        temporary.commit();
    }
    EXPECT_TRUE (std::filesystem::exists (made));
}

#if !defined(_WIN32)
TEST (TemporaryOutputFile, TakesAnotherNameWhenItsOwnIsTakenAndLeavesTheTakenFileAlone)
{
    const test::TemporaryDirectory folder;
    std::filesystem::path taken;
    std::filesystem::path made;
    {
        TemporaryOutputFile temporary (folder / "out.wav");
        taken = temporary.path();
        std::ofstream (taken) << "someone else's";

        temporary.create (folder / "out.wav");
        made = temporary.path();
        EXPECT_NE (made, taken);
    }
    EXPECT_TRUE (std::filesystem::exists (taken));
    EXPECT_FALSE (std::filesystem::exists (made));
}
#endif

TEST (TemporaryOutputFile, ReportsAMissingFolderNamingTheTarget)
{
    const test::TemporaryDirectory folder;
    const auto target = folder / "missing" / "out.wav";
    TemporaryOutputFile temporary (target);

    EXPECT_THROW (temporary.create (target), AudioFileError);
}

} // namespace
} // namespace partita::detail
