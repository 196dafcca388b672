// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/RenderOptionTable.h"
#include "cli/UsageError.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace partita::test
{

/** The one line `partita render` refuses these arguments with; a test
    failure when it takes them. */
inline std::string usageErrorOf (const std::vector<std::string>& arguments)
{
    try
    {
        (void)parseRenderArguments (arguments);
    }
    catch (const UsageError& error)
    {
        return error.what();
    }
    ADD_FAILURE() << "no UsageError";
    return {};
}

} // namespace partita::test
