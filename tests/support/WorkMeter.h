// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace partita::test
{

/** The work this process did since the meter was made: CPU time over all its
    threads, and bytes read through read() and pread() (Linux's rchar in
    /proc/self/io). For tests that check a refusal is cheap ("refused from the
    header, not after decoding the file"): unlike the wall clock, neither
    figure grows when other processes load the machine, yet both grow with
    the work a regression would add (decoding, zero-filling a huge buffer,
    reading a whole file).

    Threading: make and read it on one thread; it counts every thread of the
    process. */
class WorkMeter
{
public:
    WorkMeter();

    [[nodiscard]] double cpuMilliseconds() const;
    /** Bytes read since construction; -1 where /proc/self/io cannot be read. */
    [[nodiscard]] std::int64_t bytesRead() const;

    /** Process CPU time now, in ms. */
    static double processCpuMilliseconds();
    /** The process's rchar now, or -1. */
    static std::int64_t processBytesRead();

private:
    double cpuAtStart;
    std::int64_t bytesAtStart;
};

} // namespace partita::test
