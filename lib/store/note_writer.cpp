#include "store/note_writer.h"

#include <nlohmann/json.hpp>
#include <vector>

#include "extract/note_record.h"
#include "store/search_rowid.h"
#include "store/statement_binding.h"

namespace notestore::store {
namespace {

const std::string kNoBody;  // The body of a task's or decision's search row.

// Text of the heading at `index`, or nothing.
std::optional<std::string> SectionText(const parse::ParsedNote& note, int index) {
  const parse::Heading* h = note.HeadingAt(index);
  return h ? std::optional<std::string>(h->text) : std::nullopt;
}

std::string FolderOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::string JsonString(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// {"header": "value", ...} in column order. Written by hand: ordered_json looks each key
// up by a linear search, quadratic in the columns of a wide table.
std::string CellsJson(const parse::TableRow& row) {
  std::string out = "{";
  for (const auto& [header, value] : row.cells) {
    if (out.size() > 1) out += ',';
    out += JsonString(header);
    out += ':';
    out += JsonString(value);
  }
  return out + "}";
}

}  // namespace

struct NoteWriter::Statements {
  explicit Statements(SQLite::Database& db)
      : find_note(db, "SELECT id FROM notes WHERE path = ?"),
        insert_note(db,
                    "INSERT INTO notes(path, title, kind, type, date, body, frontmatter, folder, "
                    "file_size, file_mtime_ns, content_hash, repairs) "
                    "VALUES(?,?,?,?,?,?,?,?,?,?,?,?)"),
        update_note(db,
                    "UPDATE notes SET path=?1, title=?2, kind=?3, type=?4, date=?5, body=?6, "
                    "frontmatter=?7, folder=?8, file_size=?9, file_mtime_ns=?10, "
                    "content_hash=?11, repairs=?12 WHERE id=?13"),
        update_stat(db, "UPDATE notes SET file_size=?, file_mtime_ns=? WHERE id=?"),
        delete_note(db, "DELETE FROM notes WHERE id = ?"),
        search_rows(db, "SELECT rowid FROM search WHERE rowid BETWEEN ? AND ?"),
        delete_search(db, "DELETE FROM search WHERE rowid = ?"),
        insert_property(db,
                        "INSERT INTO properties(note_id, key, value, idx, line, source) "
                        "VALUES(?,?,?,?,?,?)"),
        insert_alias(db, "INSERT INTO note_aliases(note_id, alias) VALUES(?,?)"),
        insert_heading(db, "INSERT INTO headings(note_id, level, text, line) VALUES(?,?,?,?)"),
        insert_tag(db, "INSERT INTO tags(note_id, tag, line, source) VALUES(?,?,?,?)"),
        insert_link(db,
                    "INSERT INTO links(note_id, target, display, heading, embed, line, style) "
                    "VALUES(?,?,?,?,?,?,?)"),
        insert_person_mention(db,
                              "INSERT INTO person_mentions(note_id, line, name, source, role, "
                              "company) VALUES(?,?,?,?,?,?)"),
        insert_account_mention(db,
                               "INSERT INTO account_mentions(note_id, line, name, source, status, "
                               "industry) VALUES(?,?,?,?,?,?)"),
        insert_meeting(db,
                       "INSERT INTO meetings(id, note_id, date, title, account_name, source) "
                       "VALUES(?1,?1,?2,?3,?4,?5)"),
        insert_attendee(db, "INSERT INTO meeting_attendees(meeting_id, name, line) VALUES(?,?,?)"),
        insert_task(db,
                    "INSERT INTO tasks(note_id, line, status, status_char, text, owner_name, due, "
                    "scheduled, start, created, done, cancelled, priority, recurrence, section, "
                    "parent_id, task_uid, depends_on, block_id, raw) "
                    "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        insert_task_tag(db, "INSERT INTO task_tags(task_id, tag) VALUES(?,?)"),
        insert_decision(db,
                        "INSERT INTO decisions(note_id, line, text, section, date, account_name) "
                        "VALUES(?,?,?,?,?,?)"),
        insert_fact(db, "INSERT INTO facts(note_id, line, kind, text, section) VALUES(?,?,?,?,?)"),
        insert_table_row(db,
                         "INSERT INTO table_rows(note_id, table_index, line, section, cells) "
                         "VALUES(?,?,?,?,?)"),
        insert_diagnostic(db,
                          "INSERT INTO diagnostics(note_id, path, line, severity, code, message, "
                          "stage) VALUES(?,?,?,?,?,?,?)"),
        delete_path_diagnostics(db,
                                "DELETE FROM diagnostics WHERE path = ? AND stage != 'resolve'"),
        delete_read_diagnostics(db, "DELETE FROM diagnostics WHERE path = ? AND stage = 'read'"),
        path_of(db, "SELECT path FROM notes WHERE id = ?"),
        insert_search(db,
                      "INSERT INTO search(rowid, title, body, kind, ref_id, note_id) "
                      "VALUES(?,?,?,?,?,?)"),
        insert_note_words(db, "INSERT INTO note_words(note_id, words) VALUES(?,?)"),
        old_people(db,
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
                      "ORDER BY id") {
    for (const char* sql : kDeleteChildren) delete_children.emplace_back(db, sql);
  }

  // Every row that hangs off a note, in an order that never orphans a lookup.
  static constexpr const char* kDeleteChildren[] = {
      "DELETE FROM task_tags WHERE task_id IN (SELECT id FROM tasks WHERE note_id = ?1)",
      "DELETE FROM meeting_attendees WHERE meeting_id = ?1",
      "DELETE FROM meetings WHERE note_id = ?1",
      "DELETE FROM tasks WHERE note_id = ?1",
      "DELETE FROM decisions WHERE note_id = ?1",
      "DELETE FROM facts WHERE note_id = ?1",
      "DELETE FROM properties WHERE note_id = ?1",
      "DELETE FROM note_aliases WHERE note_id = ?1",
      "DELETE FROM headings WHERE note_id = ?1",
      "DELETE FROM tags WHERE note_id = ?1",
      "DELETE FROM links WHERE note_id = ?1",
      "DELETE FROM person_mentions WHERE note_id = ?1",
      "DELETE FROM account_mentions WHERE note_id = ?1",
      "DELETE FROM table_rows WHERE note_id = ?1",
      "DELETE FROM note_words WHERE note_id = ?1",
  };
  std::vector<SQLite::Statement> delete_children;

  SQLite::Statement find_note, insert_note, update_note, update_stat, delete_note;
  SQLite::Statement search_rows, delete_search;
  SQLite::Statement insert_property, insert_alias, insert_heading, insert_tag, insert_link;
  SQLite::Statement insert_person_mention, insert_account_mention, insert_meeting, insert_attendee;
  SQLite::Statement insert_task, insert_task_tag, insert_decision, insert_fact, insert_table_row;
  SQLite::Statement insert_diagnostic, delete_path_diagnostics, delete_read_diagnostics, path_of;
  SQLite::Statement insert_search;
  SQLite::Statement insert_note_words;
  SQLite::Statement old_people, old_accounts, old_names, old_note, old_aliases, old_decisions;
};

NoteWriter::NoteWriter(SQLite::Database& db, ChangeSet* changes)
    : db_(db), changes_(changes), st_(std::make_unique<Statements>(db)) {}
NoteWriter::~NoteWriter() = default;

void NoteWriter::RecordChange(int64_t note_id, bool stored) {
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

void NoteWriter::DeleteChildren(int64_t note_id) {
  // The note's search rows are deleted when its new ones are written (FlushSearch).
  old_search_.clear();
  st_->search_rows.bind(1, SearchRowidFirst(note_id));
  st_->search_rows.bind(2, SearchRowidLast(note_id));
  while (st_->search_rows.executeStep()) {
    old_search_.push_back(st_->search_rows.getColumn(0).getInt64());
  }
  st_->search_rows.reset();
  for (SQLite::Statement& s : st_->delete_children) Exec(s, note_id);
}

void NoteWriter::InsertSearch(int64_t rowid, const std::string& title, const std::string& body,
                              const char* kind, int64_t ref_id) {
  new_search_.push_back(SearchRow{rowid, &title, &body, kind, ref_id});
}

// FTS5 writes its pending terms out as a new segment whenever a row id is lower than
// the one before, or equal to an inserted one, and at every savepoint (which a
// statement that may change several rows of a virtual table opens). So a note's old
// and new rows go row by row in ascending order, each old row deleted just before the
// new row of its id: a re-sync of 1,000 notes made 1,000 segments otherwise.
void NoteWriter::FlushSearch(int64_t note_id) {
  size_t i = 0;
  for (const SearchRow& row : new_search_) {
    for (; i < old_search_.size() && old_search_[i] <= row.rowid; ++i) {
      Exec(st_->delete_search, old_search_[i]);
    }
    SQLite::Statement& q = st_->insert_search;
    q.bind(1, row.rowid);
    q.bindNoCopy(2, *row.title);  // Both outlive the statement's run.
    q.bindNoCopy(3, *row.body);
    q.bind(4, row.kind);
    q.bind(5, row.ref_id);
    q.bind(6, note_id);
    q.exec();
    q.reset();
  }
  for (; i < old_search_.size(); ++i) Exec(st_->delete_search, old_search_[i]);
  old_search_.clear();
  new_search_.clear();
}

void NoteWriter::InsertDiagnostics(int64_t note_id, const std::string& path,
                                   const Diagnostics& diagnostics, const char* stage) {
  for (const Diagnostic& d : diagnostics) {
    Exec(st_->insert_diagnostic, NullIfZero(note_id), path, NullIfZero(d.line),
         SeverityName(d.severity), d.code, d.message, stage);
  }
}

int64_t NoteWriter::Write(const FileState& file, const parse::ParsedNote& note,
                          const extract::NoteRecord& rec, const Diagnostics& read_diagnostics,
                          const std::string& meeting_words) {
  int64_t id = 0;
  st_->find_note.bind(1, file.path);
  if (st_->find_note.executeStep()) id = st_->find_note.getColumn(0).getInt64();
  st_->find_note.reset();
  // An existing note keeps its id: its rows are replaced, the notes row updated.
  if (id) {
    RecordChange(id, true);
    DeleteChildren(id);
  }
  auto write_note = [&](SQLite::Statement& statement, auto... where_id) {
    Exec(statement, file.path, rec.title, extract::NoteKindName(rec.kind), rec.type, rec.date,
         note.body, note.frontmatter, FolderOf(file.path), file.size, file.mtime_ns, file.hash,
         file.repairs, where_id...);
  };
  if (id) {
    write_note(st_->update_note, id);
  } else {
    write_note(st_->insert_note);
    id = db_.getLastInsertRowid();
    RecordChange(id, false);
    if (changes_) changes_->moved_paths.insert(file.path);
  }

  Exec(st_->delete_path_diagnostics, file.path);
  // Search rows are written last, in row id order (FlushSearch); the note's is its lowest.
  std::string search_title = rec.title;
  for (const std::string& alias : note.aliases) search_title += " " + alias;
  InsertSearch(SearchRowid(id, SearchRowKind::kNote, 0), search_title, note.body, "note", id);
  WriteParsed(id, note);
  WriteTasks(id, note);
  WriteExtracted(id, rec);
  InsertDiagnostics(id, file.path, read_diagnostics, "read");
  InsertDiagnostics(id, file.path, note.diagnostics, "parse");
  InsertDiagnostics(id, file.path, rec.diagnostics, "parse");
  if (!meeting_words.empty()) {
    st_->insert_note_words.bind(1, id);
    st_->insert_note_words.bind(2, meeting_words.data(), static_cast<int>(meeting_words.size()));
    st_->insert_note_words.exec();
    st_->insert_note_words.reset();
  }
  FlushSearch(id);
  return id;
}

void NoteWriter::WriteParsed(int64_t id, const parse::ParsedNote& note) {
  for (const parse::Property& p : note.properties) {
    Exec(st_->insert_property, id, p.key, p.value, NullIfNegative(p.idx), p.line,
         parse::PropertySourceName(p.source));
  }
  for (const std::string& alias : note.aliases) Exec(st_->insert_alias, id, alias);
  for (const parse::Heading& h : note.headings)
    Exec(st_->insert_heading, id, h.level, h.text, h.line);
  for (const parse::Tag& t : note.tags) {
    Exec(st_->insert_tag, id, t.name, t.line, t.in_frontmatter ? "frontmatter" : "body");
  }
  for (const parse::Link& l : note.links) {
    Exec(st_->insert_link, id, l.target, NullIfEmpty(l.display), NullIfEmpty(l.subpath),
         l.embed ? 1 : 0, l.line, parse::LinkStyleName(l.style));
  }
  for (const parse::TableRow& row : note.table_rows) {
    Exec(st_->insert_table_row, id, row.table, row.line, SectionText(note, row.heading),
         CellsJson(row));
  }
}

void NoteWriter::WriteTasks(int64_t id, const parse::ParsedNote& note) {
  std::vector<int64_t> task_ids;
  task_ids.reserve(note.tasks.size());
  for (const parse::Task& t : note.tasks) {
    const parse::TaskFields& f = t.fields;
    const NullIfZero parent(t.parent_task >= 0 ? task_ids[t.parent_task] : 0);
    Exec(st_->insert_task, id, t.line, TaskStatusName(t.status), t.status_char, f.text,
         NullIfEmpty(f.owner), f.due, f.scheduled, f.start, f.created, f.done, f.cancelled,
         f.priority, f.recurrence, SectionText(note, note.items[t.item].heading), parent, f.task_id,
         f.depends_on, f.block_id, t.raw);
    const int64_t task_id = db_.getLastInsertRowid();
    task_ids.push_back(task_id);
    for (const std::string& tag : f.tags) Exec(st_->insert_task_tag, task_id, tag);
    const auto ordinal = static_cast<int64_t>(task_ids.size() - 1);
    if (ordinal <= kSearchMaxOrdinal) {
      InsertSearch(SearchRowid(id, SearchRowKind::kTask, ordinal), f.text, kNoBody, "task",
                   task_id);
    }
  }
}

void NoteWriter::WriteExtracted(int64_t id, const extract::NoteRecord& rec) {
  for (const extract::PersonMention& p : rec.people) {
    Exec(st_->insert_person_mention, id, p.line, p.name, p.source, NullIfEmpty(p.role),
         NullIfEmpty(p.company));
  }
  for (const extract::AccountMention& a : rec.accounts) {
    const bool self = a.source == "self";
    Exec(st_->insert_account_mention, id, a.line, a.name, a.source,
         self ? rec.account_status : std::nullopt, self ? rec.account_industry : std::nullopt);
  }
  if (rec.meeting) {
    const extract::MeetingInfo& m = *rec.meeting;
    Exec(st_->insert_meeting, id, m.date, m.title, m.account, m.source);
    for (const extract::PersonMention& a : m.attendees) {
      Exec(st_->insert_attendee, id, a.name, a.line);
    }
  }
  int64_t ordinal = 0;
  for (const extract::Decision& d : rec.decisions) {
    Exec(st_->insert_decision, id, d.line, d.text, d.section, rec.date, rec.account);
    const int64_t decision_id = db_.getLastInsertRowid();
    if (ordinal <= kSearchMaxOrdinal) {
      InsertSearch(SearchRowid(id, SearchRowKind::kDecision, ordinal++), d.text, kNoBody,
                   "decision", decision_id);
    }
  }
  for (const extract::Fact& f : rec.facts) {
    Exec(st_->insert_fact, id, f.line, f.kind, f.text, f.section);
  }
}

void NoteWriter::Remove(int64_t note_id) {
  RecordChange(note_id, true);
  DeleteChildren(note_id);
  FlushSearch(note_id);
  st_->path_of.bind(1, note_id);
  const bool found = st_->path_of.executeStep();
  const std::string path = found ? st_->path_of.getColumn(0).getString() : std::string();
  st_->path_of.reset();
  if (changes_ && found) changes_->moved_paths.insert(path);
  if (found) Exec(st_->delete_path_diagnostics, path);
  Exec(st_->delete_note, note_id);
}

void NoteWriter::UpdateFileStat(int64_t note_id, int64_t size, int64_t mtime_ns) {
  Exec(st_->update_stat, size, mtime_ns, note_id);
}

void NoteWriter::WriteFileProblem(const std::string& path, int64_t note_id,
                                  const Diagnostics& diagnostics) {
  // A stored note keeps its rows (and its parse diagnostics): a failed read must not
  // cost data. Only earlier read problems of the path are replaced.
  Exec(st_->delete_read_diagnostics, path);
  InsertDiagnostics(note_id, path, diagnostics, "read");
}

}  // namespace notestore::store
