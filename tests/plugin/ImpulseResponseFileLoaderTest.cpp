// SPDX-License-Identifier: GPL-3.0-or-later
#include "plugin/ImpulseResponseFileLoader.h"

#include "TemporaryDirectory.h"
#include "WavexFiles.h"

#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <optional>

namespace partita
{
namespace
{
/** What the plugin's file loader makes of a file. */
std::optional<IrLayoutHint> hintFromLoader (const std::filesystem::path& path)
{
    std::mutex lock;
    std::optional<IrLayoutHint> hint;
    ImpulseResponseFileLoader loader (
        [&] (ImpulseResponseFileLoader::Loaded loaded)
        {
            const std::scoped_lock guard (lock);
            hint = loaded.layoutHint;
        },
        [] (const std::string& message) { ADD_FAILURE() << message; });
    loader.loadFile (path);
    EXPECT_TRUE (loader.waitUntilIdle (std::chrono::seconds (10)));
    const std::scoped_lock guard (lock);
    return hint;
}
} // namespace

TEST (ImpulseResponseFileLoader, CarriesWhatTheFileSaysAboutItsLayout)
{
    const test::TemporaryDirectory folder;
    test::writeFourChannelWavex (folder / "hall.wav", true);
    test::writeFourChannelWavex (folder / "church_ambix.wav", false);
    test::writeFourChannelWavex (folder / "room.wav", false);

    EXPECT_EQ (hintFromLoader (folder / "hall.wav"),
               (IrLayoutHint { IrLayout::bFormatFuMa, IrLayoutReason::subFormat }));
    EXPECT_EQ (hintFromLoader (folder / "church_ambix.wav"),
               (IrLayoutHint { IrLayout::bFormatAmbiX, IrLayoutReason::name }));
    EXPECT_EQ (hintFromLoader (folder / "room.wav"), IrLayoutHint {});
}

} // namespace partita
