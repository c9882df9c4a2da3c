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

#include "resolve/decisions_ahead.h"
#include "resolve/duplicate_decisions.h"
#include "resolve/duplicate_meetings.h"
#include "resolve/repeat_items.h"
#include "resolve/unchanged_decisions.h"
#include "resolve/vault_order.h"
#include "store/search_rowid.h"
#include "store/statement_binding.h"

// Cost: this pass runs on every ingest that changed something, over the whole vault, so
// it reads each table once in index order, keeps one note's tasks in memory at a time
// (plus those of repeated meetings), and computes content words only for items that
// have a candidate to be compared with.
namespace notestore::resolve {
namespace {

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
  RawStatement of_note(db,
                       "SELECT id, note_id, line, text, due, duplicate_of, owner_id FROM tasks "
                       "WHERE note_id = ? ORDER BY id");
  for (int64_t key : keys) {
    std::vector<int64_t> notes = group_of(groups, members, key);
    std::sort(notes.begin(), notes.end());  // As the whole-vault pass reads them.
    std::vector<Item> tasks;
    for (int64_t note : notes) {
      relinked->insert(note);
      of_note.Bind(1, note);
      ReadItems(of_note, true, &ids, &tasks, [](size_t) {});
    }
    if (!tasks.empty()) LinkTaskScope(tasks, groups, rank, &out);
  }
  return out;
}

}  // namespace

void LinkDuplicates(SQLite::Database& db, Scope& scope, util::StepTimes& steps,
                    DecisionsAhead* ahead) {
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
  steps.Lap("meetings");
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
  WriteResults(db, "task", "UPDATE tasks SET duplicate_of = ?1 WHERE id = ?2", tasks);
  TouchCounted(db, "SELECT owner_id, account_id FROM tasks WHERE id = ?", tasks, scope);
  steps.Lap("tasks");
  // Decisions are compared across the vault, as far as the changes reach (see
  // duplicate_decisions.h); not at all when the changed notes kept theirs.
  if (!scope.full()) {
    if (RelinkUnchangedDecisions(db, scope, old_groups, groups)) {
      steps.Lap("decisions");
      return;
    }
    db.exec("DELETE FROM duplicates WHERE kind = 'decision'");
  }
  std::optional<ComparedDecisions> compared;
  if (ahead != nullptr) compared = ahead->Take(db);
  if (!compared) compared = CompareDecisions(db, scope);
  const Results decisions = GroupDecisions(*compared, groups, rank);
  WriteResults(db, "decision", "UPDATE decisions SET duplicate_of = ?1 WHERE id = ?2", decisions);
  TouchCounted(db, "SELECT NULL, account_id FROM decisions WHERE id = ?", decisions, scope);
  steps.Lap("decisions");
}

}  // namespace notestore::resolve
