// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/RoomAcousticAnalysis.h"

#include "SyntheticRoom.h"

#include <gtest/gtest.h>

#include <cmath>
#include <iostream>

namespace partita
{
namespace
{
TEST (RoomAcousticAnalysis, Scratch)
{
    SyntheticRoom room;
    room.reverbSeconds = { 1.6, 1.5, 1.4, 1.3, 1.2, 1.1, 1.0, 0.8 };
    room.noiseFloorDb = -90.0;
    for (unsigned seed = 1; seed < 4; ++seed)
    {
        room.seed = seed;
        const auto ir = room.render();
        const auto result = analyseRoomAcoustics (ir, room.sampleRate);
        for (std::size_t b = 0; b < result.bands.size(); ++b)
        {
            const auto& band = result.bands[b];
            std::cout << band.label << " T=" << room.reverbSeconds[b] << " edt "
                      << band.edt.seconds / room.reverbSeconds[b] - 1 << " t20 "
                      << band.t20.seconds / room.reverbSeconds[b] - 1 << " t30 "
                      << band.t30.seconds / room.reverbSeconds[b] - 1 << " pnr " << band.peakToNoiseDb << " c80 "
                      << band.c80Db.value << " ts " << band.centreTimeSeconds.value << " [" << band.t30.flag << "]\n";
        }
    }
}
} // namespace
} // namespace partita
