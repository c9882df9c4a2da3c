#include "resolve/duplicates.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "resolve/duplicate_meetings.h"
#include "resolve/entity_sync.h"
#include "resolve/similarity.h"
#include "resolve/vault_order.h"
#include "store/search_rowid.h"
#include "store/statement_binding.h"

// Cost: this pass runs on every ingest that changed something, over the whole vault, so
// it reads each table once in index order, keeps one note's tasks in memory at a time
// (plus those of repeated meetings), and computes content words only for items that
// have a candidate to be compared with.
namespace notestore::resolve {
namespace {

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Join(size_t a, size_t b) { parent_[Find(a)] = Find(b); }

 private:
  std::vector<size_t> parent_;
};

std::optional<int64_t> OptId(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}
std::string Text(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }

// A task or decision as this pass sees it.
struct Item {
  int64_t id = 0;
  int64_t note_id = 0;
  int line = 0;
  int64_t ordinal = 0;             // Position among its note's tasks or decisions (search row ids).
  std::string date;                // Due date of a task, date of a decision.
  int32_t date_id = 0;             // Decisions: the date as a number, 0 for none.
  int64_t owner = 0;               // Tasks; 0 for none.
  std::optional<int64_t> current;  // duplicate_of as stored.

  // Content word ids, computed from the text on first use: most items are never
  // compared with another.
  const std::vector<uint32_t>& Words() const {
    if (!words) {
      words = ids->Of(text);
      std::string().swap(text);
    }
    return *words;
  }
  WordIds* ids = nullptr;
  mutable std::string text;
  mutable std::optional<std::vector<uint32_t>> words;
};

// A link found: `id` repeats `canonical_id`.
struct Link {
  int64_t id = 0;
  int64_t canonical_id = 0;
  double similarity = 0;
  int64_t search_rowid = 0;
  int64_t canonical_search_rowid = 0;
};

// What one kind of item gets written: the links and the duplicate_of values that change.
struct Results {
  std::vector<Link> links;
  std::vector<Assignment> changes;
};

// Records the groups of `uf` over `items`: each member links to the group's canonical
// item, the one that `first` orders first. Every item gets its duplicate_of.
template <typename Less>
void Groups(UnionFind& uf, const std::vector<Item>& items, Less first, store::SearchRowKind kind,
            Results* out) {
  std::unordered_map<size_t, size_t> canonical;  // root -> canonical member
  for (size_t i = 0; i < items.size(); ++i) {
    const size_t root = uf.Find(i);
    auto it = canonical.find(root);
    if (it == canonical.end() || first(i, it->second)) canonical[root] = i;
  }
  for (size_t i = 0; i < items.size(); ++i) {
    const Item& item = items[i];
    std::optional<int64_t> wanted;
    const Item& c = items[canonical[uf.Find(i)]];
    if (c.id != item.id) {
      wanted = c.id;
      out->links.push_back(Link{item.id, c.id, Similarity(item.Words(), c.Words()),
                                store::SearchRowid(item.note_id, kind, item.ordinal),
                                store::SearchRowid(c.note_id, kind, c.ordinal)});
    }
    if (wanted != item.current) out->changes.push_back(Assignment{item.id, item.current, wanted});
  }
}

struct WordListHash {
  size_t operator()(const std::vector<uint32_t>& words) const {
    uint64_t h = 14695981039346656037ULL;
    for (uint32_t w : words) h = (h ^ w) * 1099511628211ULL;
    return static_cast<size_t>(h);
  }
};

// Joins in `uf` the members that `same` says are one item. `members` ascending. Up to a
// few hundred members every pair is compared. Beyond that (a note whose every line is a
// task, a vault's decisions) identical word lists are joined directly and other pairs
// are compared only when they share a word that is not common among the members:
// rewordings keep most of their distinctive words, and comparing through common words
// would be quadratic. `key` partitions the members further (a decision's date): members
// with different non-zero keys are never the same, so they are never paired; key 0
// pairs with every key.
template <typename Same, typename Key>
void JoinSame(const std::vector<Item>& items, const std::vector<size_t>& members, Same same,
              Key key, UnionFind* uf) {
  constexpr size_t kPairwiseUpTo = 256;
  if (members.size() <= kPairwiseUpTo) {
    for (size_t x = 0; x < members.size(); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) {
        if (same(members[x], members[y])) uf->Join(members[x], members[y]);
      }
    }
    return;
  }
  std::unordered_map<std::vector<uint32_t>, size_t, WordListHash> first_with_words;
  std::unordered_map<uint32_t, std::vector<size_t>> postings;  // word -> members
  // (word, key) -> members with that key; key 0 lists those that pair with every key.
  std::unordered_map<uint64_t, std::vector<size_t>> keyed;
  auto keyed_list = [&](uint32_t word, uint32_t k) -> const std::vector<size_t>* {
    auto it = keyed.find(static_cast<uint64_t>(word) << 32 | k);
    return it == keyed.end() ? nullptr : &it->second;
  };
  // Without a key other than 0 (tasks) every member reads the plain lists only.
  const bool keyed_members =
      std::any_of(members.begin(), members.end(), [&](size_t m) { return key(m) != 0; });
  for (size_t m : members) {
    auto [it, inserted] = first_with_words.emplace(items[m].Words(), m);
    if (!inserted && same(it->second, m)) uf->Join(it->second, m);
    for (uint32_t w : items[m].Words()) {
      postings[w].push_back(m);
      if (keyed_members) keyed[static_cast<uint64_t>(w) << 32 | key(m)].push_back(m);
    }
  }
  const size_t common = std::max<size_t>(50, members.size() / 50);
  // Each candidate once per member, marked rather than sorted: the order of comparisons
  // does not change the groups, only which pairs are found already joined.
  std::vector<size_t> seen_by(items.size(), SIZE_MAX);
  std::vector<size_t> candidates;
  auto collect = [&](size_t m, const std::vector<size_t>* list) {
    if (!list) return;
    // Lists hold members in ascending order: start past m.
    for (auto it = std::upper_bound(list->begin(), list->end(), m); it != list->end(); ++it) {
      if (seen_by[*it] != m) {
        seen_by[*it] = m;
        candidates.push_back(*it);
      }
    }
  };
  for (size_t m : members) {
    candidates.clear();
    const uint32_t k = key(m);
    for (uint32_t w : items[m].Words()) {
      const std::vector<size_t>& list = postings[w];
      if (list.size() > common) continue;
      if (k == 0) {
        collect(m, &list);
      } else {
        collect(m, keyed_list(w, k));
        collect(m, keyed_list(w, 0));
      }
    }
    for (size_t other : candidates) {
      if (uf->Find(m) != uf->Find(other) && same(m, other)) uf->Join(m, other);
    }
  }
}

