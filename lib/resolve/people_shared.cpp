#include "resolve/people_shared.h"

#include <vector>

#include "store/statement_binding.h"
#include "util/text.h"

namespace notestore::resolve {

DiagnosticSink::DiagnosticSink(SQLite::Database& db)
    : insert_(db,
              "INSERT INTO diagnostics(note_id, path, line, severity, code, message, stage) "
              "SELECT ?1, path, ?2, ?3, ?4, ?5, 'resolve' FROM notes WHERE id = ?1") {}

void DiagnosticSink::Add(int64_t note_id, int line, Severity severity, const char* code,
                         const std::string& message) {
  store::Exec(insert_, note_id, store::NullIfZero(line), SeverityName(severity), code, message);
}

void ReportUnresolved(DiagnosticSink& sink, int64_t note_id, int line, const std::string& name,
                      const PeopleDirectory::Resolution& r, const char* what) {
  using Outcome = PeopleDirectory::Outcome;
  if (r.outcome == Outcome::kAmbiguous) {
    sink.Add(note_id, line, Severity::kWarning, "ambiguous-person",
             std::string(what) + " '" + name + "' could be " + util::Join(r.candidates, " or ") +
                 "; left unresolved");
  } else if (r.outcome == Outcome::kNotAName) {
    sink.Add(note_id, line, Severity::kInfo, "not-a-person",
             std::string(what) + " '" + name + "' does not read as a person's name");
  }
}

void ReportSelfWithoutMe(DiagnosticSink& sink, int64_t note_id, int line, int count) {
  sink.Add(note_id, line, Severity::kWarning, "owner-is-me-unknown",
           std::to_string(count) +
               " task(s) here are owned by @Me/@Myself, but no --me name was given; "
               "they stay unowned");
}

void AddPersonNotes(SQLite::Database& db, PeopleDirectory* dir) {
  SQLite::Statement notes(db, "SELECT id, title FROM notes WHERE kind = 'person' ORDER BY path");
  SQLite::Statement aliases(db, "SELECT alias FROM note_aliases WHERE note_id = ? ORDER BY rowid");
  while (notes.executeStep()) {
    const int64_t id = notes.getColumn(0).getInt64();
    std::vector<std::string> list;
    aliases.bind(1, id);
    while (aliases.executeStep()) list.push_back(aliases.getColumn(0).getString());
    aliases.reset();
    dir->AddPersonNote(id, notes.getColumn(1).getString(), list);
  }
}

}  // namespace notestore::resolve
