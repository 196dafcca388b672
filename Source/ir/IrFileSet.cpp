// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrFileSet.h"

#include <algorithm>
#include <stdexcept>

namespace partita
{

std::vector<std::filesystem::path> IrFileSet::allFiles() const
{
    std::vector<std::filesystem::path> files;
    for (const auto& variant : variants)
        files.insert (files.end(), variant.files.begin(), variant.files.end());
    return files;
}

bool IrFileSet::contains (const std::filesystem::path& file) const
{
    return std::any_of (variants.begin(), variants.end(),
                        [&] (const IrFileSetVariant& variant) {
                            return std::find (variant.files.begin(), variant.files.end(), file) != variant.files.end();
                        });
}

const IrFileSetVariant& chooseIrFileSetVariant (const IrFileSet& set, double sessionRate)
{
    if (set.variants.empty())
        throw std::invalid_argument ("an IR set without files");

    const IrFileSetVariant* closestHigher = nullptr;
    const IrFileSetVariant* closestLower = nullptr;
    for (const auto& variant : set.variants)
    {
        if (!variant.sampleRate)
            continue;
        const double rate = *variant.sampleRate;
        if (rate == sessionRate)
            return variant;
        if (rate > sessionRate && (closestHigher == nullptr || rate < *closestHigher->sampleRate))
            closestHigher = &variant;
        if (rate < sessionRate && (closestLower == nullptr || rate > *closestLower->sampleRate))
            closestLower = &variant;
    }
    if (closestHigher != nullptr)
        return *closestHigher;
    if (closestLower != nullptr)
        return *closestLower;
    return set.variants.front();
}

std::string_view describeIrFileSetLayout (IrFileSetLayout layout) noexcept
{
    switch (layout)
    {
        case IrFileSetLayout::single:
            return "single file";
        case IrFileSetLayout::leftRight:
            return "left/right pair";
        case IrFileSetLayout::trueStereo:
            return "true-stereo quad";
    }
    return "single file";
}

} // namespace partita