// Orders items for choosing the canonical one: the canonical meeting's rows first, then
// vault order (path, line).
struct FirstInVault {
  const std::vector<Item>& items;
  const std::map<int64_t, int64_t>& groups;  // note -> canonical meeting note
  const std::unordered_map<int64_t, int64_t>& rank;
  bool operator()(size_t a, size_t b) const {
    const Item& x = items[a];
    const Item& y = items[b];
    const bool rx = Repeat(x), ry = Repeat(y);
    if (rx != ry) return !rx;
    const int64_t px = rank.at(x.note_id), py = rank.at(y.note_id);
    if (px != py) return px < py;
    return x.line < y.line;
  }
  bool Repeat(const Item& x) const {
    auto it = groups.find(x.note_id);
    return it != groups.end() && it->second != x.note_id;
  }
};

// Streams `sql` (id, note_id, line, text, date, duplicate_of[, owner_id], ordered by
// note_id, id) and calls `note_done(items)` with each note's items, ordinals set.
template <typename NoteDone>
void ForEachNote(SQLite::Database& db, const char* sql, bool with_owner, WordIds* ids,
                 NoteDone note_done) {
  SQLite::Statement q(db, sql);
  std::vector<Item> note;
  auto flush = [&] {
    if (!note.empty()) note_done(std::move(note));
    note.clear();
  };
  while (q.executeStep()) {
    Item t;
    t.ids = ids;
    t.id = q.getColumn(0).getInt64();
    t.note_id = q.getColumn(1).getInt64();
    t.line = q.getColumn(2).getInt();
    t.text = Text(q.getColumn(3));
    t.date = Text(q.getColumn(4));
    t.current = OptId(q.getColumn(5));
    if (with_owner) t.owner = q.getColumn(6).isNull() ? 0 : q.getColumn(6).getInt64();
    if (!note.empty() && note.back().note_id != t.note_id) flush();
    t.ordinal = static_cast<int64_t>(note.size());
    note.push_back(std::move(t));
  }
  flush();
}

