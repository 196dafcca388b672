// SPDX-License-Identifier: GPL-3.0-or-later
// The fuzzers' contract checks run over their seed corpora and over every
// input a fuzzer ever crashed on (tests/fuzz/regressions/<target>/), in the
// ordinary build: a crash found once stays fixed.
#include "FuzzTargets.h"

#include <gtest/gtest.h>

#include <chrono>
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
                const auto started = std::chrono::steady_clock::now();
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
                const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
                EXPECT_LT (elapsed.count(), 1.0) << entry.path() << " took " << elapsed.count() << " s";
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
