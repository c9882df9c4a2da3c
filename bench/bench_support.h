// Small helpers shared by the benchmark programs: timing, percentiles, and running a
// piece of work in a child process so that its peak memory is its own.
#ifndef NOTESTORE_BENCH_BENCH_SUPPORT_H_
#define NOTESTORE_BENCH_BENCH_SUPPORT_H_

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

namespace notestore::bench {

using Clock = std::chrono::steady_clock;

inline double SecondsSince(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// The p-th percentile (0..1) of `values`, nearest rank.
inline double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t i =
      std::min(values.size() - 1, static_cast<size_t>(p * static_cast<double>(values.size())));
  return values[i];
}

// What a child reported back: a few numbers it chose, a line of text, its wall time and
// peak memory.
struct ChildResult {
  bool ok = false;
  double seconds = 0;
  double peak_rss_mb = 0;
  double values[8] = {};
  char text[512] = {};  // NUL-terminated.
};

// Runs `work` in a forked child; `work` fills `values` and returns false on failure.
// The child's peak RSS excludes the parent's memory only as far as the parent has not
// touched much before forking: call this before building large structures.
inline ChildResult RunInChild(const std::function<bool(double* values, char* text)>& work) {
  int fds[2];
  if (pipe(fds) != 0) return {};
  std::fflush(stdout);
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    ChildResult r;
    const auto start = Clock::now();
    try {
      r.ok = work(r.values, r.text);
      r.text[sizeof r.text - 1] = '\0';
    } catch (const std::exception& e) {
      std::fprintf(stderr, "bench child: %s\n", e.what());
    }
    r.seconds = SecondsSince(start);
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    r.peak_rss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
    const ssize_t n = write(fds[1], &r, sizeof r);
    std::fflush(stdout);
    _exit(n == sizeof r ? 0 : 1);
  }
  close(fds[1]);
  ChildResult r;
  if (read(fds[0], &r, sizeof r) != sizeof r) r = ChildResult{};
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return r;
}

}  // namespace notestore::bench

#endif  // NOTESTORE_BENCH_BENCH_SUPPORT_H_
