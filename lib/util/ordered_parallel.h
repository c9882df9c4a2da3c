// An ordered parallel map: work items computed on several threads, handed back one at a
// time, in order, on the calling thread. Used to parse notes on all cores while the one
// thread that owns the SQLite connection writes them in scan order.
#ifndef NOTESTORE_LIB_UTIL_ORDERED_PARALLEL_H_
#define NOTESTORE_LIB_UTIL_ORDERED_PARALLEL_H_

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "util/thread_priority.h"

namespace notestore::util {

// The worker threads for a request: `requested` when positive, else one per core.
inline int WorkerThreads(int requested) {
  if (requested > 0) return requested;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

// Calls produce(i) for every i in [0, n) on `threads` worker threads, and consume(i, T&&)
// on the calling thread in increasing i. At most `window` results wait at once, which
// bounds memory. `produce` must be safe to call concurrently. A result that `consume`
// leaves in place (it need not move from it) is destroyed on a worker thread: that takes
// a note's thousands of frees off the consuming thread, where freeing memory another
// thread allocated waits for that thread's malloc arena. (At most twice `window` of them
// wait for a worker; beyond that, and those no worker is left to take at the end, are
// destroyed on the calling thread.) An exception from either stops the work, joins the
// workers and is rethrown here (the first one, in index order for producers). With
// threads <= 1 everything runs on the calling thread. Workers run `worker_niceness` below
// the calling thread's CPU priority (LowerThreadPriority).
template <typename T, typename Produce, typename Consume>
void OrderedParallelMap(size_t n, int threads, size_t window, Produce&& produce, Consume&& consume,
                        int worker_niceness = 0) {
  if (threads <= 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i) consume(i, produce(i));
    return;
  }
  if (window < static_cast<size_t>(threads)) window = static_cast<size_t>(threads);
  struct Slot {
    std::optional<T> value;
    std::exception_ptr error;
    bool ready = false;
  };
  std::vector<Slot> slots(window);
  std::mutex mu;
  std::condition_variable ready_cv;  // A slot was filled.
  std::condition_variable space_cv;  // A slot was emptied, or work stops.
  size_t next = 0;                   // Next index to hand to a worker.
  size_t consumed = 0;               // Indexes below this have been consumed.
  bool stop = false;
  std::vector<T> retired;  // Consumed results, for a worker to destroy.

  auto worker = [&] {
    LowerThreadPriority(worker_niceness);
    std::vector<T> to_destroy;
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mu);
        space_cv.wait(lock, [&] { return stop || next >= n || next < consumed + window; });
        to_destroy.swap(retired);
        if (stop || next >= n) return;  // Destroys them (after unlocking).
        i = next++;
      }
      to_destroy.clear();  // Outside the lock.
      Slot result;
      try {
        result.value.emplace(produce(i));
      } catch (...) {
        result.error = std::current_exception();
      }
      {
        std::lock_guard<std::mutex> lock(mu);
        Slot& slot = slots[i % window];
        slot.value = std::move(result.value);
        slot.error = result.error;
        slot.ready = true;
        ready_cv.notify_all();
        to_destroy.swap(retired);  // Taken here too, or they pile up while this one works.
      }
      to_destroy.clear();
    }
  };

  std::vector<std::thread> pool;
  // Joins the workers however this function is left.
  struct Joiner {
    std::vector<std::thread>& pool;
    std::mutex& mu;
    std::condition_variable& space_cv;
    bool& stop;
    ~Joiner() {
      {
        std::lock_guard<std::mutex> lock(mu);
        stop = true;
      }
      space_cv.notify_all();
      for (std::thread& t : pool) t.join();
    }
  } joiner{pool, mu, space_cv, stop};
  for (int t = 0; t < threads; ++t) pool.emplace_back(worker);

  std::optional<T> done;  // The result consumed last, retired at the next lock.
  for (size_t i = 0; i < n; ++i) {
    Slot taken;
    {
      std::unique_lock<std::mutex> lock(mu);
      // At most twice `window` wait for a worker (a burst of ready results is `window`
      // and one); past that (the workers busy with long items) the result is destroyed
      // here, below.
      if (done && retired.size() < 2 * window) {
        retired.push_back(std::move(*done));
        done.reset();
      }
      Slot& slot = slots[i % window];
      ready_cv.wait(lock, [&] { return slot.ready; });
      taken.value = std::move(slot.value);
      taken.error = slot.error;
      slot = Slot{};
      consumed = i + 1;
    }
    space_cv.notify_all();
    done.reset();
    if (taken.error) std::rethrow_exception(taken.error);
    consume(i, std::move(*taken.value));
    done = std::move(taken.value);
  }
}

}  // namespace notestore::util

#endif  // NOTESTORE_LIB_UTIL_ORDERED_PARALLEL_H_
