// What the people pass's whole-vault and scoped forms share: the person notes they start
// from, and the diagnostics that say why an attendee or task owner was left without a
// person.
#ifndef NOTESTORE_LIB_RESOLVE_PEOPLE_SHARED_H_
#define NOTESTORE_LIB_RESOLVE_PEOPLE_SHARED_H_

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <string>

#include "diag/diagnostic.h"
#include "resolve/people_directory.h"

namespace notestore::resolve {

// Writes diagnostics of stage 'resolve' for notes, with the note's path.
class DiagnosticSink {
 public:
  explicit DiagnosticSink(SQLite::Database& db);
  void Add(int64_t note_id, int line, Severity severity, const char* code,
           const std::string& message);

 private:
  SQLite::Statement insert_;
};

// Explains why `name` (an "attendee" or "task owner", `what`) at `line` of a note was
// left unresolved, when the resolution `r` is worth a word: ambiguous, or not a name.
void ReportUnresolved(DiagnosticSink& sink, int64_t note_id, int line, const std::string& name,
                      const PeopleDirectory::Resolution& r, const char* what);

// Says once per note that its `count` tasks owned by @Me (the first at `line`) stay
// unowned, as no --me name was given.
void ReportSelfWithoutMe(DiagnosticSink& sink, int64_t note_id, int line, int count);

// Adds every person note (kind 'person'), in path order, with its aliases to `dir`.
void AddPersonNotes(SQLite::Database& db, PeopleDirectory* dir);

}  // namespace notestore::resolve

#endif  // NOTESTORE_LIB_RESOLVE_PEOPLE_SHARED_H_
