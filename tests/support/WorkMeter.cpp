// SPDX-License-Identifier: GPL-3.0-or-later
#include "WorkMeter.h"

#include <ctime>
#include <fstream>
#include <string>

namespace partita::test
{

WorkMeter::WorkMeter()
    : cpuAtStart (processCpuMilliseconds())
    , bytesAtStart (processBytesRead())
{
}

double WorkMeter::cpuMilliseconds() const
{
    return processCpuMilliseconds() - cpuAtStart;
}

std::int64_t WorkMeter::bytesRead() const
{
    const auto now = processBytesRead();
    return now < 0 || bytesAtStart < 0 ? -1 : now - bytesAtStart;
}

double WorkMeter::processCpuMilliseconds()
{
    timespec time {};
    ::clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &time);
    return static_cast<double> (time.tv_sec) * 1000.0 + static_cast<double> (time.tv_nsec) / 1.0e6;
}

std::int64_t WorkMeter::processBytesRead()
{
    std::ifstream io ("/proc/self/io");
    std::string field;
    std::int64_t value = 0;
    while (io >> field >> value)
        if (field == "rchar:")
            return value;
    return -1;
}

} // namespace partita::test
