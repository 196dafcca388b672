// SPDX-License-Identifier: GPL-3.0-or-later
#include "CabinetModel.h"

#include "FactoryIrFinishing.h"
#include "SecondOrderFilter.h"

#include <algorithm>
#include <utility>

namespace partita
{

CabinetModel::CabinetModel (CabinetDesign cabinetDesign, double sampleRate)
    : design (std::move (cabinetDesign))
    , rate (sampleRate)
{
}

AudioClip CabinetModel::render() const
{
    std::vector<double> response (std::max<std::size_t> (design.numFrames, 1), 0.0);
    response.front() = 1.0;
    if (design.combDelaySamples < response.size())
        response[design.combDelaySamples] += design.combGain;

    SecondOrderFilter::highPass (design.resonanceHz, design.resonanceQ, rate).run (response);
    for (const auto& peak : design.peaks)
        SecondOrderFilter::peak (peak.hz, peak.q, peak.gainDb, rate).run (response);
    const auto rollOff = SecondOrderFilter::lowPass (design.rollOffHz, design.rollOffQ, rate);
    for (std::size_t i = 0; i < design.rollOffSections; ++i)
        rollOff.run (response);

    AudioClip clip;
    clip.sampleRate = rate;
    clip.channels.push_back (std::move (response));
    finishFactoryIr (clip, 0.1);
    return clip;
}

} // namespace partita
