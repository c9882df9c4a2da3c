#include "resolve/duplicates.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <unordered_map>

#include "resolve/entity_sync.h"
#include "resolve/similarity.h"
#include "store/search_rowid.h"
#include "store/statement_binding.h"

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

// A meeting, task or decision as this pass sees it.
struct Item {
  int64_t id = 0;
  int64_t note_id = 0;
  std::string path;
  int line = 0;
  std::vector<std::string> words;
  std::string date;                // Meetings and decisions.
  std::string due;                 // Tasks.
  int64_t owner = 0;               // Tasks; 0 for none.
  int64_t richness = 0;            // Meetings.
  std::set<int64_t> attendees;     // Meetings.
  std::optional<int64_t> current;  // duplicate_of as stored.
  int64_t ordinal = 0;  // Position among its note's tasks or decisions (for search row ids).
};

struct Link {
  size_t item;
  size_t canonical;
  double similarity;
};

// Turns the groups of `uf` into links from each member to the group's canonical item,
// the member that `first` orders first.
template <typename Less>
std::vector<Link> Groups(UnionFind& uf, const std::vector<Item>& items, Less first) {
  std::map<size_t, size_t> canonical;  // root -> canonical member
  for (size_t i = 0; i < items.size(); ++i) {
    const size_t root = uf.Find(i);
    auto it = canonical.find(root);
    if (it == canonical.end() || first(i, it->second)) canonical[root] = i;
  }
  std::vector<Link> links;
  for (size_t i = 0; i < items.size(); ++i) {
    const size_t c = canonical[uf.Find(i)];
    if (c != i) links.push_back({i, c, Similarity(items[i].words, items[c].words)});
  }
  return links;
}

std::vector<Item> LoadMeetings(SQLite::Database& db) {
  std::vector<Item> items;
  SQLite::Statement q(db,
                      "SELECT m.id, m.note_id, n.path, m.date, n.body, m.duplicate_of, "
                      "(SELECT count(*) FROM tasks WHERE note_id = n.id) + "
                      "(SELECT count(*) FROM decisions WHERE note_id = n.id) + "
                      "(SELECT count(*) FROM facts WHERE note_id = n.id), length(n.body) "
                      "FROM meetings m JOIN notes n ON n.id = m.note_id "
                      "WHERE m.date IS NOT NULL ORDER BY m.date, n.path");
  while (q.executeStep()) {
    Item m;
    m.id = q.getColumn(0).getInt64();
    m.note_id = q.getColumn(1).getInt64();
    m.path = Text(q.getColumn(2));
    m.date = Text(q.getColumn(3));
    m.words = ContentWords(Text(q.getColumn(4)));
    m.current = OptId(q.getColumn(5));
    m.richness = q.getColumn(6).getInt64() * 1000000 + q.getColumn(7).getInt64();
    items.push_back(std::move(m));
  }
  std::unordered_map<int64_t, size_t> by_id;
  for (size_t i = 0; i < items.size(); ++i) by_id[items[i].id] = i;
  SQLite::Statement a(
      db, "SELECT meeting_id, person_id FROM meeting_attendees WHERE person_id IS NOT NULL");
  while (a.executeStep()) {
    auto it = by_id.find(a.getColumn(0).getInt64());
    if (it != by_id.end()) items[it->second].attendees.insert(a.getColumn(1).getInt64());
  }
  return items;
}

bool SameMeeting(const Item& a, const Item& b) {
  if (a.date != b.date || a.attendees.empty() || b.attendees.empty()) return false;
  size_t shared = 0;
  for (int64_t p : a.attendees) shared += b.attendees.count(p);
  if (shared == 0 || shared * 2 < std::min(a.attendees.size(), b.attendees.size())) return false;
  return SameContent(a.words, b.words, kSameMeeting);
}

// Links meetings; returns note id -> canonical meeting's note id for notes in a group.
std::map<int64_t, int64_t> LinkMeetings(const std::vector<Item>& meetings, std::vector<Link>* out) {
  UnionFind uf(meetings.size());
  for (size_t i = 0; i < meetings.size(); ++i) {
    for (size_t j = i + 1; j < meetings.size() && meetings[j].date == meetings[i].date; ++j) {
      if (SameMeeting(meetings[i], meetings[j])) uf.Join(i, j);
    }
  }
  *out = Groups(uf, meetings, [&](size_t a, size_t b) {
    if (meetings[a].richness != meetings[b].richness)
      return meetings[a].richness > meetings[b].richness;
    return meetings[a].path < meetings[b].path;
  });
  std::map<int64_t, int64_t> group;
  for (const Link& l : *out) {
    group[meetings[l.item].note_id] = meetings[l.canonical].note_id;
    group[meetings[l.canonical].note_id] = meetings[l.canonical].note_id;
  }
  return group;
}

