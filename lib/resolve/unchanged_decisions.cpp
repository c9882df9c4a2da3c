#include "resolve/unchanged_decisions.h"

#include <SQLiteCpp/Statement.h>

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "store/statement_binding.h"

namespace notestore::resolve {
namespace {

bool Repeat(const std::map<int64_t, int64_t>& groups, int64_t note) {
  auto it = groups.find(note);
  return it != groups.end() && it->second != note;
}

}  // namespace

bool SameDecisions(SQLite::Database& db, const Scope& scope,
                   std::vector<std::pair<int64_t, int64_t>>* moved) {
  const store::ChangeSet& changes = scope.changes();
  SQLite::Statement now(db, "SELECT id, text, date FROM decisions WHERE note_id = ? ORDER BY id");
  static const std::vector<store::OldDecision> kNone;
  for (int64_t note : scope.notes()) {
    auto it = changes.old_decisions.find(note);
    const std::vector<store::OldDecision>& before =
        it == changes.old_decisions.end() ? kNone : it->second;
    now.bind(1, note);
    size_t i = 0;
    bool same = true;
    while (same && now.executeStep()) {
      const std::optional<std::string> date =
          now.getColumn(2).isNull() ? std::nullopt
                                    : std::optional<std::string>(now.getColumn(2).getString());
      same = i < before.size() && before[i].text == now.getColumn(1).getString() &&
             before[i].date == date;
      if (same && moved != nullptr) moved->emplace_back(before[i].id, now.getColumn(0).getInt64());
      if (same) ++i;
    }
    now.reset();
    if (!same || i != before.size()) return false;
  }
  return true;
}

bool RelinkUnchangedDecisions(SQLite::Database& db, const Scope& scope,
                              const std::map<int64_t, int64_t>& old_groups,
                              const std::map<int64_t, int64_t>& groups) {
  std::vector<std::pair<int64_t, int64_t>> moved;  // old id -> new id
  if (!SameDecisions(db, scope, &moved)) return false;
  // Which of two repeats is the original depends on whether a note is a repeated meeting.
  std::set<int64_t> regrouped;
  for (const auto* g : {&old_groups, &groups}) {
    for (const auto& [note, canonical] : *g) {
      if (Repeat(old_groups, note) != Repeat(groups, note)) regrouped.insert(note);
    }
  }
  SQLite::Statement any(db, "SELECT 1 FROM decisions WHERE note_id = ? LIMIT 1");
  for (int64_t note : regrouped) {
    any.bind(1, note);
    const bool has = any.executeStep();
    any.reset();
    if (has) return false;
  }

  // Through negative ids, so that no step meets an id another move has yet to leave.
  SQLite::Statement move_id(db,
                            "UPDATE duplicates SET id = -?2 WHERE kind = 'decision' AND id = ?1");
  SQLite::Statement move_canonical(
      db, "UPDATE duplicates SET canonical_id = -?2 WHERE kind = 'decision' AND canonical_id = ?1");
  for (const auto& [from, to] : moved) {
    store::Exec(move_id, from, to);
    store::Exec(move_canonical, from, to);
  }
  db.exec("UPDATE duplicates SET id = -id WHERE kind = 'decision' AND id < 0");
  db.exec(
      "UPDATE duplicates SET canonical_id = -canonical_id WHERE kind = 'decision' "
      "AND canonical_id < 0");
  // duplicate_of follows the links: of the rewritten decisions, and of their repeats.
  SQLite::Statement link(db,
                         "UPDATE decisions SET duplicate_of = (SELECT canonical_id FROM duplicates "
                         "WHERE kind = 'decision' AND id = decisions.id) WHERE id = ?");
  SQLite::Statement repeats(
      db, "SELECT id FROM duplicates WHERE kind = 'decision' AND canonical_id = ?");
  for (const auto& [from, to] : moved) {
    store::Exec(link, to);
    repeats.bind(1, to);
    std::vector<int64_t> ids;
    while (repeats.executeStep()) ids.push_back(repeats.getColumn(0).getInt64());
    repeats.reset();
    for (int64_t id : ids) store::Exec(link, id);
  }
  return true;
}

}  // namespace notestore::resolve
