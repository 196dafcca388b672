// SPDX-License-Identifier: GPL-3.0-or-later
#include "FactoryCatalogue.h"

#include "AcousticMaterial.h"
#include "CabinetModel.h"
#include "DattorroPlate.h"
#include "FeedbackDelayNetwork.h"
#include "MoorerReverb.h"
#include "PlateModel.h"
#include "RoomModel.h"
#include "SchroederReverb.h"
#include "SpringModel.h"

#include <algorithm>
#include <utility>

namespace partita
{
namespace
{
constexpr auto rate = generatedIrSampleRate;

// ---- Rooms, chambers and halls: shoebox rooms (RoomModel) -------------------

/** A room with walls, floor and ceiling of three materials. */
ShoeboxRoom shoebox (double length, double width, double height, const OctaveBandValues& walls,
                     const OctaveBandValues& floor, const OctaveBandValues& ceiling)
{
    ShoeboxRoom room;
    room.length = length;
    room.width = width;
    room.height = height;
    room.setAllWalls (walls);
    room.setWall (RoomWall::floor, floor);
    room.setWall (RoomWall::ceiling, ceiling);
    return room;
}

/** One source and two omnidirectional microphones `spacing` apart along x,
    centred on `between`. */
RoomIrDesign stereoDesign (ShoeboxRoom room, RoomPoint source, RoomPoint between, double spacing, double lengthSeconds,
                           std::uint64_t seed)
{
    RoomIrDesign design;
    design.room = room;
    design.sources = { source };
    design.microphones = { RoomPoint { between.x - spacing / 2, between.y, between.z },
                           RoomPoint { between.x + spacing / 2, between.y, between.z } };
    design.lengthSeconds = lengthSeconds;
    design.seed = seed;
    return design;
}

/** Two sources `sourceSpacing` apart along x (left and right loudspeakers)
    and two microphones: true stereo. */
RoomIrDesign trueStereoDesign (ShoeboxRoom room, RoomPoint sourceCentre, double sourceSpacing, RoomPoint between,
                               double spacing, double lengthSeconds, std::uint64_t seed)
{
    auto design = stereoDesign (room, sourceCentre, between, spacing, lengthSeconds, seed);
    design.sources = { RoomPoint { sourceCentre.x - sourceSpacing / 2, sourceCentre.y, sourceCentre.z },
                       RoomPoint { sourceCentre.x + sourceSpacing / 2, sourceCentre.y, sourceCentre.z } };
    return design;
}

namespace m = acousticMaterial;

RoomModel vocalBooth()
{
    auto room =
        shoebox (2.0, 1.8, 2.4, mixMaterials (m::foamPanel, 0.6, m::bassTrappedWall), m::carpet, m::acousticCeiling);
    return { stereoDesign (room, { 1.0, 0.5, 1.6 }, { 1.0, 1.1, 1.6 }, 0.2, 0.7, 101), rate };
}

RoomModel smallDryRoom()
{
    auto room = shoebox (4.0, 3.5, 2.6, mixMaterials (m::plaster, 0.8, m::heavyCurtain), m::carpet,
                         mixMaterials (m::plaster, 0.5, m::acousticCeiling));
    return { stereoDesign (room, { 2.0, 1.0, 1.5 }, { 2.2, 2.4, 1.5 }, 0.3, 1.1, 102), rate };
}

RoomModel tiledBathroom()
{
    auto room = shoebox (2.8, 2.2, 2.5, mixMaterials (m::glazedTile, 0.85, m::heavyCurtain), m::glazedTile, m::plaster);
    return { stereoDesign (room, { 0.9, 0.7, 1.5 }, { 1.9, 1.4, 1.6 }, 0.2, 1.5, 103), rate };
}

RoomModel mediumRoom()
{
    auto room = shoebox (6.0, 5.0, 3.0, mixMaterials (m::plaster, 0.7, m::window), m::woodFloor,
                         mixMaterials (m::plaster, 0.5, m::acousticCeiling));
    return { stereoDesign (room, { 2.5, 1.5, 1.6 }, { 3.2, 3.6, 1.6 }, 0.5, 1.0, 104), rate };
}

RoomModel largeRoom()
{
    auto room = shoebox (11.0, 8.0, 4.0, mixMaterials (m::plaster, 0.8, m::woodPanel), m::woodFloor,
                         mixMaterials (m::plaster, 0.6, m::acousticCeiling));
    return { stereoDesign (room, { 4.5, 2.0, 1.7 }, { 6.0, 5.5, 1.8 }, 0.8, 1.4, 105), rate };
}

RoomModel studioLiveRoom()
{
    auto room = shoebox (9.0, 7.0, 4.0, mixMaterials (m::woodPanel, 0.6, m::bassTrappedWall), m::woodFloor,
                         mixMaterials (m::woodPanel, 0.5, m::acousticCeiling));
    return { stereoDesign (room, { 4.0, 2.0, 1.2 }, { 4.8, 4.2, 2.2 }, 1.0, 0.9, 106), rate };
}

RoomModel brickDrumRoom()
{
    auto room = shoebox (6.5, 5.0, 3.5, mixMaterials (m::brick, 0.8, m::woodPanel), m::woodFloor,
                         mixMaterials (m::woodPanel, 0.5, m::acousticCeiling));
    return { stereoDesign (room, { 3.0, 1.8, 0.8 }, { 3.4, 3.6, 2.4 }, 1.2, 1.1, 107), rate };
}

RoomModel concreteGarage()
{
    auto room = shoebox (6.0, 3.5, 2.6, m::concrete, m::concrete, m::concrete);
    return { stereoDesign (room, { 1.5, 1.2, 1.0 }, { 4.2, 2.0, 1.5 }, 0.4, 2.2, 108), rate };
}

RoomModel liveRoomTrueStereo()
{
    auto room = shoebox (9.0, 7.0, 4.0, mixMaterials (m::woodPanel, 0.6, m::bassTrappedWall), m::woodFloor,
                         mixMaterials (m::woodPanel, 0.5, m::acousticCeiling));
    return { trueStereoDesign (room, { 4.5, 1.5, 1.5 }, 2.0, { 4.5, 4.5, 1.8 }, 1.0, 0.9, 109), rate };
}

RoomModel echoChamber()
{
    auto room = shoebox (5.5, 3.8, 3.2, m::plaster, m::concrete, m::plaster);
    return { stereoDesign (room, { 1.0, 0.8, 1.2 }, { 4.3, 2.9, 2.0 }, 0.6, 2.4, 201), rate };
}

RoomModel stairwell()
{
    auto room = shoebox (3.0, 5.5, 15.0, m::concrete, m::concrete, m::plaster);
    return { stereoDesign (room, { 1.5, 1.2, 1.5 }, { 1.5, 4.0, 4.5 }, 0.6, 3.1, 202), rate };
}

RoomModel tiledChamber()
{
    auto room = shoebox (7.0, 5.0, 3.6, m::glazedTile, m::glazedTile, m::glazedTile);
    return { stereoDesign (room, { 1.2, 1.0, 1.4 }, { 5.6, 3.9, 2.2 }, 0.8, 4.8, 203), rate };
}

RoomModel stoneCellar()
{
    auto room = shoebox (14.0, 6.0, 3.2, mixMaterials (m::stone, 0.75, m::woodPanel),
                         mixMaterials (m::stone, 0.5, m::woodFloor), m::stone);
    return { stereoDesign (room, { 3.0, 3.0, 1.5 }, { 9.0, 3.0, 1.7 }, 1.0, 3.2, 204), rate };
}

ShoeboxRoom concertHallRoom (double length, double width, double height, double audienceShare)
{
    auto room = shoebox (length, width, height, mixMaterials (m::plaster, 0.6, m::woodPanel),
                         mixMaterials (m::seatedAudience, audienceShare, m::woodFloor),
                         mixMaterials (m::plaster, 0.85, m::acousticCeiling));
    return room;
}

RoomModel smallHall()
{
    auto room = concertHallRoom (20.0, 13.0, 8.0, 0.5);
    return { stereoDesign (room, { 10.0, 3.0, 1.5 }, { 10.0, 10.0, 3.0 }, 2.0, 2.0, 301), rate };
}

RoomModel concertHall()
{
    auto room = concertHallRoom (32.0, 22.0, 15.0, 0.8);
    return { stereoDesign (room, { 16.0, 4.0, 1.5 }, { 16.0, 14.0, 4.0 }, 2.5, 3.2, 302), rate };
}

RoomModel largeHall()
{
    auto room = concertHallRoom (45.0, 28.0, 20.0, 0.8);
    return { stereoDesign (room, { 22.0, 5.0, 1.5 }, { 22.0, 18.0, 5.0 }, 3.0, 4.2, 303), rate };
}

RoomModel emptyHall()
{
    auto room = shoebox (32.0, 22.0, 15.0, mixMaterials (m::plaster, 0.6, m::woodPanel),
                         mixMaterials (m::upholsteredSeats, 0.45, m::woodFloor),
                         mixMaterials (m::plaster, 0.85, m::acousticCeiling));
    return { stereoDesign (room, { 16.0, 4.0, 1.5 }, { 16.0, 14.0, 4.0 }, 2.5, 3.4, 304), rate };
}

RoomModel church()
{
    auto room = shoebox (32.0, 14.0, 14.0, mixMaterials (m::stone, 0.7, m::window),
                         mixMaterials (m::seatedAudience, 0.3, m::woodFloor), m::woodPanel);
    return { stereoDesign (room, { 16.0, 3.0, 1.8 }, { 16.0, 9.0, 3.0 }, 2.0, 4.6, 305), rate };
}

RoomModel cathedral()
{
    auto room = shoebox (60.0, 26.0, 28.0, mixMaterials (m::stone, 0.7, m::window),
                         mixMaterials (m::seatedAudience, 0.25, m::stone), m::stone);
    return { stereoDesign (room, { 30.0, 5.0, 2.0 }, { 30.0, 16.0, 4.0 }, 4.0, 8.5, 306), rate };
}

RoomModel lectureHall()
{
    auto room = shoebox (18.0, 14.0, 6.0, mixMaterials (m::plaster, 0.7, m::woodPanel),
                         mixMaterials (m::upholsteredSeats, 0.6, m::woodFloor), m::acousticCeiling);
    return { stereoDesign (room, { 9.0, 2.0, 1.6 }, { 9.0, 8.0, 2.5 }, 1.5, 1.6, 307), rate };
}

RoomModel concertHallTrueStereo()
{
    auto room = concertHallRoom (32.0, 22.0, 15.0, 0.8);
    return { trueStereoDesign (room, { 16.0, 4.0, 1.5 }, 6.0, { 16.0, 14.0, 4.0 }, 2.5, 3.2, 308), rate };
}

// ---- Plates ------------------------------------------------------------------

OctaveBandValues plateDecay (double mid, double highRatio)
{
    // Plates ring a little shorter at the lowest octaves (the damper acts
    // there) and lose the highs at highRatio of the mid time by 8 kHz.
    OctaveBandValues times { 0.75, 0.85, 0.95, 1.0, 1.0, 1.0, 1.0, 1.0 };
    for (std::size_t b = 4; b < octaveBandCount; ++b)
        times[b] = 1.0 + (highRatio - 1.0) * static_cast<double> (b - 4) / 3.0;
    for (auto& time : times)
        time *= mid;
    return times;
}

PlateModel brightPlate()
{
    PlateDesign design;
    design.reverbTime = plateDecay (1.2, 0.85);
    design.brightnessDb = 5.0;
    design.lowCutHz = 180.0;
    design.lengthSeconds = 1.8;
    design.seed = 401;
    return { design, rate };
}

PlateModel vocalPlate()
{
    PlateDesign design;
    design.reverbTime = plateDecay (1.9, 0.7);
    design.brightnessDb = 2.0;
    design.lowCutHz = 150.0;
    design.lengthSeconds = 2.8;
    design.seed = 402;
    return { design, rate };
}

PlateModel darkPlate()
{
    PlateDesign design;
    design.reverbTime = plateDecay (3.2, 0.45);
    design.brightnessDb = -3.0;
    design.lowCutHz = 100.0;
    design.thickness = 0.0003;
    design.lengthSeconds = 4.5;
    design.seed = 403;
    return { design, rate };
}

// ---- Springs -----------------------------------------------------------------

SpringModel singleSpring()
{
    SpringTankDesign tank;
    tank.springs = { SpringDesign { 0.033, 40, 6, 0.55, 2.2, 0.08, 1.0, 1.0 } };
    tank.lengthSeconds = 2.8;
    return { tank, rate };
}

SpringModel twinSpring()
{
    SpringTankDesign tank;
    tank.springs = { SpringDesign { 0.029, 40, 6, 0.55, 2.4, 0.08, 1.0, 0.35 },
                     SpringDesign { 0.041, 44, 6, 0.5, 2.8, 0.1, 0.35, 1.0 } };
    tank.lengthSeconds = 3.4;
    return { tank, rate };
}

SpringModel longSpringTank()
{
    SpringTankDesign tank;
    tank.springs = { SpringDesign { 0.047, 50, 7, 0.55, 3.8, 0.06, 1.0, 0.5 },
                     SpringDesign { 0.053, 54, 7, 0.5, 4.2, 0.07, 0.5, 1.0 },
                     SpringDesign { 0.061, 46, 6, 0.6, 4.0, 0.05, 0.7, 0.7 } };
    tank.lowCutHz = 90.0;
    tank.highCutHz = 4000.0;
    tank.lengthSeconds = 5.2;
    return { tank, rate };
}

// ---- Cabinets ----------------------------------------------------------------

CabinetModel openBack1x12()
{
    CabinetDesign design;
    design.resonanceHz = 95.0;
    design.resonanceQ = 1.1;
    // The back wave round the open back: in opposition at DC, which thins the
    // lows; 70 samples (1.46 ms, 0.5 m of path).
    design.combDelaySamples = 70;
    design.combGain = -0.35;
    design.peaks = { { 1200.0, 1.2, 3.0 }, { 2600.0, 1.5, 4.0 } };
    design.rollOffHz = 5500.0;
    design.rollOffQ = 0.75;
    return { design, rate };
}

CabinetModel closedBack2x12()
{
    CabinetDesign design;
    design.resonanceHz = 110.0;
    design.resonanceQ = 1.4;
    // The back wall's reflection through the cone: 0.26 m deep box.
    design.combDelaySamples = 73;
    design.combGain = 0.3;
    design.peaks = { { 450.0, 1.4, -4.0 }, { 2800.0, 1.6, 5.0 } };
    design.rollOffHz = 5000.0;
    design.rollOffQ = 0.8;
    return { design, rate };
}

CabinetModel closedBack4x12()
{
    CabinetDesign design;
    design.resonanceHz = 85.0;
    design.resonanceQ = 1.6;
    // The other cones, further from the microphone.
    design.combDelaySamples = 41;
    design.combGain = 0.45;
    design.peaks = { { 120.0, 1.5, 3.0 }, { 650.0, 1.0, -3.0 }, { 3200.0, 1.8, 6.0 } };
    design.rollOffHz = 4600.0;
    design.rollOffQ = 0.9;
    return { design, rate };
}

CabinetModel bass1x15()
{
    CabinetDesign design;
    design.resonanceHz = 48.0;
    design.resonanceQ = 0.9;
    design.combDelaySamples = 110;
    design.combGain = 0.25;
    design.peaks = { { 800.0, 1.0, 2.0 }, { 2200.0, 2.0, -5.0 } };
    design.rollOffHz = 3000.0;
    design.rollOffQ = 0.7;
    return { design, rate };
}

CabinetModel bass4x10()
{
    CabinetDesign design;
    design.resonanceHz = 62.0;
    design.resonanceQ = 1.0;
    design.combDelaySamples = 52;
    design.combGain = 0.35;
    design.peaks = { { 250.0, 1.0, 1.5 }, { 1800.0, 1.2, 3.0 } };
    design.rollOffHz = 4500.0;
    design.rollOffQ = 0.8;
    return { design, rate };
}

// ---- Classic digital reverbs -------------------------------------------------

SchroederReverb schroeder()
{
    return { 1.8, 2.6, rate };
}

MoorerReverb moorer()
{
    return { 2.2, 0.35, 3.2, rate };
}

FeedbackDelayNetwork fdnRoom()
{
    return { { 541, 613, 701, 787, 883, 953, 1039, 1123 }, 0.9, 0.45, 1.4, rate };
}

FeedbackDelayNetwork fdnHall()
{
    return { { 1601, 1867, 2053, 2251, 2399, 2617, 2861, 3089 }, 3.0, 1.4, 4.2, rate };
}

DattorroPlate dattorro()
{
    return { 0.7, 0.0005, 4.5, rate };
}

// ---- The table ---------------------------------------------------------------

template <auto makeModel>
AudioClip generateWith()
{
    return makeModel().render();
}

struct Metadata
{
    const char* id;
    const char* displayName;
    FactoryIrCategory category;
    std::vector<std::string> tags;
    double reverbTimeSeconds;
    std::size_t numChannels;
    const char* description;
};

template <auto makeModel>
GeneratedIr entry (Metadata metadata)
{
    GeneratedIr ir;
    ir.id = metadata.id;
    ir.displayName = metadata.displayName;
    ir.category = metadata.category;
    ir.tags = std::move (metadata.tags);
    ir.reverbTimeSeconds = metadata.reverbTimeSeconds;
    ir.numChannels = metadata.numChannels;
    ir.numFrames = makeModel().numFrames();
    ir.description = metadata.description;
    ir.generate = &generateWith<makeModel>;
    return ir;
}

using C = FactoryIrCategory;

std::vector<GeneratedIr> buildCatalogue()
{
    // Reverb times: measured by `partita_make_factory_irs --list` (T30 by
    // EnergyDecayCurve); FactoryCatalogueTest checks they still hold.
    std::vector<GeneratedIr> catalogue {
        entry<vocalBooth> ({ "room_vocal_booth",
                             "Vocal booth",
                             C::room,
                             { "stereo", "short", "dry", "vocals" },
                             0.126,
                             2,
                             "A 2 x 1.8 x 2.4 m booth lined with foam: a few strong reflections, almost no tail." }),
        entry<smallDryRoom> ({ "room_small_dry",
                               "Small dry room",
                               C::room,
                               { "stereo", "short", "dark", "natural" },
                               0.532,
                               2,
                               "A 4 x 3.5 m room with carpet, curtains and an absorbent ceiling." }),
        entry<tiledBathroom> ({ "room_bathroom",
                                "Tiled bathroom",
                                C::room,
                                { "stereo", "short", "bright", "hard" },
                                0.681,
                                2,
                                "A 2.8 x 2.2 m bathroom, tiled floor to ceiling: dense, bright, ringing." }),
        entry<mediumRoom> ({ "room_medium",
                             "Medium room",
                             C::room,
                             { "stereo", "natural", "ambience" },
                             0.604,
                             2,
                             "A 6 x 5 x 3 m living room: plaster walls, windows, a wooden floor." }),
        entry<largeRoom> ({ "room_large",
                            "Large room",
                            C::room,
                            { "stereo", "natural", "ambience" },
                            0.941,
                            2,
                            "An 11 x 8 x 4 m rehearsal room: plaster and wood, microphones 0.8 m apart." }),
        entry<studioLiveRoom> ({ "room_studio_live",
                                 "Studio live room",
                                 C::room,
                                 { "stereo", "wood", "drums" },
                                 0.532,
                                 2,
                                 "A 9 x 7 x 4 m wooden live room with bass traps; microphones high, 1 m apart." }),
        entry<brickDrumRoom> ({ "room_brick_drums",
                                "Brick drum room",
                                C::room,
                                { "stereo", "bright", "drums" },
                                0.626,
                                2,
                                "A 6.5 x 5 m brick room with a wooden floor: the classic loud drum room." }),
        entry<concreteGarage> ({ "room_garage",
                                 "Concrete garage",
                                 C::room,
                                 { "stereo", "hard", "long", "flutter" },
                                 1.550,
                                 2,
                                 "A 6 x 3.5 x 2.6 m bare concrete garage: long, metallic, with flutter." }),
        entry<liveRoomTrueStereo> ({ "room_live_true_stereo",
                                     "Live room (true stereo)",
                                     C::room,
                                     { "true stereo", "wood", "drums" },
                                     0.530,
                                     4,
                                     "The studio live room with two sources 2 m apart: four paths LL, LR, RL, RR." }),
        entry<echoChamber> ({ "chamber_echo",
                              "Echo chamber",
                              C::chamber,
                              { "stereo", "plaster", "classic" },
                              1.692,
                              2,
                              "A 5.5 x 3.8 m plastered chamber with a loudspeaker and two microphones, as studios "
                              "built them." }),
        entry<stairwell> ({ "chamber_stairwell",
                            "Stairwell",
                            C::chamber,
                            { "stereo", "concrete", "tall" },
                            2.227,
                            2,
                            "A 15 m high concrete stairwell, source at the bottom, microphones on the first floor." }),
        entry<tiledChamber> ({ "chamber_tiled",
                               "Tiled chamber",
                               C::chamber,
                               { "stereo", "bright", "long" },
                               3.580,
                               2,
                               "A 7 x 5 m chamber tiled all over: long and bright." }),
        entry<stoneCellar> ({ "chamber_stone_cellar",
                              "Stone cellar",
                              C::chamber,
                              { "stereo", "stone", "dark" },
                              2.180,
                              2,
                              "A 14 x 6 m stone cellar with a low ceiling." }),
        entry<lectureHall> ({ "hall_lecture",
                              "Lecture hall",
                              C::hall,
                              { "stereo", "speech", "short" },
                              0.655,
                              2,
                              "An 18 x 14 m lecture hall with upholstered seats and an absorbent ceiling." }),
        entry<smallHall> ({ "hall_small",
                            "Small hall",
                            C::hall,
                            { "stereo", "natural", "chamber music" },
                            1.221,
                            2,
                            "A 20 x 13 x 8 m recital hall with an audience." }),
        entry<concertHall> ({ "hall_concert",
                              "Concert hall (shoebox)",
                              C::hall,
                              { "stereo", "natural", "orchestra" },
                              1.795,
                              2,
                              "A 32 x 22 x 15 m shoebox concert hall, half the floor seated audience." }),
        entry<concertHallTrueStereo> ({ "hall_concert_true_stereo",
                                        "Concert hall (true stereo)",
                                        C::hall,
                                        { "true stereo", "natural", "orchestra" },
                                        1.817,
                                        4,
                                        "The shoebox concert hall with two sources 6 m apart: LL, LR, RL, RR." }),
        entry<largeHall> ({ "hall_large",
                            "Large hall",
                            C::hall,
                            { "stereo", "long", "orchestra" },
                            2.444,
                            2,
                            "A 45 x 28 x 20 m hall: wide and long." }),
        entry<emptyHall> ({ "hall_empty",
                            "Empty hall",
                            C::hall,
                            { "stereo", "long", "bright" },
                            2.436,
                            2,
                            "The concert hall without its audience: longer and brighter." }),
        entry<church> ({ "hall_church",
                         "Church",
                         C::hall,
                         { "stereo", "stone", "long", "choir" },
                         2.786,
                         2,
                         "A 32 x 14 x 14 m stone church with wooden pews." }),
        entry<cathedral> ({ "hall_cathedral",
                            "Cathedral",
                            C::hall,
                            { "stereo", "stone", "huge", "choir" },
                            6.548,
                            2,
                            "An 80 x 30 x 32 m stone nave: seconds of tail, the highs taken by the air." }),
        entry<brightPlate> ({ "plate_bright",
                              "Bright plate",
                              C::plate,
                              { "stereo", "bright", "short", "drums" },
                              1.038,
                              2,
                              "A short, bright steel plate for snares and percussion." }),
        entry<vocalPlate> ({ "plate_vocal",
                             "Vocal plate",
                             C::plate,
                             { "stereo", "vocals", "smooth" },
                             1.466,
                             2,
                             "A medium plate with softened highs, the classic on vocals." }),
        entry<darkPlate> ({ "plate_dark",
                            "Dark long plate",
                            C::plate,
                            { "stereo", "dark", "long", "pads" },
                            2.707,
                            2,
                            "A thin, heavily damped-at-the-top plate with a long low tail." }),
        entry<singleSpring> ({ "spring_single",
                               "Single spring",
                               C::spring,
                               { "stereo", "guitar", "vintage", "drip" },
                               2.270,
                               2,
                               "One spring: chirped echoes every 33 ms and more, as in a guitar amplifier." }),
        entry<twinSpring> ({ "spring_twin",
                             "Twin spring",
                             C::spring,
                             { "stereo", "guitar", "vintage" },
                             2.653,
                             2,
                             "Two springs of different lengths, one panned to each side." }),
        entry<longSpringTank> ({ "spring_long_tank",
                                 "Long spring tank",
                                 C::spring,
                                 { "stereo", "long", "dub" },
                                 4.220,
                                 2,
                                 "A three-spring studio tank with long springs and a long decay." }),
        entry<openBack1x12> (
            { "cab_1x12_open",
              "Guitar cabinet (1x12 open back)",
              C::cabinet,
              { "mono", "guitar", "open back" },
              0.0,
              1,
              "An open-back 1x12\" combo: loose lows, mid bite near 1.2 kHz and presence near 2.6 kHz." }),
        entry<closedBack2x12> ({ "cab_2x12_closed",
                                 "Guitar cabinet (2x12 closed back)",
                                 C::cabinet,
                                 { "mono", "guitar", "closed back" },
                                 0.0,
                                 1,
                                 "A closed-back 2x12\": thump at 110 Hz, a dip near 450 Hz, presence at 2.8 kHz." }),
        entry<closedBack4x12> ({ "cab_4x12",
                                 "Guitar cabinet (4x12)",
                                 C::cabinet,
                                 { "mono", "guitar", "heavy" },
                                 0.0,
                                 1,
                                 "A 4x12\" stack: deep resonance at 85 Hz, scooped mids, sharp presence." }),
        entry<bass1x15> ({ "cab_bass_1x15",
                           "Bass cabinet (1x15)",
                           C::cabinet,
                           { "mono", "bass", "deep" },
                           0.0,
                           1,
                           "A 1x15\" bass cabinet: resonance at 48 Hz, early roll-off." }),
        entry<bass4x10> ({ "cab_bass_4x10",
                           "Bass cabinet (4x10)",
                           C::cabinet,
                           { "mono", "bass", "punchy" },
                           0.0,
                           1,
                           "A 4x10\" bass cabinet: tighter lows at 62 Hz and more growl." }),
        entry<schroeder> ({ "digital_schroeder",
                            "Schroeder 1962",
                            C::classicDigital,
                            { "stereo", "vintage", "metallic" },
                            1.800,
                            2,
                            "Four combs and two allpasses, as Schroeder published them: audibly metallic." }),
        entry<moorer> ({ "digital_moorer",
                         "Moorer 1979",
                         C::classicDigital,
                         { "stereo", "vintage", "hall" },
                         1.790,
                         2,
                         "Moorer's tapped early reflections and six low-pass combs." }),
        entry<fdnRoom> ({ "digital_fdn_room",
                          "FDN room",
                          C::classicDigital,
                          { "stereo", "smooth", "short" },
                          0.789,
                          2,
                          "An eight-line feedback delay network (Jot) set as a room." }),
        entry<fdnHall> ({ "digital_fdn_hall",
                          "FDN hall",
                          C::classicDigital,
                          { "stereo", "smooth", "long" },
                          2.617,
                          2,
                          "The eight-line network with long lines and a long, darkening decay." }),
        entry<dattorro> ({ "digital_dattorro_plate",
                           "Dattorro plate",
                           C::classicDigital,
                           { "stereo", "plate", "dense" },
                           3.868,
                           2,
                           "Dattorro's 1997 plate-class figure-eight tank, unmodulated." }),
    };
    std::stable_sort (catalogue.begin(), catalogue.end(),
                      [] (const GeneratedIr& a, const GeneratedIr& b) { return a.category < b.category; });
    return catalogue;
}
} // namespace

const std::vector<GeneratedIr>& generatedFactoryIrs()
{
    static const auto catalogue = buildCatalogue();
    return catalogue;
}

const GeneratedIr* findGeneratedFactoryIr (std::string_view id)
{
    const auto& catalogue = generatedFactoryIrs();
    const auto found =
        std::find_if (catalogue.begin(), catalogue.end(), [id] (const GeneratedIr& ir) { return ir.id == id; });
    return found != catalogue.end() ? &*found : nullptr;
}

} // namespace partita
