#include "resolve/duplicate_decisions.h"

#include <condition_variable>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <system_error>
#include <thread>
#include <unordered_set>
#include <vector>

#include "util/ordered_parallel.h"

namespace notestore::resolve {
namespace {

// Finds the words of decisions on a helper thread while the caller reads the next rows:
// tokenizing a large vault's decisions took as long as reading them, on one core.
// Items are handed over as read so far (Publish) and must stay where they are until Stop,
// which waits for the helper; then they and their WordIds are the caller's again. The
// decisions of changed notes are left to the caller: KeptDecisions compares their text,
// which Words() drops. Whatever the helper has not done (it stops early only if it
// cannot allocate) is done when Words() is first called, as without it.
class WordsAhead {
 public:
  explicit WordsAhead(const Scope& scope) : scope_(scope) {
    if (util::WorkerThreads(0) < 2) return;
    try {
      thread_ = std::thread([this] { Run(); });
    } catch (const std::system_error&) {  // No thread to be had: words on first use.
    }
  }
  ~WordsAhead() { Stop(); }
  WordsAhead(const WordsAhead&) = delete;
  WordsAhead& operator=(const WordsAhead&) = delete;

  // Every item of `items` is whole and will not move until Stop. The helper reads the
  // items through their address, not through the vector the caller goes on filling.
  void Publish(std::vector<Item>& items) {
    {
      const std::lock_guard<std::mutex> lock(mu_);
      items_ = items.data();
      ready_ = items.size();
    }
    ready_cv_.notify_one();
  }

