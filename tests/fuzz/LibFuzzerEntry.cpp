// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer's entry point for one target; PARTITA_FUZZ_CHECK names the
// check function (FuzzTargets.h), set per executable by tests/fuzz/CMakeLists.txt.
#include "FuzzTargets.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput (const std::uint8_t* data, std::size_t size)
{
    try
    {
        partita::fuzz::PARTITA_FUZZ_CHECK (std::span<const std::uint8_t> (data, size));
    }
    catch (const partita::fuzz::ContractViolation& violation)
    {
        std::fprintf (stderr, "partita fuzz contract violation: %s\n", violation.what());
        std::abort();
    }
    return 0;
}
