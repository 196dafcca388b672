// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrChannelSelection.h"

namespace partita
{

namespace
{
/** 1 .. 8 for a single channel, 0 for all and the sum. */
std::size_t chosenChannelNumber (IrChannelSelection selection) noexcept
{
    const auto index = static_cast<std::size_t> (selection);
    return index >= 1 && index <= maxSelectableIrChannel ? index : 0;
}
} // namespace

SelectedIrChannels selectIrChannels (const AudioClip& impulseResponse, IrChannelSelection selection)
{
    SelectedIrChannels selected;
    selected.clip.sampleRate = impulseResponse.sampleRate;
    const auto numChannels = impulseResponse.numChannels();
    if (selection == IrChannelSelection::all || numChannels == 0)
    {
        selected.clip = impulseResponse;
        return selected;
    }

    if (selection == IrChannelSelection::sumToMono)
    {
        std::vector<double> sum (impulseResponse.numFrames(), 0.0);
        for (const auto& channel : impulseResponse.channels)
            for (std::size_t n = 0; n < sum.size(); ++n)
                sum[n] += channel[n];
        const double scale = 1.0 / static_cast<double> (numChannels);
        for (auto& sample : sum)
            sample *= scale;
        selected.clip.channels.push_back (std::move (sum));
        return selected;
    }

    const auto number = chosenChannelNumber (selection);
    selected.fellBackToFirst = number > numChannels;
    selected.clip.channels.push_back (impulseResponse.channels[selected.fellBackToFirst ? 0 : number - 1]);
    return selected;
}

std::string describeIrChannelSelection (IrChannelSelection selection, std::size_t numChannels, bool fellBackToFirst)
{
    if (selection == IrChannelSelection::all || numChannels == 0)
        return {};
    if (selection == IrChannelSelection::sumToMono)
        return numChannels == 1 ? std::string {} : std::to_string (numChannels) + " channels summed";
    const auto number = chosenChannelNumber (selection);
    if (fellBackToFirst)
        return "no channel " + std::to_string (number) + " in " + std::to_string (numChannels)
               + (numChannels == 1 ? " channel" : " channels") + ": channel 1 plays";
    if (numChannels == 1)
        return {};
    return "channel " + std::to_string (number) + " of " + std::to_string (numChannels);
}

} // namespace partita
