// SPDX-License-Identifier: GPL-3.0-or-later
#include "FactoryImpulseResponses.h"

#include <PartitaFactoryIrs.h>
#include <algorithm>
#include <array>
#include <string_view>

namespace partita
{
namespace
{
struct KnownIr
{
    std::string_view fileName;
    std::string_view displayName;
};

// Menu order and names; a resource not listed here still appears, under its
// file name, after these.
constexpr std::array knownIrs {
    KnownIr { "hall_ir.wav", "Concert hall" },
    KnownIr { "plate.wav", "Plate" },
    KnownIr { "small_room.wav", "Small room" },
    KnownIr { "cabinet.wav", "Guitar cabinet (2x12)" },
};

std::vector<FactoryImpulseResponse> collect()
{
    std::vector<FactoryImpulseResponse> found;
    for (int i = 0; i < PartitaFactoryIrs::namedResourceListSize; ++i)
    {
        const auto* resourceName = PartitaFactoryIrs::namedResourceList[i];
        int size = 0;
        const auto* data = PartitaFactoryIrs::getNamedResource (resourceName, size);
        const std::string fileName = PartitaFactoryIrs::getNamedResourceOriginalFilename (resourceName);
        if (data == nullptr || size <= 0)
            continue;

        const auto known = std::find_if (knownIrs.begin(), knownIrs.end(),
                                         [&fileName] (const KnownIr& ir) { return ir.fileName == fileName; });
        FactoryImpulseResponse ir;
        ir.fileName = fileName;
        ir.displayName = known != knownIrs.end() ? std::string (known->displayName) : fileName;
        ir.bytes = { reinterpret_cast<const std::uint8_t*> (data), static_cast<std::size_t> (size) };
        found.push_back (std::move (ir));
    }

    const auto rank = [] (const FactoryImpulseResponse& ir)
    {
        const auto known = std::find_if (knownIrs.begin(), knownIrs.end(),
                                         [&ir] (const KnownIr& k) { return k.fileName == ir.fileName; });
        return static_cast<std::size_t> (known - knownIrs.begin());
    };
    std::stable_sort (found.begin(), found.end(),
                      [&rank] (const auto& a, const auto& b) { return rank (a) < rank (b); });
    return found;
}
} // namespace

const std::vector<FactoryImpulseResponse>& factoryImpulseResponses()
{
    static const auto list = collect();
    return list;
}

const FactoryImpulseResponse* defaultFactoryImpulseResponse()
{
    const auto& list = factoryImpulseResponses();
    const auto found = std::find_if (list.begin(), list.end(),
                                     [] (const FactoryImpulseResponse& ir) { return ir.fileName == "small_room.wav"; });
    return found != list.end() ? &*found : nullptr;
}

} // namespace partita
