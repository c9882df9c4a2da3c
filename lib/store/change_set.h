// Stage 5, store: what an ingest changed, recorded by the writer as it writes, so that
// the vault-wide pass (resolve/scope.h) can redo only what those changes touch.
//
// Only the run that wrote the changes knows them: they live in memory. When a pass is
// owed from an earlier run that died, the next run has no record, and its pass covers
// the whole vault (always correct, only slower).
#ifndef NOTESTORE_LIB_STORE_CHANGE_SET_H_
#define NOTESTORE_LIB_STORE_CHANGE_SET_H_

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace notestore::store {

// A decision row as it was before its note changed.
struct OldDecision {
  int64_t id = 0;
  std::string text;
  std::optional<std::string> date;
  std::optional<int64_t> duplicate_of;
};

// A name row (person_mentions, meeting_attendees, a task owner) as it was before its note
// changed. `table` is 'M', 'A' or 'O'.
struct OldName {
  char table = 'M';
  std::string name;
  std::string source;    // person_mentions.source; empty for the others.
  int64_t person = 0;    // The person it resolved to, 0 for none.
  bool details = false;  // A mention that gave a role or company.
};

// What the pass needs of a note's rows before its first change.
struct OldNote {
  bool person_note = false;  // kind 'person': its title and aliases define someone.
  std::string title;
  std::vector<std::string> aliases;
  std::vector<OldName> names;  // By table, then as the note lists them.
};

struct ChangeSet {
  // Notes written (new or replaced) or removed.
  std::set<int64_t> notes;
  // Those of them that were not stored before this run.
  std::set<int64_t> added;
  // The paths of notes added or removed: links anywhere to names like theirs may point
  // elsewhere now.
  std::set<std::string> moved_paths;
  // The people and accounts that the replaced and removed notes' rows referred to
  // before, whose details and counts may change with them.
  std::set<int64_t> old_people;
  std::set<int64_t> old_accounts;
  // The replaced and removed notes' names and person-note fields, by note.
  std::map<int64_t, OldNote> old_notes;
  // The decisions of the replaced and removed notes, by note, in id order: when they
  // come back the same, their links to repeats are still right.
  std::map<int64_t, std::vector<OldDecision>> old_decisions;
};

// Fills a ChangeSet as the writer goes. Not thread-safe (the writer's thread).
class ChangeRecorder {
 public:
  // `changes` may be null: then nothing is recorded. Not owned; must outlive this.
  ChangeRecorder(SQLite::Database& db, ChangeSet* changes);
  ~ChangeRecorder();

  // Records that `note_id` changes and, for a note `stored` before, what its rows said
  // before its first change. Call before any of its rows changes.
  void Record(int64_t note_id, bool stored);
  // Records that a note was added or removed at `path`.
  void Moved(const std::string& path);

 private:
  struct Statements;
  ChangeSet* changes_;
  std::unique_ptr<Statements> st_;
};

}  // namespace notestore::store

#endif  // NOTESTORE_LIB_STORE_CHANGE_SET_H_
