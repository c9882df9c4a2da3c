// Lowering the CPU priority of the calling thread, so that helper threads yield their
// core to the thread whose progress bounds the work (an ingest's writer).
#ifndef NOTESTORE_LIB_UTIL_THREAD_PRIORITY_H_
#define NOTESTORE_LIB_UTIL_THREAD_PRIORITY_H_

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace notestore::util {

// Raises the calling thread's nice value by `by` (at most to 19); `by` <= 0 does nothing.
// On Linux a thread's nice value is its own (threads it starts inherit it). Lowering a
// priority needs no privilege; a failure leaves the priority as it was, which only
// costs speed, so it is ignored.
inline void LowerThreadPriority(int by) {
  if (by <= 0) return;
  const auto self = static_cast<id_t>(gettid());
  errno = 0;
  const int now = getpriority(PRIO_PROCESS, self);  // -1 is a valid value: check errno.
  if (errno != 0) return;
  setpriority(PRIO_PROCESS, self, std::min(19, now + std::min(by, 19)));
}

}  // namespace notestore::util

#endif  // NOTESTORE_LIB_UTIL_THREAD_PRIORITY_H_
