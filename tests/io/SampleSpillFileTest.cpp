// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/SampleSpillFile.h"

#include "io/AudioFileError.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace partita
{
namespace
{
TEST (SampleSpillFile, GivesBackEverySampleAsWrittenInBlocksOfAnyLength)
{
    // Values a float file could not hold, and the non-finite ones, come back exact.
    const std::vector<double> left { 0.1, -1.0 / 3.0, 1.0e-310, std::numeric_limits<double>::infinity(), 7.5 };
    const std::vector<double> right { 2.0, std::nan (""), -0.0, 1.0e300, -7.5 };

    SampleSpillFile spill (2, "out.wav");
    const double* first[] = { left.data(), right.data() };
    spill.write (first, 2);
    const double* rest[] = { left.data() + 2, right.data() + 2 };
    spill.write (rest, 3);
    spill.rewind();

    std::vector<double> readLeft (5), readRight (5);
    double* firstRead[] = { readLeft.data(), readRight.data() };
    spill.read (firstRead, 4);
    double* lastRead[] = { readLeft.data() + 4, readRight.data() + 4 };
    spill.read (lastRead, 1);

    for (std::size_t n = 0; n < left.size(); ++n)
    {
        EXPECT_EQ (std::memcmp (&readLeft[n], &left[n], sizeof (double)), 0) << n;
        EXPECT_EQ (std::memcmp (&readRight[n], &right[n], sizeof (double)), 0) << n;
    }
}

TEST (SampleSpillFile, ReadingPastTheEndNamesTheOutput)
{
    SampleSpillFile spill (1, "wet.wav");
    const std::vector<double> samples (10, 0.5);
    const double* channels[] = { samples.data() };
    spill.write (channels, samples.size());
    spill.rewind();

    std::vector<double> target (11);
    double* into[] = { target.data() };
    try
    {
        spill.read (into, 11);
        FAIL() << "read 11 frames of 10";
    }
    catch (const AudioFileError& error)
    {
        EXPECT_EQ (std::string (error.what()),
                   "cannot read the temporary samples of 'wet.wav': unexpected end of file");
    }
}
} // namespace
} // namespace partita
