// SPDX-License-Identifier: GPL-3.0-or-later
#include "GeneratedIrTree.h"

#include "CraftedAudioFiles.h"

#include <array>
#include <fstream>

namespace partita::test
{

GeneratedIrTree::GeneratedIrTree (const std::filesystem::path& root, std::size_t fileCount)
    : top (root)
{
    constexpr std::array<std::uint32_t, 3> rates { 44100, 48000, 96000 };
    for (std::size_t i = 0; i < fileCount; ++i)
    {
        const auto folder = top / ("bank" + std::to_string (i / 250)) / ("set" + std::to_string ((i / 50) % 5));
        if (i % 50 == 0)
        {
            std::filesystem::create_directories (folder);
            std::ofstream (folder / "notes.txt") << "not an IR\n";
        }
        const auto path = folder / ("ir " + std::to_string (i) + ".wav");

        File file;
        file.channels = 1 + i % 2;
        file.sampleRate = rates[i % rates.size()];
        file.frames = 64 + i % 200;

        WavFields fields;
        fields.channels = static_cast<std::uint16_t> (file.channels);
        fields.sampleRate = file.sampleRate;
        fields.bitsPerSample = 16;
        fields.heldDataBytes = static_cast<std::size_t> (file.frames) * file.channels * 2;
        fields.fill = 0x11;
        if (i % 97 == 96)
        {
            file.readable = false;
            switch ((i / 97) % 3)
            {
                case 0:
                    fields.declaredDataBytes = static_cast<std::uint32_t> (fields.heldDataBytes * 4);
                    break;
                case 1:
                    std::ofstream (path) << "RIFF but nothing like a WAV file follows";
                    written[path] = file;
                    continue;
                default:
                    fields.channels = 0;
                    break;
            }
        }
        writeFile (path, craftedWav (fields));
        written[path] = file;
    }
}

std::size_t GeneratedIrTree::readableCount() const
{
    std::size_t count = 0;
    for (const auto& file : written)
        count += file.second.readable ? 1 : 0;
    return count;
}

} // namespace partita::test
