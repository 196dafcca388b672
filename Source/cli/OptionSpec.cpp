// SPDX-License-Identifier: GPL-3.0-or-later
#include "OptionSpec.h"

#include <string>

namespace partita
{

std::string OptionSpec::helpLabel() const
{
    std::string label;
    if (!shortName.empty())
        label.append (shortName).append (", ");
    label.append (longName);

    if (value == OptionValue::none)
        return label;
    if (numValues > 1)
    {
        // "--normalize-output peak|loudness TARGET"
        label.append (" ").append (choices ? barList (choices->documented) : std::string (valueName));
        for (std::size_t extra = 1; extra < numValues; ++extra)
            label.append (" ").append (valueName);
        return label;
    }
    // A choice with a value name (a long list) shows the name; the help lists them.
    const auto shown = choices && valueName.empty() ? barList (choices->documented) : std::string (valueName);
    if (value == OptionValue::optional)
        return label + " [" + shown + "]";
    return label + " " + shown;
}

bool OptionSpec::isNamed (std::string_view name) const noexcept
{
    return name == longName || (!shortName.empty() && name == shortName)
           || (!otherSpelling.empty() && name == otherSpelling);
}

} // namespace partita
