// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrReverse.h"

#include <algorithm>

namespace partita
{

void reverseImpulseResponse (AudioClip& impulseResponse) noexcept
{
    for (auto& channel : impulseResponse.channels)
        std::reverse (channel.begin(), channel.end());
}

} // namespace partita
