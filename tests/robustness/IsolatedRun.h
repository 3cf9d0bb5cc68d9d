#pragma once
// Runs a reader or an analysis in a child process, so that a crash, a hang or runaway memory use is
// reported as a test failure instead of taking the test program (or the machine) down.
#include <functional>
#include <string>

namespace sl::test {

struct IsolatedOutcome {
    enum class End { Value, Error, Crashed, TimedOut } end = End::Crashed;
    std::string message;        // the Error's description, the crash signal or the exception text
    long peakGrowthKb = 0;      // growth of the peak resident set size while `work` ran
    double seconds = 0;

    bool returned() const { return end == End::Value || end == End::Error; }
    std::string describe() const;
};

// What `work` gives back: empty for a value, else the description of its Error.
using IsolatedWork = std::function<std::string()>;

// Runs `work` in a forked child limited to `memoryCapMb` of address space and `timeoutSeconds`.
IsolatedOutcome runIsolated(const IsolatedWork& work, double timeoutSeconds = 60, long memoryCapMb = 4096);

}  // namespace sl::test