std::vector<Item> LoadItems(SQLite::Database& db, const char* sql, bool task) {
  std::vector<Item> items;
  SQLite::Statement q(db, sql);
  while (q.executeStep()) {
    Item t;
    t.id = q.getColumn(0).getInt64();
    t.note_id = q.getColumn(1).getInt64();
    t.path = Text(q.getColumn(2));
    t.line = q.getColumn(3).getInt();
    t.words = ContentWords(Text(q.getColumn(4)));
    (task ? t.due : t.date) = Text(q.getColumn(5));
    t.current = OptId(q.getColumn(6));
    if (task) t.owner = q.getColumn(7).isNull() ? 0 : q.getColumn(7).getInt64();
    items.push_back(std::move(t));
  }
  // Ordinals in id order within a note, as the search index numbers them.
  std::map<int64_t, std::vector<size_t>> by_note;
  for (size_t i = 0; i < items.size(); ++i) by_note[items[i].note_id].push_back(i);
  for (auto& [note, list] : by_note) {
    std::sort(list.begin(), list.end(),
              [&](size_t a, size_t b) { return items[a].id < items[b].id; });
    for (size_t k = 0; k < list.size(); ++k) items[list[k]].ordinal = static_cast<int64_t>(k);
  }
  return items;
}

// Orders items for choosing the canonical one: the canonical meeting's rows first, then
// vault order.
auto FirstInVault(const std::vector<Item>& items, const std::map<int64_t, int64_t>& groups) {
  return [&items, &groups](size_t a, size_t b) {
    auto repeat = [&](const Item& x) {
      auto it = groups.find(x.note_id);
      return it != groups.end() && it->second != x.note_id;
    };
    const bool ra = repeat(items[a]), rb = repeat(items[b]);
    if (ra != rb) return !ra;
    if (items[a].path != items[b].path) return items[a].path < items[b].path;
    return items[a].line < items[b].line;
  };
}

// Joins in `uf` the members that `same` says are one item. Up to a few hundred members
// every pair is compared. Beyond that (a note whose every line is a task) identical word
// lists are joined directly and other pairs are compared only when they share a word
// that is not common among the members: rewordings keep most of their distinctive words,
// and comparing through common words would be quadratic.
template <typename Same>
void JoinSame(const std::vector<Item>& items, const std::vector<size_t>& members, Same same,
              UnionFind* uf) {
  constexpr size_t kPairwiseUpTo = 256;
  if (members.size() <= kPairwiseUpTo) {
    for (size_t x = 0; x < members.size(); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) {
        if (same(members[x], members[y])) uf->Join(members[x], members[y]);
      }
    }
    return;
  }
  std::map<std::vector<std::string>, size_t> first_with_words;
  std::unordered_map<std::string, std::vector<size_t>> postings;
  for (size_t m : members) {
    auto [it, inserted] = first_with_words.emplace(items[m].words, m);
    if (!inserted && same(it->second, m)) uf->Join(it->second, m);
    for (const std::string& w : items[m].words) postings[w].push_back(m);
  }
  const size_t common = std::max<size_t>(50, members.size() / 50);
  for (size_t m : members) {
    std::set<size_t> candidates;
    for (const std::string& w : items[m].words) {
      const std::vector<size_t>& list = postings[w];
      if (list.size() > common) continue;
      for (size_t other : list) {
        if (other > m) candidates.insert(other);
      }
    }
    for (size_t other : candidates) {
      if (uf->Find(m) != uf->Find(other) && same(m, other)) uf->Join(m, other);
    }
  }
}

