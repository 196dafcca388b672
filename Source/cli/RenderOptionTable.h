// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OptionSpec.h"
#include "RenderOptions.h"

#include <span>
#include <string>

namespace partita
{

/** The two kinds of `partita render`, as OptionModes bits. */
inline constexpr OptionModes irRender = 1;
inline constexpr OptionModes stateRender = 2;

/** Every option of `partita render`, in the order the help lists them. */
std::span<const Option<RenderOptions>> renderOptionTable();

/** Parses the arguments after "render". Throws UsageError with one line for
    anything it does not understand, never anything else. */
RenderOptions parseRenderArguments (std::span<const std::string> arguments);

} // namespace partita
