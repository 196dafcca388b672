// SPDX-License-Identifier: GPL-3.0-or-later
// The fuzzers' contract checks run over their seed corpora and over every
// input a fuzzer ever crashed on (tests/fuzz/regressions/<target>/), in the
// ordinary build: a crash found once stays fixed.
#include "FuzzTargets.h"
#include "WorkMeter.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

namespace partita
{
namespace
{
    std::vector<std::uint8_t> bytesOf (const std::filesystem::path& path)
    {
        std::ifstream file (path, std::ios::binary);
        return { std::istreambuf_iterator<char> (file), std::istreambuf_iterator<char>() };
    }

    /** Runs check over every file of the target's corpus and regressions;
        returns how many files it saw. */
    std::size_t replay (const std::string& target, const std::function<void (std::span<const std::uint8_t>)>& check)
    {
        const std::filesystem::path root = PARTITA_FUZZ_DIR;
        std::size_t files = 0;
        for (const auto* folder : { "corpus", "regressions" })
        {
            const auto directory = root / folder / target;
            if (! std::filesystem::is_directory (directory))
                continue;
            for (const auto& entry : std::filesystem::directory_iterator (directory))
            {
                if (! entry.is_regular_file())
                    continue;
                const auto bytes = bytesOf (entry.path());
                // CPU time, not the wall clock: a loaded machine must not fail
                // it, a check that spins or decodes far too much still does.
                const test::WorkMeter work;
                try
                {
                    check (bytes);
                }
                catch (const fuzz::ContractViolation& violation)
                {
                    ADD_FAILURE() << entry.path() << ": " << violation.what();
                }
                catch (const std::exception& error)
                {
                    ADD_FAILURE() << entry.path() << ": the check itself threw: " << error.what();
                }
                const auto seconds = work.cpuMilliseconds() / 1000.0;
                EXPECT_LT (seconds, 1.0) << entry.path() << " took " << seconds << " s of CPU";
                ++files;
            }
        }
        return files;
    }
} // namespace

TEST (FuzzCorpus, EveryImpulseResponseSeedAndRegressionKeepsTheLoadersContract)
{
    EXPECT_GT (replay ("fuzz_ir_loader", fuzz::checkImpulseResponseLoader), 30u);
}

TEST (FuzzCorpus, EveryCommandLineSeedAndRegressionKeepsTheParsersContract)
{
    EXPECT_GT (replay ("fuzz_command_line", fuzz::checkCommandLine), 10u);
}

#if PARTITA_FUZZ_HAS_STATE
TEST (FuzzCorpus, EveryPluginStateSeedAndRegressionKeepsTheStateParsersContract)
{
    EXPECT_GT (replay ("fuzz_plugin_state", fuzz::checkPluginState), 15u);
}
#endif

} // namespace partita
