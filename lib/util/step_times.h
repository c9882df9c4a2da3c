// Wall-clock laps of an ingest's steps, for IngestReport::steps: where a slow run spent
// its time, without a profiler.
#ifndef NOTESTORE_LIB_UTIL_STEP_TIMES_H_
#define NOTESTORE_LIB_UTIL_STEP_TIMES_H_

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "notestore/ingest.h"

namespace notestore::util {

// Each Lap ends the step running since the previous one (or since construction) and
// names it. Not thread-safe: the ingesting thread owns it.
class StepTimes {
 public:
  StepTimes() : last_(Clock::now()) {}

  void Lap(std::string name) {
    const Clock::time_point now = Clock::now();
    steps_.push_back(
        IngestStep{std::move(name), std::chrono::duration<double>(now - last_).count()});
    last_ = now;
  }

  std::vector<IngestStep> Take() { return std::move(steps_); }

 private:
  using Clock = std::chrono::steady_clock;
  Clock::time_point last_;
  std::vector<IngestStep> steps_;
};

}  // namespace notestore::util

#endif  // NOTESTORE_LIB_UTIL_STEP_TIMES_H_