  // Waits until the helper has done every published item (or quit).
  void Stop() {
    if (!thread_.joinable()) return;
    {
      const std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    ready_cv_.notify_one();
    thread_.join();
  }

 private:
  void Run() {
    try {
      for (size_t next = 0;;) {
        Item* items = nullptr;
        size_t upto = 0;
        {
          std::unique_lock<std::mutex> lock(mu_);
          ready_cv_.wait(lock, [&] { return stop_ || ready_ > next; });
          if (ready_ == next) return;  // Stopped, and all done.
          items = items_;
          upto = ready_;
        }
        for (; next < upto; ++next) {
          if (!scope_.notes().count(items[next].note_id)) items[next].Words();
        }
      }
    } catch (...) {  // Out of memory: the rest is computed on first use instead.
    }
  }

  const Scope& scope_;
  std::mutex mu_;
  std::condition_variable ready_cv_;
  Item* items_ = nullptr;  // Guarded by mu_.
  size_t ready_ = 0;       // Guarded by mu_.
  bool stop_ = false;      // Guarded by mu_.
  std::thread thread_;
};

// Decisions handed to WordsAhead at a time.
constexpr size_t kWordsAheadRun = 4096;

// What a scoped pass knows of the stored groups, and which decisions it compares again.
struct Plan {
  bool all = false;                           // Compare them all: nothing else holds.
  std::vector<char> marked;                   // Compared again; parallel to the items.
  std::vector<std::optional<int64_t>> group;  // Each one's stored original (by id), if any.
};

// A note whose decisions came back the same (text and date, in order) did not change
// them: they take the places of their old ids in the stored groups.
std::unordered_map<int64_t, int64_t> KeptDecisions(const std::vector<Item>& items,
                                                   const Scope& scope,
                                                   std::set<int64_t>* kept_notes) {
  std::unordered_map<int64_t, int64_t> moved;  // old id -> new id
  static const std::vector<store::OldDecision> kNone;
  const auto& old_decisions = scope.changes().old_decisions;
  for (size_t i = 0; i < items.size();) {
    const int64_t note = items[i].note_id;
    size_t end = i;
    while (end < items.size() && items[end].note_id == note) ++end;
    if (scope.notes().count(note)) {
      auto it = old_decisions.find(note);
      const std::vector<store::OldDecision>& before =
          it == old_decisions.end() ? kNone : it->second;
      bool same = before.size() == end - i;
      for (size_t k = 0; same && k < before.size(); ++k) {
        same =
            before[k].text == items[i + k].text && before[k].date.value_or("") == items[i + k].date;
      }
      if (same) {
        kept_notes->insert(note);
        for (size_t k = 0; k < before.size(); ++k) moved[before[k].id] = items[i + k].id;
      }
    }
    i = end;
  }
  return moved;
}

// Which decisions a scoped pass compares again.
//
// A pair of decisions is compared (and linked if alike) when one is marked here; the
// others keep their stored groups. That finds what comparing every pair finds when the
// pairs of unmarked decisions would be decided as before. They are, unless one of them
// changed (its note changed its decisions: marked), or a word they share changed from
// common to not or back (whether a pair is a candidate depends on that: those holding
// the word are marked), or the identical word lists of a set now have another first
// member (the set is marked). Stored groups that held a marked decision, or a decision
// now gone, may fall apart: all their members are marked too.
Plan ToCompare(std::vector<Item>& items, const Scope& scope, WordIds* ids) {
  const size_t n = items.size();
  Plan plan;
  plan.marked.assign(n, 0);
  plan.group.resize(n);
  std::set<int64_t> kept_notes;
  const std::unordered_map<int64_t, int64_t> moved = KeptDecisions(items, scope, &kept_notes);
  auto moved_to = [&](std::optional<int64_t> id) -> std::optional<int64_t> {
    if (!id) return id;
    auto it = moved.find(*id);
    return it == moved.end() ? id : std::optional<int64_t>(it->second);
  };
  std::unordered_map<uint32_t, int64_t> more_before;  // word -> holders before - now
  std::set<std::vector<uint32_t>> lists;              // word lists that came or went
  size_t now_changed = 0, before_changed = 0;
  for (size_t i = 0, first = 0; i < n; ++i) {
    const int64_t note = items[i].note_id;
    if (i == 0 || items[i - 1].note_id != note) first = i;  // A note's items are together.
    if (kept_notes.count(note)) {
      // Stored as new rows; their groups are their old ones'.
      plan.group[i] = moved_to(scope.changes().old_decisions.at(note)[i - first].duplicate_of);
      continue;
    }
    plan.group[i] = moved_to(items[i].current);
    if (!scope.notes().count(note)) continue;
    plan.marked[i] = 1;
    ++now_changed;
    for (uint32_t w : items[i].Words()) --more_before[w];
    lists.insert(items[i].Words());
  }
  std::unordered_set<int64_t> gone;  // Stored groups that held a decision now gone.
  for (const auto& [note, before] : scope.changes().old_decisions) {
    if (kept_notes.count(note)) continue;
    for (const store::OldDecision& d : before) {
      ++before_changed;
      gone.insert(moved_to(d.duplicate_of).value_or(d.id));  // Its stored group.
      const std::vector<uint32_t> words = ids->Of(d.text);
      for (uint32_t w : words) ++more_before[w];
      lists.insert(words);
    }
  }
  const size_t n_before = n - now_changed + before_changed;
  auto regime = [](size_t members) {
    return members <= kPairwiseUpTo ? size_t{0} : CommonWordCount(members);
  };
  if (regime(n) != regime(n_before)) {
    plan.all = true;
    return plan;
  }
  if (n > kPairwiseUpTo) {
    std::unordered_map<uint32_t, int64_t> holders;  // Of the words whose count changed.
    for (const auto& [w, delta] : more_before) {
      if (delta != 0) holders[w] = 0;
    }
    // (A loop over "holders.empty() ? std::vector<Item>{} : items" copied every item.)
    for (size_t i = 0; i < n && !holders.empty(); ++i) {
      for (uint32_t w : items[i].Words()) {
        if (auto it = holders.find(w); it != holders.end()) ++it->second;
      }
    }
    const auto common = static_cast<int64_t>(regime(n));
    std::unordered_set<uint32_t> flipped;
    for (const auto& [w, now] : holders) {
      if ((now <= common) != (now + more_before[w] <= common)) flipped.insert(w);
    }
    for (size_t i = 0; i < n && !(lists.empty() && flipped.empty()); ++i) {
      const std::vector<uint32_t>& words = items[i].Words();
      if (lists.count(words) ||
          std::any_of(words.begin(), words.end(), [&](uint32_t w) { return flipped.count(w); })) {
        plan.marked[i] = 1;
      }
    }
  }
  // Stored groups are stars around their original: a group is known by its original's id.
  std::unordered_set<int64_t> present;
  for (const Item& d : items) present.insert(d.id);
  std::unordered_set<int64_t> broken = gone;
  for (size_t i = 0; i < n; ++i) {
    if (plan.marked[i]) broken.insert(plan.group[i].value_or(items[i].id));
  }
  for (size_t i = 0; i < n; ++i) {
    const std::optional<int64_t>& g = plan.group[i];
    if (broken.count(g.value_or(items[i].id)) || (g && !present.count(*g))) plan.marked[i] = 1;
  }
  return plan;
}

}  // namespace

ComparedDecisions CompareDecisions(SQLite::Database& db, const Scope& scope,
                                   const std::atomic<bool>* cancel) {
  ComparedDecisions out;
  out.ids = std::make_unique<WordIds>();
  std::vector<Item>& decisions = out.items;
  auto check = [cancel] {
    if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) throw CompareCancelled{};
  };
  // Sized first: growing it moved every item read so far, a seventh of this part at
  // 188,000 decisions.
  decisions.reserve(
      static_cast<size_t>(db.execAndGet("SELECT count(*) FROM decisions").getInt64()));
  {
    WordsAhead ahead(scope);
    size_t published = 0;
    // Read in place: moving each note's items into the list was a fifth of reading them.
    RawStatement query(db,
                       "SELECT id, note_id, line, text, date, duplicate_of FROM decisions "
                       "ORDER BY note_id, id");
    ReadItems(
        query, false, out.ids.get(), &decisions,
        [&](size_t) {
          if (decisions.size() >= published + kWordsAheadRun) {
            check();
            published = decisions.size();
            ahead.Publish(decisions);
          }
        },
        [&] { ahead.Stop(); });  // Never, as sized; but the helper must not see them move.
    ahead.Publish(decisions);
  }
  check();
  std::unordered_map<std::string, int32_t> date_ids;
  for (Item& d : decisions) {
    if (!d.date.empty()) d.date_id = date_ids.emplace(d.date, date_ids.size() + 1).first->second;
  }
  std::vector<size_t> all(decisions.size());
  std::iota(all.begin(), all.end(), 0);
  out.alike = UnionFind(decisions.size());
  Plan plan;
  plan.all = scope.full();
  if (!plan.all) plan = ToCompare(decisions, scope, out.ids.get());
  if (!plan.all) {
    // Unmarked decisions keep their stored groups.
    std::unordered_map<int64_t, size_t> index;
    for (size_t i = 0; i < decisions.size(); ++i) index[decisions[i].id] = i;
    for (size_t i = 0; i < decisions.size(); ++i) {
      if (plan.marked[i] || !plan.group[i]) continue;
      auto it = index.find(*plan.group[i]);
      if (it != index.end() && !plan.marked[it->second]) out.alike.Join(i, it->second);
    }
  }
  check();
  JoinSame(
      decisions, all,
      [&](size_t i, size_t j) {
        // Dated differently: never the same (compared as numbers, for the millions of
        // candidate pairs of a large vault).
        const int32_t a = decisions[i].date_id, b = decisions[j].date_id;
        if (a != 0 && b != 0 && a != b) return false;
        return SameContent(decisions[i].Words(), decisions[j].Words(), kSameItem);
      },
      [&](size_t i) { return static_cast<uint32_t>(decisions[i].date_id); }, &out.alike,
      plan.all ? nullptr : &plan.marked);
  return out;
}

Results GroupDecisions(ComparedDecisions& compared, const std::map<int64_t, int64_t>& groups,
                       const std::unordered_map<int64_t, int64_t>& rank) {
  // The originals are chosen again for every group: which is first can change without a
  // decision changing (a note becomes a repeated meeting).
  Results out;
  Groups(compared.alike, compared.items, FirstInVault{compared.items, groups, rank},
         store::SearchRowKind::kDecision, &out);
  return out;
}

Results LinkDecisions(SQLite::Database& db, const std::map<int64_t, int64_t>& groups,
                      const std::unordered_map<int64_t, int64_t>& rank, const Scope& scope) {
  ComparedDecisions compared = CompareDecisions(db, scope);
  return GroupDecisions(compared, groups, rank);
}

}  // namespace notestore::resolve
