// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/StateFile.h"

#include "TemporaryDirectory.h"
#include "state/StateError.h"

#include <gtest/gtest.h>

namespace partita
{
namespace
{
TEST (StateFile, WritesAndReadsBackTheSameBytes)
{
    test::TemporaryDirectory directory;
    const std::vector<std::uint8_t> bytes { 1, 2, 3, 0, 255 };
    writeStateFile (directory / "preset.partita", bytes);
    EXPECT_EQ (readStateFile (directory / "preset.partita"), bytes);
    // Replacing works and leaves no temporary file behind.
    writeStateFile (directory / "preset.partita", std::vector<std::uint8_t> { 9 });
    EXPECT_EQ (readStateFile (directory / "preset.partita"), std::vector<std::uint8_t> { 9 });
    EXPECT_EQ (std::distance (std::filesystem::directory_iterator (directory.path()), {}), 1);
}

TEST (StateFile, SaysWhichFileIsMissing)
{
    try
    {
        (void)readStateFile ("/nonexistent/session.partita");
        FAIL();
    }
    catch (const StateError& error)
    {
        EXPECT_NE (std::string (error.what()).find ("session.partita"), std::string::npos);
    }
}

TEST (StateFile, RefusesAFolder)
{
    test::TemporaryDirectory directory;
    EXPECT_THROW ((void)readStateFile (directory.path()), StateError);
}

TEST (StateFile, RefusesToWriteIntoAMissingFolder)
{
    EXPECT_THROW (writeStateFile ("/nonexistent/folder/x.partita", std::vector<std::uint8_t> { 1 }), StateError);
}
} // namespace
} // namespace partita
