// SPDX-License-Identifier: GPL-3.0-or-later
#include "FactoryCatalogue.h"

#include <algorithm>

namespace partita
{
namespace
{
std::vector<GeneratedIr> buildCatalogue()
{
    std::vector<GeneratedIr> catalogue;
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
