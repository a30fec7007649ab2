#pragma once

// Wall time, process CPU time and peak memory, printed side by side by every benchmark: on a
// shared, loaded machine wall time measures the neighbours as much as the code, so CPU time
// (all threads together) is the comparable figure.

#include <sys/resource.h>

#include <chrono>
#include <ctime>

namespace greenrenew::bench {

using Clock = std::chrono::steady_clock;

inline double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

inline double processCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

/// Peak resident memory of the process so far, in MB.
inline long peakMemoryMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

} // namespace greenrenew::bench