// Tasks are candidates when they share a scope (a note, or all notes of one meeting),
// an owner and a due date.
void LinkTaskScope(const std::vector<Item>& tasks, const std::map<int64_t, int64_t>& groups,
                   const std::unordered_map<int64_t, int64_t>& rank, Results* out) {
  std::map<std::pair<int64_t, std::string>, std::vector<size_t>> buckets;
  for (size_t i = 0; i < tasks.size(); ++i) buckets[{tasks[i].owner, tasks[i].date}].push_back(i);
  UnionFind uf(tasks.size());
  auto same = [&](size_t a, size_t b) {
    return SameContent(tasks[a].Words(), tasks[b].Words(), kSameItem);
  };
  const auto no_key = [](size_t) { return 0U; };  // Owner and date already match.
  for (const auto& [key, list] : buckets) {
    if (list.size() > 1) JoinSame(tasks, list, same, no_key, &uf);
  }
  Groups(uf, tasks, FirstInVault{tasks, groups, rank}, store::SearchRowKind::kTask, out);
}

Results LinkTasks(SQLite::Database& db, const std::map<int64_t, int64_t>& groups,
                  const std::unordered_map<int64_t, int64_t>& rank) {
  Results out;
  WordIds ids;
  std::map<int64_t, std::vector<Item>> grouped;  // canonical meeting note -> its tasks
  ForEachNote(db,
              "SELECT id, note_id, line, text, due, duplicate_of, owner_id FROM tasks "
              "ORDER BY note_id, id",
              true, &ids, [&](std::vector<Item> tasks) {
                auto g = groups.find(tasks.front().note_id);
                if (g == groups.end()) return LinkTaskScope(tasks, groups, rank, &out);
                std::vector<Item>& scope = grouped[g->second];
                std::move(tasks.begin(), tasks.end(), std::back_inserter(scope));
              });
  for (const auto& [note, tasks] : grouped) LinkTaskScope(tasks, groups, rank, &out);
  return out;
}

// Notes by the canonical meeting note of their group (`groups`: note -> canonical).
std::map<int64_t, std::vector<int64_t>> GroupMembers(const std::map<int64_t, int64_t>& groups) {
  std::map<int64_t, std::vector<int64_t>> members;
  for (const auto& [note, canonical] : groups) members[canonical].push_back(note);
  return members;
}

// The scoped pass: a task's candidates are the tasks of its scope (its note, or the
// notes of its meeting group), so only scopes that changed are linked again: those of
// changed notes, of notes whose tasks' owners changed, and of meetings whose group
// changed, in their old grouping and their new. Returns the notes relinked.
Results LinkScopedTasks(SQLite::Database& db, const Scope& scope,
                        const std::map<int64_t, int64_t>& old_groups,
                        const std::map<int64_t, int64_t>& groups,
                        const std::unordered_map<int64_t, int64_t>& rank,
                        std::set<int64_t>* relinked) {
  std::set<int64_t> seeds = scope.notes();
  seeds.insert(scope.owners_changed.begin(), scope.owners_changed.end());
  seeds.insert(scope.notes_touched.begin(), scope.notes_touched.end());
  const auto old_members = GroupMembers(old_groups);
  const auto members = GroupMembers(groups);
  auto group_of = [](const std::map<int64_t, int64_t>& g,
                     const std::map<int64_t, std::vector<int64_t>>& m, int64_t note) {
    auto it = g.find(note);
    return it == g.end() ? std::vector<int64_t>{note} : m.at(it->second);
  };
  std::set<int64_t> keys;  // Scopes, by canonical meeting note or by note.
  for (int64_t seed : seeds) {
    for (const auto* g : {&old_groups, &groups}) {
      for (int64_t note : group_of(*g, g == &groups ? members : old_members, seed)) {
        auto it = groups.find(note);
        keys.insert(it == groups.end() ? note : it->second);
      }
    }
  }
  Results out;
  WordIds ids;
  for (int64_t key : keys) {
    std::vector<int64_t> notes = group_of(groups, members, key);
    std::sort(notes.begin(), notes.end());  // As the whole-vault pass reads them.
    std::vector<Item> tasks;
    for (int64_t note : notes) {
      relinked->insert(note);
      const std::string sql =
          "SELECT id, note_id, line, text, due, duplicate_of, owner_id FROM tasks "
          "WHERE note_id = " +
          std::to_string(note) + " ORDER BY id";
      ForEachNote(db, sql.c_str(), true, &ids, [&](std::vector<Item> of_note) {
        std::move(of_note.begin(), of_note.end(), std::back_inserter(tasks));
      });
    }
    if (!tasks.empty()) LinkTaskScope(tasks, groups, rank, &out);
  }
  return out;
}