std::vector<Link> LinkTasks(const std::vector<Item>& tasks,
                            const std::map<int64_t, int64_t>& groups) {
  // Candidates share a scope (a note, or all notes of one meeting), an owner and a due date.
  std::map<std::tuple<int64_t, int64_t, std::string>, std::vector<size_t>> buckets;
  for (size_t i = 0; i < tasks.size(); ++i) {
    auto g = groups.find(tasks[i].note_id);
    const int64_t scope = g == groups.end() ? tasks[i].note_id : g->second;
    buckets[{scope, tasks[i].owner, tasks[i].due}].push_back(i);
  }
  UnionFind uf(tasks.size());
  auto same = [&](size_t a, size_t b) {
    return SameContent(tasks[a].words, tasks[b].words, kSameItem);
  };
  for (const auto& [key, list] : buckets) JoinSame(tasks, list, same, &uf);
  return Groups(uf, tasks, FirstInVault(tasks, groups));
}

std::vector<Link> LinkDecisions(const std::vector<Item>& decisions,
                                const std::map<int64_t, int64_t>& groups) {
  std::vector<size_t> all(decisions.size());
  std::iota(all.begin(), all.end(), 0);
  UnionFind uf(decisions.size());
  JoinSame(
      decisions, all,
      [&](size_t i, size_t j) {
        const std::string& a = decisions[i].date;
        const std::string& b = decisions[j].date;
        if (!a.empty() && !b.empty() && a != b) return false;
        return SameContent(decisions[i].words, decisions[j].words, kSameItem);
      },
      &uf);
  return Groups(uf, decisions, FirstInVault(decisions, groups));
}

// Writes duplicate_of and the explanation rows of one kind.
void Write(SQLite::Database& db, const char* kind, const char* update_sql,
           const std::vector<Item>& items, const std::vector<Link>& links,
           store::SearchRowKind search_kind) {
  std::vector<std::optional<int64_t>> wanted(items.size());
  for (const Link& l : links) wanted[l.item] = items[l.canonical].id;
  std::vector<Assignment> assignments;
  for (size_t i = 0; i < items.size(); ++i) {
    assignments.push_back(Assignment{items[i].id, items[i].current, wanted[i]});
  }
  ApplyAssignments(db, update_sql, assignments);
  SQLite::Statement insert(
      db,
      "INSERT INTO duplicates(kind, id, canonical_id, similarity, search_rowid, "
      "canonical_search_rowid) VALUES(?,?,?,?,?,?)");
  for (const Link& l : links) {
    const Item& item = items[l.item];
    const Item& canonical = items[l.canonical];
    store::Exec(insert, kind, item.id, canonical.id, l.similarity,
                store::SearchRowid(item.note_id, search_kind, item.ordinal),
                store::SearchRowid(canonical.note_id, search_kind, canonical.ordinal));
  }
}

}  // namespace

void LinkDuplicates(SQLite::Database& db) {
  db.exec("DELETE FROM duplicates");
  const std::vector<Item> meetings = LoadMeetings(db);
  std::vector<Link> meeting_links;
  const std::map<int64_t, int64_t> groups = LinkMeetings(meetings, &meeting_links);
  // Meetings without a date take part in no group; clear any stale link.
  db.exec(
      "UPDATE meetings SET duplicate_of = NULL WHERE date IS NULL AND duplicate_of IS NOT NULL");
  Write(db, "meeting", "UPDATE meetings SET duplicate_of = ?1 WHERE id = ?2", meetings,
        meeting_links, store::SearchRowKind::kNote);

  const std::vector<Item> tasks =
      LoadItems(db,
                "SELECT t.id, t.note_id, n.path, t.line, t.text, t.due, t.duplicate_of, t.owner_id "
                "FROM tasks t JOIN notes n ON n.id = t.note_id ORDER BY n.path, t.line",
                true);
  Write(db, "task", "UPDATE tasks SET duplicate_of = ?1 WHERE id = ?2", tasks,
        LinkTasks(tasks, groups), store::SearchRowKind::kTask);

  const std::vector<Item> decisions =
      LoadItems(db,
                "SELECT d.id, d.note_id, n.path, d.line, d.text, d.date, d.duplicate_of "
                "FROM decisions d JOIN notes n ON n.id = d.note_id ORDER BY n.path, d.line",
                false);
  Write(db, "decision", "UPDATE decisions SET duplicate_of = ?1 WHERE id = ?2", decisions,
        LinkDecisions(decisions, groups), store::SearchRowKind::kDecision);
}

}  // namespace notestore::resolve
