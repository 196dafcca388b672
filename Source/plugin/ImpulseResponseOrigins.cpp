// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImpulseResponseOrigins.h"

#include <algorithm>
#include <utility>

namespace partita
{

void ImpulseResponseOrigins::remember (std::uint64_t hash, std::string path)
{
    const std::scoped_lock guard (lock);
    std::erase_if (origins, [hash] (const Origin& origin) { return origin.hash == hash; });
    origins.push_back ({ hash, std::move (path) });
    while (origins.size() > capacity)
        origins.pop_front();
}

std::string ImpulseResponseOrigins::pathFor (std::uint64_t hash) const
{
    const std::scoped_lock guard (lock);
    const auto found =
        std::find_if (origins.rbegin(), origins.rend(), [hash] (const Origin& origin) { return origin.hash == hash; });
    return found != origins.rend() ? found->path : std::string {};
}

} // namespace partita
