// SPDX-License-Identifier: GPL-3.0-or-later
#include "DelayLine.h"

#include <algorithm>

namespace partita
{

DelayLine::DelayLine (std::size_t length)
    : buffer (std::max<std::size_t> (length, 1), 0.0)
{
}

double DelayLine::read (std::size_t ago) const noexcept
{
    // position is where the next write goes, i.e. the sample written
    // length ticks ago; the one written `ago` ticks ago is length - ago later.
    const auto size = buffer.size();
    const auto index = (position + size - std::min (ago, size)) % size;
    return buffer[index];
}

void DelayLine::write (double sample) noexcept
{
    buffer[position] = sample;
    position = position + 1 == buffer.size() ? 0 : position + 1;
}

SchroederAllpass::SchroederAllpass (std::size_t delay, double gain)
    : delayed (delay)
    , g (gain)
{
}

double SchroederAllpass::process (double x) noexcept
{
    const auto old = delayed.oldest();
    const auto v = x + g * old;
    delayed.write (v);
    return old - g * v;
}

} // namespace partita
