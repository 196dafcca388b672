// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/FileReplacement.h"

#include "IoTestHelpers.h"
#include "TemporaryDirectory.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace partita
{
namespace
{
void writeText (const std::filesystem::path& path, const std::string& text)
{
    std::ofstream (path, std::ios::binary) << text;
}

std::string readAll (std::istream& stream)
{
    std::ostringstream text;
    text << stream.rdbuf();
    return text.str();
}

std::string readText (const std::filesystem::path& path)
{
    std::ifstream stream (path, std::ios::binary);
    return readAll (stream);
}

TEST (FileReplacement, MovesAFileToAFreeName)
{
    const test::TemporaryDirectory folder;
    for (const auto policy : { OverwritePolicy::refuse, OverwritePolicy::replace })
    {
        SCOPED_TRACE (policy == OverwritePolicy::refuse ? "refuse" : "replace");
        writeText (folder / ".new", "new");
        std::filesystem::remove (folder / "out");

        EXPECT_FALSE (moveIntoPlace (folder / ".new", folder / "out", policy));

        EXPECT_EQ (readText (folder / "out"), "new");
        EXPECT_EQ (test::entriesOf (folder.path()), std::vector<std::string> { "out" });
    }
}

TEST (FileReplacement, ReplacesAFileAndLeavesNoOtherBehind)
{
    const test::TemporaryDirectory folder;
    writeText (folder / "out", "old contents");
    writeText (folder / ".new", "new");

    EXPECT_FALSE (moveIntoPlace (folder / ".new", folder / "out", OverwritePolicy::replace));

    EXPECT_EQ (readText (folder / "out"), "new");
    EXPECT_EQ (test::entriesOf (folder.path()), std::vector<std::string> { "out" });
}

TEST (FileReplacement, AReaderOfTheReplacedFileGoesOnReadingItWhole)
{
    const test::TemporaryDirectory folder;
    writeText (folder / "out", "old contents");
    writeText (folder / ".new", "new");
    std::ifstream reader (folder / "out", std::ios::binary);
    ASSERT_TRUE (reader);

    ASSERT_FALSE (moveIntoPlace (folder / ".new", folder / "out", OverwritePolicy::replace));

    EXPECT_EQ (readAll (reader), "old contents");
    EXPECT_EQ (readText (folder / "out"), "new");
}

TEST (FileReplacement, RefusesATakenNameAndLeavesBothFilesAsTheyWere)
{
    const test::TemporaryDirectory folder;
    writeText (folder / "out", "old contents");
    writeText (folder / ".new", "new");

    EXPECT_EQ (moveIntoPlace (folder / ".new", folder / "out", OverwritePolicy::refuse), std::errc::file_exists);

    EXPECT_EQ (readText (folder / "out"), "old contents");
    EXPECT_EQ (readText (folder / ".new"), "new");
}

TEST (FileReplacement, FailsOnAFolderAndLeavesBothWhereTheyWere)
{
    const test::TemporaryDirectory folder;
    std::filesystem::create_directory (folder / "out");
    writeText (folder / "out" / "inside", "kept");
    writeText (folder / ".new", "new");

    EXPECT_TRUE (moveIntoPlace (folder / ".new", folder / "out", OverwritePolicy::replace));

    EXPECT_TRUE (std::filesystem::is_directory (folder / "out"));
    EXPECT_EQ (readText (folder / "out" / "inside"), "kept");
    EXPECT_EQ (readText (folder / ".new"), "new");
}

#if defined(__unix__) || defined(__APPLE__)
TEST (FileReplacement, ReplacesALinkItselfAndNotTheFileItNames)
{
    const test::TemporaryDirectory folder;
    writeText (folder / "elsewhere", "untouched");
    std::filesystem::create_symlink (folder / "elsewhere", folder / "out");
    writeText (folder / ".new", "new");

    EXPECT_FALSE (moveIntoPlace (folder / ".new", folder / "out", OverwritePolicy::replace));

    EXPECT_FALSE (std::filesystem::is_symlink (folder / "out"));
    EXPECT_EQ (readText (folder / "out"), "new");
    EXPECT_EQ (readText (folder / "elsewhere"), "untouched");
}

TEST (FileReplacement, RefusesTheNameOfADanglingLink)
{
    const test::TemporaryDirectory folder;
    std::filesystem::create_symlink (folder / "nowhere", folder / "out");
    writeText (folder / ".new", "new");

    EXPECT_EQ (moveIntoPlace (folder / ".new", folder / "out", OverwritePolicy::refuse), std::errc::file_exists);

    EXPECT_TRUE (std::filesystem::is_symlink (folder / "out"));
    EXPECT_FALSE (std::filesystem::exists (folder / "nowhere"));
}
#endif

} // namespace
} // namespace partita
