#include "store/change_set.h"

#include <SQLiteCpp/Statement.h>

namespace notestore::store {

struct ChangeRecorder::Statements {
  explicit Statements(SQLite::Database& db)
      : old_people(db,
                   "SELECT person_id FROM person_mentions WHERE note_id = ?1 "
                   "UNION SELECT person_id FROM meeting_attendees WHERE meeting_id = ?1 "
                   "UNION SELECT owner_id FROM tasks WHERE note_id = ?1"),
        old_accounts(db,
                     "SELECT account_id FROM account_mentions WHERE note_id = ?1 "
                     "UNION SELECT account_id FROM meetings WHERE note_id = ?1 "
                     "UNION SELECT account_id FROM decisions WHERE note_id = ?1 "
                     "UNION SELECT account_id FROM notes WHERE id = ?1"),
        old_names(db,
                  "SELECT 'M', name, source, person_id, role IS NOT NULL OR company IS NOT NULL, "
                  "1, line, rowid FROM person_mentions WHERE note_id = ?1 "
                  "UNION ALL SELECT 'A', name, '', person_id, 0, 2, 0, rowid "
                  "FROM meeting_attendees WHERE meeting_id = ?1 "
                  "UNION ALL SELECT 'O', owner_name, '', owner_id, 0, 3, line, id FROM tasks "
                  "WHERE note_id = ?1 AND owner_name IS NOT NULL ORDER BY 6, 7, 8"),
        old_note(db, "SELECT kind = 'person', title FROM notes WHERE id = ?"),
        old_aliases(db, "SELECT alias FROM note_aliases WHERE note_id = ? ORDER BY rowid"),
        old_decisions(db,
                      "SELECT id, text, date, duplicate_of FROM decisions WHERE note_id = ? "
                      "ORDER BY id") {}
  SQLite::Statement old_people, old_accounts, old_names, old_note, old_aliases, old_decisions;
};

ChangeRecorder::ChangeRecorder(SQLite::Database& db, ChangeSet* changes)
    : changes_(changes), st_(changes ? std::make_unique<Statements>(db) : nullptr) {}
ChangeRecorder::~ChangeRecorder() = default;

void ChangeRecorder::Moved(const std::string& path) {
  if (changes_) changes_->moved_paths.insert(path);
}

void ChangeRecorder::Record(int64_t note_id, bool stored) {
  if (!changes_ || !changes_->notes.insert(note_id).second) return;
  if (!stored) {
    changes_->added.insert(note_id);
    return;
  }
  auto collect = [note_id](SQLite::Statement& q, std::set<int64_t>* out) {
    q.bind(1, note_id);
    while (q.executeStep()) {
      if (!q.getColumn(0).isNull()) out->insert(q.getColumn(0).getInt64());
    }
    q.reset();
  };
  collect(st_->old_people, &changes_->old_people);
  collect(st_->old_accounts, &changes_->old_accounts);
  OldNote& old = changes_->old_notes[note_id];
  st_->old_note.bind(1, note_id);
  if (st_->old_note.executeStep()) {
    old.person_note = st_->old_note.getColumn(0).getInt() != 0;
    old.title = st_->old_note.getColumn(1).getString();
  }
  st_->old_note.reset();
  st_->old_aliases.bind(1, note_id);
  while (st_->old_aliases.executeStep())
    old.aliases.push_back(st_->old_aliases.getColumn(0).getString());
  st_->old_aliases.reset();
  SQLite::Statement& names = st_->old_names;
  names.bind(1, note_id);
  while (names.executeStep()) {
    old.names.push_back(OldName{names.getColumn(0).getText()[0], names.getColumn(1).getString(),
                                names.getColumn(2).getString(),
                                names.getColumn(3).isNull() ? 0 : names.getColumn(3).getInt64(),
                                names.getColumn(4).getInt() != 0});
  }
  names.reset();
  SQLite::Statement& q = st_->old_decisions;
  q.bind(1, note_id);
  while (q.executeStep()) {
    auto optional_text = [&](int i) {
      return q.getColumn(i).isNull() ? std::nullopt
                                     : std::optional<std::string>(q.getColumn(i).getString());
    };
    changes_->old_decisions[note_id].push_back(
        OldDecision{q.getColumn(0).getInt64(), q.getColumn(1).getString(), optional_text(2),
                    q.getColumn(3).isNull() ? std::nullopt
                                            : std::optional<int64_t>(q.getColumn(3).getInt64())});
  }
  q.reset();
}

}  // namespace notestore::store
