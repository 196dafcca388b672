// SPDX-License-Identifier: GPL-3.0-or-later
#include "plugin/ImpulseResponseFileLoader.h"

#include "TemporaryDirectory.h"

#include <gtest/gtest.h>
#include <sndfile.h>

#include <chrono>
#include <mutex>
#include <optional>
#include <vector>

namespace partita
{
namespace
{
/** A 4-channel float WAVEX written with libsndfile, its ambisonic
    B-format sub-format set or not. */
void writeFourChannels (const std::filesystem::path& path, bool ambisonic)
{
    SF_INFO info {};
    info.samplerate = 48000;
    info.channels = 4;
    info.format = SF_FORMAT_WAVEX | SF_FORMAT_FLOAT;
    SNDFILE* file = sf_open (path.string().c_str(), SFM_WRITE, &info);
    ASSERT_NE (file, nullptr);
    if (ambisonic)
        sf_command (file, SFC_WAVEX_SET_AMBISONIC, nullptr, SF_AMBISONIC_B_FORMAT);
    std::vector<float> frames (4 * 32, 0.0f);
    frames[0] = 0.5f;
    sf_writef_float (file, frames.data(), 32);
    sf_close (file);
}

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
    writeFourChannels (folder / "hall.wav", true);
    writeFourChannels (folder / "church_ambix.wav", false);
    writeFourChannels (folder / "room.wav", false);

    EXPECT_EQ (hintFromLoader (folder / "hall.wav"),
               (IrLayoutHint { IrLayout::bFormatFuMa, IrLayoutReason::subFormat }));
    EXPECT_EQ (hintFromLoader (folder / "church_ambix.wav"),
               (IrLayoutHint { IrLayout::bFormatAmbiX, IrLayoutReason::name }));
    EXPECT_EQ (hintFromLoader (folder / "room.wav"), IrLayoutHint {});
}

} // namespace partita
