#include "IsolatedRun.h"

#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

namespace sl::test {

namespace {

long peakRssKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// The resident set size now, from /proc/self/statm.
long currentRssKb()
{
    long pages = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

void writeAll(int fd, const std::string& text)
{
    size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n <= 0) return;
        done += static_cast<size_t>(n);
    }
}

}  // namespace

std::string IsolatedOutcome::describe() const
{
    std::string what;
    switch (end) {
    case End::Value: what = "returned a value"; break;
    case End::Error: what = "returned an Error (" + message + ")"; break;
    case End::Crashed: what = "crashed (" + message + ")"; break;
    case End::TimedOut: what = "did not finish in time"; break;
    }
    return what + " after " + std::to_string(seconds) + " s, peak memory growth " +
           std::to_string(peakGrowthKb / 1024) + " MB";
}

IsolatedOutcome runIsolated(const IsolatedWork& work, double timeoutSeconds, long memoryCapMb)
{
    IsolatedOutcome outcome;
    int fds[2];
    if (pipe(fds) != 0) {
        outcome.message = "pipe() failed";
        return outcome;
    }
    const auto started = std::chrono::steady_clock::now();
    const pid_t child = fork();
    if (child == 0) {
        ::close(fds[0]);
#if !defined(__SANITIZE_ADDRESS__)
        // AddressSanitizer reserves terabytes of address space for its shadow memory, so under
        // ./test --sanitize the cap would refuse every allocation; there the peak-growth check alone bounds memory.
        rlimit cap{};
        cap.rlim_cur = cap.rlim_max = static_cast<rlim_t>(memoryCapMb) << 20;
        setrlimit(RLIMIT_AS, &cap);
#else
        (void)memoryCapMb;
#endif
        // The peak so far is at least the current size; growth is measured from the larger of the two.
        const long before = std::max(peakRssKb(), currentRssKb());
        std::string report;
        try {
            const std::string error = work();
            report = (error.empty() ? "V" : "E") + error;
        } catch (const std::exception& e) {
            report = std::string("Xexception: ") + e.what();
        } catch (...) {
            report = "Xunknown exception";
        }
        const long growth = std::max(0L, peakRssKb() - before);
        writeAll(fds[1], std::to_string(growth) + "\n" + report);
        ::close(fds[1]);
        _exit(0);
    }
    ::close(fds[1]);
    std::string received;
    bool timedOut = false;
    for (;;) {
        const double elapsed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (elapsed >= timeoutSeconds) {
            timedOut = true;
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        const int ready = poll(&p, 1, static_cast<int>((timeoutSeconds - elapsed) * 1000) + 1);
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) continue;
        char buffer[4096];
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n <= 0) break;
        received.append(buffer, static_cast<size_t>(n));
    }
    ::close(fds[0]);
    if (timedOut) kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (timedOut) {
        outcome.end = IsolatedOutcome::End::TimedOut;
        return outcome;
    }
    const size_t newline = received.find('\n');
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || newline == std::string::npos || newline + 1 >= received.size()) {
        outcome.end = IsolatedOutcome::End::Crashed;
        outcome.message = WIFSIGNALED(status) ? std::string("signal ") + strsignal(WTERMSIG(status))
                                              : "exit status " + std::to_string(WEXITSTATUS(status));
        return outcome;
    }
    outcome.peakGrowthKb = std::stol(received.substr(0, newline));
    const char kind = received[newline + 1];
    outcome.message = received.substr(newline + 2);
    outcome.end = kind == 'V' ? IsolatedOutcome::End::Value
                  : kind == 'E' ? IsolatedOutcome::End::Error
                                : IsolatedOutcome::End::Crashed;
    return outcome;
}

}  // namespace sl::test
