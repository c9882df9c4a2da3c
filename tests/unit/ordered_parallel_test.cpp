#include "util/ordered_parallel.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace notestore::util {
namespace {

// Items finish out of order (later ones faster); they must still arrive in order.
TEST(OrderedParallelMap, HandsResultsBackInIndexOrder) {
  for (int threads : {1, 2, 4, 8}) {
    std::vector<size_t> seen;
    OrderedParallelMap<std::string>(
        200, threads, 8,
        [](size_t i) {
          std::this_thread::sleep_for(std::chrono::microseconds((200 - i) % 7 * 50));
          return std::to_string(i * i);
        },
        [&](size_t i, const std::string& value) {
          EXPECT_EQ(value, std::to_string(i * i));
          seen.push_back(i);
        });
    ASSERT_EQ(seen.size(), 200u) << threads << " threads";
    for (size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], i);
  }
}

TEST(OrderedParallelMap, NeverHoldsMoreThanTheWindow) {
  std::atomic<int> produced{0};
  int consumed = 0;
  int most_ahead = 0;
  OrderedParallelMap<int>(
      500, 4, 16,
      [&](size_t i) {
        ++produced;
        return static_cast<int>(i);
      },
      [&](size_t, int) {
        ++consumed;
        most_ahead = std::max(most_ahead, produced.load() - consumed);
        std::this_thread::sleep_for(std::chrono::microseconds(20));  // A slow writer.
      });
  EXPECT_EQ(consumed, 500);
  EXPECT_LE(most_ahead, 16);
  EXPECT_GT(most_ahead, 1);  // The workers did run ahead of the consumer.
}

// Counts where each result is destroyed; a moved-from one (no counts) is not counted.
struct Destructions {
  std::thread::id caller = std::this_thread::get_id();
  std::atomic<int> made{0};
  std::atomic<int> on_caller{0};
  std::atomic<int> on_workers{0};
};
struct Tracked {
  explicit Tracked(std::shared_ptr<Destructions> d) : where(std::move(d)) { ++where->made; }
  Tracked(Tracked&&) noexcept = default;
  Tracked& operator=(Tracked&&) noexcept = default;
  Tracked(const Tracked&) = delete;
  Tracked& operator=(const Tracked&) = delete;
  ~Tracked() {
    if (!where) return;
    ++(std::this_thread::get_id() == where->caller ? where->on_caller : where->on_workers);
  }
  std::shared_ptr<Destructions> where;
};

// The consumer's thread writes; the many frees of a result it leaves in place are a
// worker's. Only the last ones, once no worker is left to take them, are the caller's.
TEST(OrderedParallelMap, ResultsLeftInPlaceAreDestroyedOnTheWorkers) {
  auto d = std::make_shared<Destructions>();
  int consumed = 0;
  OrderedParallelMap<Tracked>(
      300, 2, 8, [&](size_t) { return Tracked(d); },
      [&](size_t, Tracked&& t) {
        ASSERT_TRUE(t.where);  // Handed over whole.
        ++consumed;
      });
  EXPECT_EQ(consumed, 300);
  EXPECT_EQ(d->on_caller + d->on_workers, 300);  // Each once.
  EXPECT_GE(d->on_workers, 300 - 2 * 8 - 2);     // The last results, once no worker is left.
  // A consumer that takes the result destroys it itself.
  auto taken = std::make_shared<Destructions>();
  OrderedParallelMap<Tracked>(
      50, 2, 8, [&](size_t) { return Tracked(taken); }, [](size_t, Tracked t) { (void)t; });
  EXPECT_EQ(taken->on_caller, 50);
  EXPECT_EQ(taken->on_workers, 0);
}

// However the work stops, every result made is destroyed, once.
TEST(OrderedParallelMap, AnErrorLeavesNoResultUndestroyedOrDestroyedTwice) {
  for (bool consumer_throws : {true, false}) {
    auto d = std::make_shared<Destructions>();
    EXPECT_THROW(OrderedParallelMap<Tracked>(
                     300, 2, 8,
                     [&](size_t i) {
                       if (!consumer_throws && i == 150) throw std::runtime_error("bad item");
                       return Tracked(d);
                     },
                     [&](size_t i, Tracked&&) {
                       if (consumer_throws && i == 150) throw std::logic_error("cannot store");
                     }),
                 std::exception);
    EXPECT_GE(d->made, 150);
    EXPECT_EQ(d->on_caller + d->on_workers, d->made) << "consumer throws: " << consumer_throws;
  }
}

TEST(OrderedParallelMap, AProducerErrorIsRethrownAndStopsTheWork) {
  std::atomic<int> produced{0};
  std::vector<size_t> consumed;
  EXPECT_THROW(OrderedParallelMap<int>(
                   10000, 3, 12,
                   [&](size_t i) {
                     ++produced;
                     if (i == 50) throw std::runtime_error("bad item");
                     return 0;
                   },
                   [&](size_t i, int) { consumed.push_back(i); }),
               std::runtime_error);
  EXPECT_EQ(consumed.size(), 50u);  // Everything before the failing item, nothing after.
  EXPECT_LT(produced.load(), 200);
}

TEST(OrderedParallelMap, AConsumerErrorJoinsTheWorkersAndIsRethrown) {
  EXPECT_THROW(OrderedParallelMap<int>(
                   10000, 4, 8, [](size_t i) { return static_cast<int>(i); },
                   [](size_t i, int) {
                     if (i == 3) throw std::logic_error("cannot store");
                   }),
               std::logic_error);
}

TEST(OrderedParallelMap, NothingToDo) {
  int calls = 0;
  OrderedParallelMap<int>(
      0, 4, 8,
      [&](size_t) {
        ++calls;
        return 0;
      },
      [&](size_t, int) { ++calls; });
  EXPECT_EQ(calls, 0);
}

int OwnNice() { return getpriority(PRIO_PROCESS, static_cast<id_t>(gettid())); }

// Workers yield to the consuming thread: they run `worker_niceness` lower, it does not.
TEST(OrderedParallelMap, WorkersRunAtTheLowerPriorityAsked) {
  const int caller = OwnNice();
  if (caller > 16) GTEST_SKIP() << "this test already runs at nice " << caller;
  std::vector<int> worker_nice(40, -100);
  OrderedParallelMap<int>(
      40, 2, 4, [&](size_t) { return OwnNice(); },
      [&](size_t i, int nice) { worker_nice[i] = nice; }, 3);
  for (int nice : worker_nice) EXPECT_EQ(nice, caller + 3);
  EXPECT_EQ(OwnNice(), caller);
  // The default keeps the caller's priority; a thread never goes past nice 19.
  OrderedParallelMap<int>(
      4, 2, 4, [&](size_t) { return OwnNice(); },
      [&](size_t, int nice) { EXPECT_EQ(nice, caller); });
  std::thread([] {
    LowerThreadPriority(50);
    EXPECT_EQ(OwnNice(), 19);
  }).join();
  EXPECT_EQ(OwnNice(), caller);
}

}  // namespace
}  // namespace notestore::util
