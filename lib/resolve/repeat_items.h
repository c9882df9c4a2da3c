// The shared machinery of linking repeats (duplicates.h): items read from their table,
// grouping by union-find, the comparisons, choosing the original of each group, and
// writing the result. Internal to the resolve stage.
#ifndef NOTESTORE_LIB_RESOLVE_REPEAT_ITEMS_H_
#define NOTESTORE_LIB_RESOLVE_REPEAT_ITEMS_H_

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "resolve/entity_sync.h"
#include "resolve/scope.h"
#include "resolve/similarity.h"
#include "store/search_rowid.h"

namespace notestore::resolve {

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

inline constexpr size_t kPairwiseUpTo = 256;

// The words of `items` shared by so many that candidates are not found through them:
// more than this many members hold them.
inline size_t CommonWordCount(size_t members) { return std::max<size_t>(50, members / 50); }

// Joins in `uf` the members that `same` says are one item. `members` ascending. Up to a
// few hundred members every pair is compared. Beyond that (a note whose every line is a
// task, a vault's decisions) identical word lists are joined directly and other pairs
// are compared only when they share a word that is not common among the members:
// rewordings keep most of their distinctive words, and comparing through common words
// would be quadratic. `key` partitions the members further (a decision's date): members
// with different non-zero keys are never the same, so they are never paired; key 0
// pairs with every key.
//
// With `recheck` (indexed like `items`), only pairs with a member marked there are
// compared, as `uf` already joins the others as they were: the same pairs are found as
// without it, and the work is that of the marked members'.
template <typename Same, typename Key>
void JoinSame(const std::vector<Item>& items, const std::vector<size_t>& members, Same same,
              Key key, UnionFind* uf, const std::vector<char>* recheck = nullptr) {
  auto marked = [&](size_t m) { return recheck == nullptr || (*recheck)[m] != 0; };
  if (std::none_of(members.begin(), members.end(), marked)) return;
  if (members.size() <= kPairwiseUpTo) {
    for (size_t x = 0; x < members.size(); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) {
        if (!marked(members[x]) && !marked(members[y])) continue;
        if (same(members[x], members[y])) uf->Join(members[x], members[y]);
      }
    }
    return;
  }
  // Candidates are found through the words that are not common; lists are kept for
  // those only (a common word's list can hold a fifth of the vault), and with `recheck`
  // only for the words of marked members.
  const size_t common = CommonWordCount(members.size());
  std::vector<uint32_t> holders;  // By word id; the ids of one WordIds are dense.
  std::vector<char> wanted;
  for (size_t m : members) {
    for (uint32_t w : items[m].Words()) {
      if (w >= holders.size()) {
        holders.resize(w + 1, 0);
        wanted.resize(w + 1, 0);
      }
      ++holders[w];
      if (marked(m)) wanted[w] = 1;
    }
  }
  auto kept = [&](uint32_t w) { return wanted[w] && holders[w] <= common; };
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
    // The first member with the same words is marked whenever this one is (the caller
    // marks whole sets of identical lists).
    if (marked(m)) {
      auto [it, inserted] = first_with_words.emplace(items[m].Words(), m);
      if (!inserted && same(it->second, m)) uf->Join(it->second, m);
    }
    for (uint32_t w : items[m].Words()) {
      if (!kept(w)) continue;
      postings[w].push_back(m);
      if (keyed_members) keyed[static_cast<uint64_t>(w) << 32 | key(m)].push_back(m);
    }
  }
  // Each candidate once per member, marked rather than sorted: the order of comparisons
  // does not change the groups, only which pairs are found already joined.
  std::vector<size_t> seen_by(items.size(), SIZE_MAX);
  std::vector<size_t> candidates;
  auto collect = [&](size_t m, const std::vector<size_t>* list) {
    if (!list) return;
    // Lists hold members in ascending order: start past m, unless only marked members
    // look for candidates (then on both sides).
    auto it = recheck ? list->begin() : std::upper_bound(list->begin(), list->end(), m);
    for (; it != list->end(); ++it) {
      if (*it != m && seen_by[*it] != m) {
        seen_by[*it] = m;
        candidates.push_back(*it);
      }
    }
  };
  for (size_t m : members) {
    if (!marked(m)) continue;
    candidates.clear();
    const uint32_t k = key(m);
    for (uint32_t w : items[m].Words()) {
      if (!kept(w)) continue;
      const std::vector<size_t>& list = postings[w];
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

// A statement stepped through SQLite's own API, prepared once (SQLiteCpp's Statement
// does not hand out its handle). Not thread-safe, like its connection.
class RawStatement {
 public:
  RawStatement(SQLite::Database& db, const char* sql) : statement_(nullptr, sqlite3_finalize) {
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v2(db.getHandle(), sql, -1, &raw, nullptr);
    statement_.reset(raw);
    if (rc != SQLITE_OK) throw SQLite::Exception(db.getHandle(), rc);
  }
  void Bind(int index, int64_t value) {
    const int rc = sqlite3_bind_int64(get(), index, value);
    if (rc != SQLITE_OK) throw SQLite::Exception(sqlite3_db_handle(get()), rc);
  }
  sqlite3_stmt* get() const { return statement_.get(); }

 private:
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement_;
};

// Runs `query` (bound; id, note_id, line, text, date, duplicate_of[, owner_id], ordered
// by note_id, id), appending each row's item to *items, ordinal set, and calls
// `note_done(first)` once a note's items are all there: those from index `first` on.
// `note_done` may take them out of *items (and must then leave it empty); `before_growing`
// is called before an item is added that moves the others (*items is full). `query` is
// reset after. Its rows are read through SQLite's own statement: a SQLiteCpp column
// object per value (a shared pointer copied and released each time) was a fifth of
// reading 188,000 decisions.
template <typename NoteDone, typename BeforeGrowing = void (*)()>
void ReadItems(
    RawStatement& query, bool with_owner, WordIds* ids, std::vector<Item>* items,
    NoteDone note_done, BeforeGrowing before_growing = [] {}) {
  sqlite3_stmt* row = query.get();
  int rc = SQLITE_OK;
  auto text = [row](int column) {
    const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(row, column));
    return bytes == nullptr
               ? std::string()
               : std::string(bytes, static_cast<size_t>(sqlite3_column_bytes(row, column)));
  };
  size_t first = items->size();
  while ((rc = sqlite3_step(row)) == SQLITE_ROW) {
    const int64_t note_id = sqlite3_column_int64(row, 1);
    if (items->size() > first && items->back().note_id != note_id) {
      note_done(first);
      first = items->size();
    }
    if (items->size() == items->capacity()) before_growing();
    Item& t = items->emplace_back();
    t.ids = ids;
    t.id = sqlite3_column_int64(row, 0);
    t.note_id = note_id;
    t.line = sqlite3_column_int(row, 2);
    t.text = text(3);
    t.date = text(4);
    if (sqlite3_column_type(row, 5) != SQLITE_NULL) t.current = sqlite3_column_int64(row, 5);
    if (with_owner) t.owner = sqlite3_column_int64(row, 6);  // 0 for NULL.
    t.ordinal = static_cast<int64_t>(items->size() - 1 - first);
  }
  if (rc != SQLITE_DONE) throw SQLite::Exception(sqlite3_db_handle(row), rc);
  sqlite3_reset(row);
  if (items->size() > first) note_done(first);
}

// The same, with each note's items handed to `note_done(std::vector<Item>)`.
template <typename NoteDone>
void ForEachNote(SQLite::Database& db, const char* sql, bool with_owner, WordIds* ids,
                 NoteDone note_done) {
  std::vector<Item> note;
  RawStatement query(db, sql);
  ReadItems(query, with_owner, ids, &note, [&](size_t) {
    note_done(std::move(note));
    note.clear();
  });
}

// Writes `results` for items of `kind` ("task"): the duplicate_of values that change
// (`update_sql`) and a duplicates row per link.
void WriteResults(SQLite::Database& db, const char* kind, const char* update_sql,
                  const Results& results);

// Adds to `scope` the people and accounts whose counts the changed duplicate_of values
// of `results` move: `sql` gives an item's (person, account) by id. Nothing when the
// scope is full (everything is counted again).
void TouchCounted(SQLite::Database& db, const char* sql, const Results& results, Scope& scope);

}  // namespace notestore::resolve

#endif  // NOTESTORE_LIB_RESOLVE_REPEAT_ITEMS_H_