// Decisions are compared across all notes: the same when worded alike and not dated
// differently.
Results LinkDecisions(SQLite::Database& db, const std::map<int64_t, int64_t>& groups,
                      const std::unordered_map<int64_t, int64_t>& rank) {
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
  JoinSame(
      decisions, all,
      [&](size_t i, size_t j) {
        // Dated differently: never the same (compared as numbers, for the millions of
        // candidate pairs of a large vault).
        const int32_t a = decisions[i].date_id, b = decisions[j].date_id;
        if (a != 0 && b != 0 && a != b) return false;
        return SameContent(decisions[i].Words(), decisions[j].Words(), kSameItem);
      },
      [&](size_t i) { return static_cast<uint32_t>(decisions[i].date_id); }, &uf);
  Results out;
  Groups(uf, decisions, FirstInVault{decisions, groups, rank}, store::SearchRowKind::kDecision,
         &out);
  return out;
}

void Write(SQLite::Database& db, const char* kind, const char* update_sql, const Results& results) {
  ApplyAssignments(db, update_sql, results.changes);
  SQLite::Statement insert(
      db,
      "INSERT INTO duplicates(kind, id, canonical_id, similarity, search_rowid, "
      "canonical_search_rowid) VALUES(?,?,?,?,?,?)");
  for (const Link& l : results.links) {
    store::Exec(insert, kind, l.id, l.canonical_id, l.similarity, l.search_rowid,
                l.canonical_search_rowid);
  }
}

// The people and accounts whose counts the changed duplicate_of values of `results`
// move: the owners of tasks (`owner_sql`), the accounts of their notes.
void TouchCounted(SQLite::Database& db, const char* sql, const Results& results, Scope& scope) {
  if (scope.full()) return;  // Everything is counted again.
  SQLite::Statement q(db, sql);
  for (const Assignment& a : results.changes) {
    q.bind(1, a.rowid);
    if (q.executeStep()) {
      if (!q.getColumn(0).isNull()) scope.people_touched.insert(q.getColumn(0).getInt64());
      if (!q.getColumn(1).isNull()) scope.accounts_touched.insert(q.getColumn(1).getInt64());
    }
    q.reset();
  }
}

}  // namespace

void LinkDuplicates(SQLite::Database& db, Scope& scope) {
  std::map<int64_t, int64_t> old_groups;  // Before the meetings are linked again.
  if (scope.full()) {
    db.exec("DELETE FROM duplicates");
  } else {
    SQLite::Statement q(db, "SELECT id, canonical_id FROM duplicates WHERE kind = 'meeting'");
    while (q.executeStep()) {
      old_groups[q.getColumn(0).getInt64()] = q.getColumn(1).getInt64();
      old_groups[q.getColumn(1).getInt64()] = q.getColumn(1).getInt64();
    }
  }
  const std::map<int64_t, int64_t> groups = LinkMeetings(db, scope);
  if (!scope.full()) {
    // Meetings whose link changed move their account's count.
    SQLite::Statement q(db, "SELECT account_id FROM meetings WHERE id = ?");
    for (int64_t note : scope.notes_touched) {
      q.bind(1, note);
      if (q.executeStep() && !q.getColumn(0).isNull())
        scope.accounts_touched.insert(q.getColumn(0).getInt64());
      q.reset();
    }
  }
  const std::unordered_map<int64_t, int64_t> rank = VaultOrder(db);
  Results tasks;
  if (scope.full()) {
    tasks = LinkTasks(db, groups, rank);
  } else {
    std::set<int64_t> relinked;
    tasks = LinkScopedTasks(db, scope, old_groups, groups, rank, &relinked);
    relinked.insert(scope.notes().begin(), scope.notes().end());
    SQLite::Statement remove(db,
                             "DELETE FROM duplicates WHERE kind = 'task' AND search_rowid "
                             "BETWEEN ? AND ?");
    for (int64_t note : relinked) {
      store::Exec(remove, store::SearchRowidFirst(note), store::SearchRowidLast(note));
    }
  }
  Write(db, "task", "UPDATE tasks SET duplicate_of = ?1 WHERE id = ?2", tasks);
  TouchCounted(db,
               "SELECT t.owner_id, n.account_id FROM tasks t JOIN notes n ON n.id = t.note_id "
               "WHERE t.id = ?",
               tasks, scope);
  // Decisions are linked across the vault every time (see LinkDecisions).
  if (!scope.full()) db.exec("DELETE FROM duplicates WHERE kind = 'decision'");
  const Results decisions = LinkDecisions(db, groups, rank);
  Write(db, "decision", "UPDATE decisions SET duplicate_of = ?1 WHERE id = ?2", decisions);
  TouchCounted(db, "SELECT NULL, account_id FROM decisions WHERE id = ?", decisions, scope);
}

}  // namespace notestore::resolve
