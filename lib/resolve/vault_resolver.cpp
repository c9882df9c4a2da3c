#include "resolve/vault_resolver.h"

#include <SQLiteCpp/Statement.h>

#include <map>
#include <set>
#include <vector>

#include "diag/diagnostic.h"
#include "resolve/entity_sync.h"
#include "resolve/link_index.h"
#include "resolve/people_directory.h"
#include "store/statement_binding.h"
#include "util/text.h"

namespace notestore::resolve {
namespace {

std::optional<int64_t> OptId(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}

std::optional<std::string> OptText(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

// A name as one of the tables holds it, waiting to be tied to a person.
struct NameRow {
  int64_t rowid = 0;
  int64_t note_id = 0;
  std::string path;
  int line = 0;
  std::string name;
  std::string source;  // person_mentions only.
  std::optional<std::string> role, company;
  std::optional<int64_t> current;
  std::string key;  // Resolved person, empty for none.
};

std::vector<NameRow> LoadNames(SQLite::Database& db, const char* sql, bool with_details) {
  std::vector<NameRow> rows;
  SQLite::Statement q(db, sql);
  while (q.executeStep()) {
    NameRow r;
    r.rowid = q.getColumn(0).getInt64();
    r.note_id = q.getColumn(1).getInt64();
    r.path = q.getColumn(2).getString();
    r.line = q.getColumn(3).getInt();
    r.name = q.getColumn(4).getString();
    r.current = OptId(q.getColumn(5));
    if (with_details) {
      r.source = q.getColumn(6).getString();
      r.role = OptText(q.getColumn(7));
      r.company = OptText(q.getColumn(8));
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

bool IsMultiWord(const std::string& name) {
  return util::Trim(name).find(' ') != std::string::npos;
}

class DiagnosticSink {
 public:
  explicit DiagnosticSink(SQLite::Database& db)
      : insert_(db,
                "INSERT INTO diagnostics(note_id, path, line, severity, code, message, stage) "
                "VALUES(?,?,?,?,?,?,'resolve')") {}

  void Add(int64_t note_id, const std::string& path, int line, Severity severity, const char* code,
           const std::string& message) {
    store::Exec(insert_, store::NullIfZero(note_id), path, store::NullIfZero(line),
                SeverityName(severity), code, message);
  }

 private:
  SQLite::Statement insert_;
};

// Explains, once per note, why a task owner or attendee was left unresolved.
void ReportUnresolved(DiagnosticSink& sink, const NameRow& row,
                      const PeopleDirectory::Resolution& r, const char* what) {
  using Outcome = PeopleDirectory::Outcome;
  if (r.outcome == Outcome::kAmbiguous) {
    sink.Add(row.note_id, row.path, row.line, Severity::kWarning, "ambiguous-person",
             std::string(what) + " '" + row.name + "' could be " +
                 util::Join(r.candidates, " or ") + "; left unresolved");
  } else if (r.outcome == Outcome::kNotAName) {
    sink.Add(row.note_id, row.path, row.line, Severity::kInfo, "not-a-person",
             std::string(what) + " '" + row.name + "' does not read as a person's name");
  }
}

}  // namespace

void ResolvePeople(SQLite::Database& db, const ResolveOptions& options) {
  std::vector<NameRow> mentions = LoadNames(
      db,
      "SELECT pm.rowid, pm.note_id, n.path, pm.line, pm.name, pm.person_id, pm.source, pm.role, "
      "pm.company FROM person_mentions pm JOIN notes n ON n.id = pm.note_id "
      "ORDER BY n.path, pm.line, pm.rowid",
      true);
  std::vector<NameRow> attendees = LoadNames(
      db,
      "SELECT ma.rowid, ma.meeting_id, n.path, ma.line, ma.name, ma.person_id "
      "FROM meeting_attendees ma JOIN notes n ON n.id = ma.meeting_id ORDER BY n.path, ma.rowid",
      false);
  std::vector<NameRow> owners = LoadNames(
      db,
      "SELECT t.id, t.note_id, n.path, t.line, t.owner_name, t.owner_id FROM tasks t "
      "JOIN notes n ON n.id = t.note_id WHERE t.owner_name IS NOT NULL ORDER BY n.path, t.line",
      false);

  PeopleDirectory dir;
  dir.SetMe(options.me);
  {
    SQLite::Statement notes(db, "SELECT id, title FROM notes WHERE kind = 'person' ORDER BY path");
    SQLite::Statement aliases(db,
                              "SELECT alias FROM note_aliases WHERE note_id = ? ORDER BY rowid");
    while (notes.executeStep()) {
      const int64_t id = notes.getColumn(0).getInt64();
      std::vector<std::string> list;
      aliases.bind(1, id);
      while (aliases.executeStep()) list.push_back(aliases.getColumn(0).getString());
      aliases.reset();
      dir.AddPersonNote(id, notes.getColumn(1).getString(), list);
    }
  }
  // Full names first, so a short "@Jack" can find "Jack Kabat" wherever it appears.
  for (const auto* rows : {&mentions, &attendees, &owners}) {
    for (const NameRow& r : *rows) {
      if (IsMultiWord(r.name)) dir.AddKnownName(r.name);
    }
  }

  DiagnosticSink sink(db);
  std::map<int64_t, std::set<std::string>> context;  // note -> people it names
  auto resolve = [&](NameRow& row, const char* what) {
    static const std::set<std::string> kNoContext;
    auto it = context.find(row.note_id);
    const PeopleDirectory::Resolution r =
        dir.Resolve(row.name, it == context.end() ? kNoContext : it->second);
    if (r.outcome == PeopleDirectory::Outcome::kPerson) {
      row.key = dir.Find(r.key) ? r.key : dir.Add(row.name);
    } else if (what) {
      ReportUnresolved(sink, row, r, what);
    }
    return r.outcome;
  };
  for (NameRow& m : mentions) {
    // Full names first (they build each note's context), short names after.
    if (IsMultiWord(m.name)) resolve(m, nullptr);
    if (!m.key.empty() && m.source != "owner") context[m.note_id].insert(m.key);
  }
  for (NameRow& m : mentions) {
    if (m.key.empty()) resolve(m, nullptr);
  }
  for (NameRow& a : attendees) resolve(a, "attendee");

  std::map<int64_t, std::pair<int, int>> self_without_me;  // note -> (count, first line)
  for (NameRow& o : owners) {
    if (resolve(o, "task owner") == PeopleDirectory::Outcome::kSelfWithoutMe) {
      auto& [count, line] = self_without_me[o.note_id];
      if (count++ == 0) line = o.line;
    }
  }
  for (const NameRow& o : owners) {
    auto it = self_without_me.find(o.note_id);
    if (it == self_without_me.end()) continue;
    sink.Add(o.note_id, o.path, it->second.second, Severity::kWarning, "owner-is-me-unknown",
             std::to_string(it->second.first) +
                 " task(s) here are owned by @Me/@Myself, but no --me name was given; "
                 "they stay unowned");
    self_without_me.erase(it);
  }

  // Every person referenced, or with a note of their own.
  std::map<std::string, EntityRow> people;
  for (const auto& [key, entry] : dir.entries()) {
    if (entry.note_id) people[key] = EntityRow{key, entry.name, entry.note_id, {}, {}};
  }
  for (const auto* rows : {&mentions, &attendees, &owners}) {
    for (const NameRow& r : *rows) {
      if (r.key.empty()) continue;
      EntityRow& row = people[r.key];
      if (row.key.empty()) row = EntityRow{r.key, dir.Find(r.key)->name, 0, {}, {}};
    }
  }
  // Role and company: the person's own note first, then the first mention that says.
  for (int pass = 0; pass < 2; ++pass) {
    for (const NameRow& m : mentions) {
      if (m.key.empty() || (pass == 0) != (m.source == "self")) continue;
      EntityRow& row = people[m.key];
      if (!row.first && m.role) row.first = m.role;
      if (!row.second && m.company) row.second = m.company;
    }
  }
  std::vector<EntityRow> rows;
  for (auto& [key, row] : people) rows.push_back(std::move(row));
  const std::map<std::string, int64_t> ids = SyncEntities(db, {"people", "role", "company"}, rows);

  db.exec("DELETE FROM person_aliases");
  SQLite::Statement alias(db, "INSERT INTO person_aliases(person_id, alias) VALUES(?, ?)");
  for (const auto& [key, entry] : dir.entries()) {
    auto id = ids.find(key);
    if (id == ids.end()) continue;
    for (const std::string& a : entry.aliases) store::Exec(alias, id->second, a);
  }

  auto assignments = [&](const std::vector<NameRow>& list) {
    std::vector<Assignment> out;
    for (const NameRow& r : list) {
      std::optional<int64_t> wanted;
      if (auto it = ids.find(r.key); !r.key.empty() && it != ids.end()) wanted = it->second;
      out.push_back(Assignment{r.rowid, r.current, wanted});
    }
    return out;
  };
  ApplyAssignments(db, "UPDATE person_mentions SET person_id = ?1 WHERE rowid = ?2",
                   assignments(mentions));
  ApplyAssignments(db, "UPDATE meeting_attendees SET person_id = ?1 WHERE rowid = ?2",
                   assignments(attendees));
  ApplyAssignments(db, "UPDATE tasks SET owner_id = ?1 WHERE id = ?2", assignments(owners));
}

}  // namespace notestore::resolve
