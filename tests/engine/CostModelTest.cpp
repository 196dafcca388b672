// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/CostModel.h"

#include "engine/FftwPlanner.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace partita
{
namespace
{
const CostModel aModel (1.0e-9, { 1.0e-9, 0.6e-9, 0.4e-9 }, 0.25e-9);

/** The text with its line `index` (0: the format, 1: the machine) replaced. */
std::string withLine (const std::string& text, std::size_t index, const std::string& replacement)
{
    std::istringstream lines (text);
    std::string result;
    std::size_t at = 0;
    for (std::string line; std::getline (lines, line); ++at)
        result += (at == index ? replacement : line) + "\n";
    return result;
}
} // namespace

TEST (CostModel, TheMultiplyAccumulateFigureGrowsWithTheWorkingSetAndStaysBetweenItsMeasurements)
{
    // The planner compares levels of every size by it: a larger working set
    // must never look cheaper, and sizes between two timed ones must fall
    // between their figures.
    const auto& model = CostModel::measured();
    for (const auto sums : CostModel::sumsPerPassChoices)
    {
        EXPECT_EQ (model.multiplyAccumulateSecondsPerBin (0, sums),
                   model.multiplyAccumulateSecondsPerBin (CostModel::cachedWorkingSetBytes(), sums));
        double previous = 0.0;
        for (std::size_t bytes = std::size_t { 1 } << 18; bytes <= (std::size_t { 1 } << 26); bytes += bytes / 4)
        {
            const auto figure = model.multiplyAccumulateSecondsPerBin (bytes, sums);
            EXPECT_GE (figure, previous) << bytes << " bytes, " << sums << " sums";
            EXPECT_GT (figure, 0.0);
            previous = figure;
        }
    }
}

TEST (CostModel, SerialisedFiguresReadBackExactly)
{
    const auto text = aModel.serialise();
    const auto read = CostModel::parse (text);
    ASSERT_TRUE (read.has_value());
    EXPECT_EQ (*read, aModel);
    EXPECT_EQ (CostModel::parse (CostModel::measured().serialise()), CostModel::measured());
}

TEST (CostModel, FiguresFromAnotherMachineOrADamagedFileAreIgnored)
{
    const auto text = aModel.serialise();
    EXPECT_FALSE (CostModel::parse (""));
    EXPECT_FALSE (CostModel::parse ("not a cost model"));
    EXPECT_FALSE (CostModel::parse (withLine (text, 0, "partita-cost-model 0")));
    EXPECT_FALSE (CostModel::parse (withLine (text, 1, "another CPU; cache 1")));
    EXPECT_FALSE (CostModel::parse (text.substr (0, text.size() / 2))) << "cut short";
    EXPECT_FALSE (CostModel::parse (withLine (text, 5, "nan")));
    EXPECT_FALSE (CostModel::parse (withLine (text, 5, "-0x1p-30")));
    EXPECT_FALSE (CostModel::parse (withLine (text, 5, "0x1p-30 and more")));
    EXPECT_TRUE (CostModel::parse (withLine (text, 5, "0x1p-30")));
}

TEST (CostModel, LowerOfTakesEachFiguresMinimum)
{
    const CostModel other (2.0e-9, { 0.5e-9, 0.7e-9, 0.3e-9 }, 0.1e-9);
    const auto lower = CostModel::lowerOf (aModel, other);
    EXPECT_EQ (lower.fftSeconds (1024), aModel.fftSeconds (1024));
    EXPECT_EQ (lower.multiplyAccumulateSecondsPerBin (0, 1), 0.5e-9);
    EXPECT_EQ (lower.multiplyAccumulateSecondsPerBin (0, 2), 0.6e-9);
    EXPECT_EQ (lower.multiplyAccumulateSecondsPerBin (std::size_t { 1 } << 30, 4), 0.3e-9);
    EXPECT_EQ (lower.directSecondsPerTap(), 0.1e-9);
    EXPECT_EQ (CostModel::lowerOf (aModel, aModel), aModel);
}

TEST (CostModel, TheMeasurementKeepsItsFiguresBesideTheWisdomForTheNextStart)
{
    const auto& measured = CostModel::measured();
    const auto wisdom = fftwPlanner::wisdomPath();
    if (wisdom.empty())
        GTEST_SKIP() << "no wisdom file here (PARTITA_FFTW_WISDOM=off or no home)";
    std::ifstream stream (wisdom.string() + ".cost-model", std::ios::binary);
    ASSERT_TRUE (stream) << "no figures kept beside " << wisdom;
    std::ostringstream text;
    text << stream.rdbuf();
    const auto kept = CostModel::parse (text.str());
    ASSERT_TRUE (kept.has_value());
    // Another test process may have kept lower figures since: never higher.
    EXPECT_EQ (CostModel::lowerOf (*kept, measured), *kept);
}

} // namespace partita
