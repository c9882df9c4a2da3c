#include "resolve/duplicate_decisions.h"

#include <set>
#include <string>
#include <unordered_set>
#include <vector>

namespace notestore::resolve {
namespace {

// Which decisions a scoped pass compares again; empty when it must compare them all.
//
// A pair of decisions is compared (and linked if alike) when one is marked here; the
// others keep their stored groups. That finds what comparing every pair finds when the
// pairs of unmarked decisions would be decided as before. They are, unless one of them
// changed (its note did: marked), or a word they share changed from common to not or
// back (whether a pair is a candidate depends on that: those holding the word are
// marked), or the identical word lists of a set now have another first member (the set
// is marked). Stored groups that held a marked decision, or a decision now gone, may
// fall apart: all their members are marked too.
std::vector<char> ToCompare(std::vector<Item>& items, const Scope& scope, WordIds* ids) {
  const size_t n = items.size();
  std::vector<char> marked(n, 0);
  std::unordered_map<uint32_t, int64_t> more_before;  // word -> holders before - now
  std::set<std::vector<uint32_t>> lists;              // word lists that came or went
  size_t now_changed = 0, before_changed = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!scope.notes().count(items[i].note_id)) continue;
    marked[i] = 1;
    ++now_changed;
    for (uint32_t w : items[i].Words()) --more_before[w];
    lists.insert(items[i].Words());
  }
  std::unordered_set<int64_t> gone;  // Stored groups that held a decision now gone.
  for (const auto& [note, before] : scope.changes().old_decisions) {
    for (const store::OldDecision& d : before) {
      ++before_changed;
      gone.insert(d.duplicate_of.value_or(d.id));  // Its stored group.
      const std::vector<uint32_t> words = ids->Of(d.text);
      for (uint32_t w : words) ++more_before[w];
      lists.insert(words);
    }
  }
  const size_t n_before = n - now_changed + before_changed;
  auto regime = [](size_t members) {
    return members <= kPairwiseUpTo ? size_t{0} : CommonWordCount(members);
  };
  if (regime(n) != regime(n_before)) return {};
  if (n > kPairwiseUpTo) {
    std::unordered_map<uint32_t, int64_t> holders;  // Of the words whose count changed.
    for (const auto& [w, delta] : more_before) {
      if (delta != 0) holders[w] = 0;
    }
    for (const Item& d : items) {
      for (uint32_t w : d.Words()) {
        if (auto it = holders.find(w); it != holders.end()) ++it->second;
      }
    }
    const auto common = static_cast<int64_t>(regime(n));
    std::unordered_set<uint32_t> flipped;
    for (const auto& [w, now] : holders) {
      if ((now <= common) != (now + more_before[w] <= common)) flipped.insert(w);
    }
    for (size_t i = 0; i < n; ++i) {
      const std::vector<uint32_t>& words = items[i].Words();
      if (lists.count(words) ||
          std::any_of(words.begin(), words.end(), [&](uint32_t w) { return flipped.count(w); })) {
        marked[i] = 1;
      }
    }
  }
  // Stored groups are stars around their original: a group is known by its original's id.
  std::unordered_set<int64_t> present;
  for (const Item& d : items) present.insert(d.id);
  std::unordered_set<int64_t> broken = gone;
  for (size_t i = 0; i < n; ++i) {
    if (marked[i]) broken.insert(items[i].current.value_or(items[i].id));
  }
  for (size_t i = 0; i < n; ++i) {
    const Item& d = items[i];
    if (broken.count(d.current.value_or(d.id)) || (d.current && !present.count(*d.current))) {
      marked[i] = 1;
    }
  }
  return marked;
}

}  // namespace

Results LinkDecisions(SQLite::Database& db, const std::map<int64_t, int64_t>& groups,
                      const std::unordered_map<int64_t, int64_t>& rank, const Scope& scope) {
  std::vector<Item> decisions;
  WordIds ids;
  ForEachNote(db,
              "SELECT id, note_id, line, text, date, duplicate_of FROM decisions "
              "ORDER BY note_id, id",
              false, &ids, [&](std::vector<Item> note) {
                std::move(note.begin(), note.end(), std::back_inserter(decisions));
              });
  std::unordered_map<std::string, int32_t> date_ids;
  for (Item& d : decisions) {
    if (!d.date.empty()) d.date_id = date_ids.emplace(d.date, date_ids.size() + 1).first->second;
  }
  std::vector<size_t> all(decisions.size());
  std::iota(all.begin(), all.end(), 0);
  UnionFind uf(decisions.size());
  std::vector<char> marked;
  if (!scope.full()) marked = ToCompare(decisions, scope, &ids);
  if (!marked.empty()) {
    // Unmarked decisions keep their stored groups.
    std::unordered_map<int64_t, size_t> index;
    for (size_t i = 0; i < decisions.size(); ++i) index[decisions[i].id] = i;
    for (size_t i = 0; i < decisions.size(); ++i) {
      if (marked[i] || !decisions[i].current) continue;
      auto it = index.find(*decisions[i].current);
      if (it != index.end() && !marked[it->second]) uf.Join(i, it->second);
    }
  }
  JoinSame(
      decisions, all,
      [&](size_t i, size_t j) {
        // Dated differently: never the same (compared as numbers, for the millions of
        // candidate pairs of a large vault).
        const int32_t a = decisions[i].date_id, b = decisions[j].date_id;
        if (a != 0 && b != 0 && a != b) return false;
        return SameContent(decisions[i].Words(), decisions[j].Words(), kSameItem);
      },
      [&](size_t i) { return static_cast<uint32_t>(decisions[i].date_id); }, &uf,
      marked.empty() ? nullptr : &marked);
  // The originals are chosen again for every group: which is first can change without a
  // decision changing (a note becomes a repeated meeting).
  Results out;
  Groups(uf, decisions, FirstInVault{decisions, groups, rank}, store::SearchRowKind::kDecision,
         &out);
  return out;
}

}  // namespace notestore::resolve
