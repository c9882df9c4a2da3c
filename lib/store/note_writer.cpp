#include "store/note_writer.h"

#include <nlohmann/json.hpp>
#include <vector>

#include "extract/note_record.h"

namespace notestore::store {
namespace {

constexpr int64_t kSearchNote = 0;
constexpr int64_t kSearchTask = 1;
constexpr int64_t kSearchDecision = 2;

void BindOpt(SQLite::Statement& s, int idx, const std::optional<std::string>& v) {
  if (v) {
    s.bind(idx, *v);
  } else {
    s.bind(idx);
  }
}

void BindNonEmpty(SQLite::Statement& s, int idx, const std::string& v) {
  if (v.empty()) {
    s.bind(idx);
  } else {
    s.bind(idx, v);
  }
}

// Runs a prepared statement and readies it for the next use.
void Run(SQLite::Statement& s) {
  s.exec();
  s.reset();
}

std::string FolderOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::string CellsJson(const parse::TableRow& row) {
  nlohmann::ordered_json cells = nlohmann::ordered_json::object();
  for (const auto& [header, value] : row.cells) cells[header] = value;
  return cells.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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
        task_ids(db, "SELECT id FROM tasks WHERE note_id = ?"),
        decision_ids(db, "SELECT id FROM decisions WHERE note_id = ?"),
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
        insert_search(db,
                      "INSERT INTO search(rowid, title, body, kind, ref_id, note_id) "
                      "VALUES(?,?,?,?,?,?)") {
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
  };
  std::vector<SQLite::Statement> delete_children;

  SQLite::Statement find_note, insert_note, update_note, update_stat, delete_note;
  SQLite::Statement task_ids, decision_ids, delete_search;
  SQLite::Statement insert_property, insert_alias, insert_heading, insert_tag, insert_link;
  SQLite::Statement insert_person_mention, insert_account_mention, insert_meeting, insert_attendee;
  SQLite::Statement insert_task, insert_task_tag, insert_decision, insert_fact, insert_table_row;
  SQLite::Statement insert_diagnostic, delete_path_diagnostics, insert_search;
};

NoteWriter::NoteWriter(SQLite::Database& db) : db_(db), st_(std::make_unique<Statements>(db)) {}
NoteWriter::~NoteWriter() = default;

void NoteWriter::DeleteChildren(int64_t note_id) {
  // FTS rows first: their rowids derive from the ids about to be deleted.
  std::vector<int64_t> rowids = {note_id * 4 + kSearchNote};
  for (auto [q, kind] :
       {std::pair{&st_->task_ids, kSearchTask}, std::pair{&st_->decision_ids, kSearchDecision}}) {
    q->bind(1, note_id);
    while (q->executeStep()) rowids.push_back(q->getColumn(0).getInt64() * 4 + kind);
    q->reset();
  }
  for (int64_t rowid : rowids) {
    st_->delete_search.bind(1, rowid);
    Run(st_->delete_search);
  }
  for (SQLite::Statement& s : st_->delete_children) {
    s.bind(1, note_id);
    Run(s);
  }
}

void NoteWriter::InsertSearch(int64_t rowid, const std::string& title, const std::string& body,
                              const char* kind, int64_t ref_id, int64_t note_id) {
  SQLite::Statement& s = st_->insert_search;
  s.bind(1, rowid);
  s.bind(2, title);
  s.bind(3, body);
  s.bind(4, kind);
  s.bind(5, ref_id);
  s.bind(6, note_id);
  Run(s);
}

void NoteWriter::InsertDiagnostics(int64_t note_id, const std::string& path,
                                   const Diagnostics& diagnostics, const char* stage) {
  SQLite::Statement& s = st_->insert_diagnostic;
  for (const Diagnostic& d : diagnostics) {
    if (note_id > 0) {
      s.bind(1, note_id);
    } else {
      s.bind(1);
    }
    s.bind(2, path);
    if (d.line > 0) {
      s.bind(3, d.line);
    } else {
      s.bind(3);
    }
    s.bind(4, SeverityName(d.severity));
    s.bind(5, d.code);
    s.bind(6, d.message);
    s.bind(7, stage);
    Run(s);
  }
}

int64_t NoteWriter::Write(const FileState& file, const parse::ParsedNote& note,
                          const extract::NoteRecord& rec, const Diagnostics& read_diagnostics) {
  int64_t id = 0;
  st_->find_note.bind(1, file.path);
  if (st_->find_note.executeStep()) id = st_->find_note.getColumn(0).getInt64();
  st_->find_note.reset();
  // An existing note keeps its id: its rows are replaced, the notes row updated.
  if (id) DeleteChildren(id);

  SQLite::Statement& n = id ? st_->update_note : st_->insert_note;
  n.bind(1, file.path);
  n.bind(2, rec.title);
  n.bind(3, extract::NoteKindName(rec.kind));
  BindOpt(n, 4, rec.type);
  BindOpt(n, 5, rec.date);
  n.bind(6, note.body);
  BindOpt(n, 7, note.frontmatter);
  n.bind(8, FolderOf(file.path));
  n.bind(9, file.size);
  n.bind(10, file.mtime_ns);
  n.bind(11, file.hash);
  n.bind(12, file.repairs);
  if (id) n.bind(13, id);
  Run(n);
  if (!id) id = db_.getLastInsertRowid();

  st_->delete_path_diagnostics.bind(1, file.path);
  Run(st_->delete_path_diagnostics);
  WriteParsed(id, note);
  WriteTasks(id, note);
  WriteExtracted(id, rec);
  std::string search_title = rec.title;
  for (const std::string& alias : note.aliases) search_title += " " + alias;
  InsertSearch(id * 4 + kSearchNote, search_title, note.body, "note", id, id);
  InsertDiagnostics(id, file.path, read_diagnostics, "read");
  InsertDiagnostics(id, file.path, note.diagnostics, "parse");
  InsertDiagnostics(id, file.path, rec.diagnostics, "parse");
  return id;
}

void NoteWriter::WriteParsed(int64_t id, const parse::ParsedNote& note) {
  SQLite::Statement& prop = st_->insert_property;
  for (const parse::Property& p : note.properties) {
    prop.bind(1, id);
    prop.bind(2, p.key);
    BindOpt(prop, 3, p.value);
    if (p.idx >= 0) {
      prop.bind(4, p.idx);
    } else {
      prop.bind(4);
    }
    prop.bind(5, p.line);
    prop.bind(6, parse::PropertySourceName(p.source));
    Run(prop);
  }
  for (const std::string& alias : note.aliases) {
    st_->insert_alias.bind(1, id);
    st_->insert_alias.bind(2, alias);
    Run(st_->insert_alias);
  }
  for (const parse::Heading& h : note.headings) {
    SQLite::Statement& s = st_->insert_heading;
    s.bind(1, id);
    s.bind(2, h.level);
    s.bind(3, h.text);
    s.bind(4, h.line);
    Run(s);
  }
  for (const parse::Tag& t : note.tags) {
    SQLite::Statement& s = st_->insert_tag;
    s.bind(1, id);
    s.bind(2, t.name);
    s.bind(3, t.line);
    s.bind(4, t.in_frontmatter ? "frontmatter" : "body");
    Run(s);
  }
  for (const parse::Link& l : note.links) {
    SQLite::Statement& s = st_->insert_link;
    s.bind(1, id);
    s.bind(2, l.target);
    BindNonEmpty(s, 3, l.display);
    BindNonEmpty(s, 4, l.subpath);
    s.bind(5, l.embed ? 1 : 0);
    s.bind(6, l.line);
    s.bind(7, parse::LinkStyleName(l.style));
    Run(s);
  }
  for (const parse::TableRow& row : note.table_rows) {
    SQLite::Statement& s = st_->insert_table_row;
    s.bind(1, id);
    s.bind(2, row.table);
    s.bind(3, row.line);
    if (const parse::Heading* h = note.HeadingAt(row.heading)) {
      s.bind(4, h->text);
    } else {
      s.bind(4);
    }
    s.bind(5, CellsJson(row));
    Run(s);
  }
}

void NoteWriter::WriteTasks(int64_t id, const parse::ParsedNote& note) {
  std::vector<int64_t> task_ids;
  task_ids.reserve(note.tasks.size());
  for (const parse::Task& t : note.tasks) {
    const parse::TaskFields& f = t.fields;
    SQLite::Statement& s = st_->insert_task;
    s.bind(1, id);
    s.bind(2, t.line);
    s.bind(3, parse::TaskStatusName(t.status));
    s.bind(4, t.status_char);
    s.bind(5, f.text);
    BindNonEmpty(s, 6, f.owner);
    BindOpt(s, 7, f.due);
    BindOpt(s, 8, f.scheduled);
    BindOpt(s, 9, f.start);
    BindOpt(s, 10, f.created);
    BindOpt(s, 11, f.done);
    BindOpt(s, 12, f.cancelled);
    BindOpt(s, 13, f.priority);
    BindOpt(s, 14, f.recurrence);
    const parse::Heading* h = note.HeadingAt(note.items[t.item].heading);
    if (h) {
      s.bind(15, h->text);
    } else {
      s.bind(15);
    }
    if (t.parent_task >= 0) {
      s.bind(16, task_ids[t.parent_task]);
    } else {
      s.bind(16);
    }
    BindOpt(s, 17, f.task_id);
    BindOpt(s, 18, f.depends_on);
    BindOpt(s, 19, f.block_id);
    s.bind(20, t.raw);
    Run(s);
    const int64_t task_id = db_.getLastInsertRowid();
    task_ids.push_back(task_id);
    for (const std::string& tag : f.tags) {
      st_->insert_task_tag.bind(1, task_id);
      st_->insert_task_tag.bind(2, tag);
      Run(st_->insert_task_tag);
    }
    InsertSearch(task_id * 4 + kSearchTask, f.text, "", "task", task_id, id);
  }
}

void NoteWriter::WriteExtracted(int64_t id, const extract::NoteRecord& rec) {
  for (const extract::PersonMention& p : rec.people) {
    SQLite::Statement& s = st_->insert_person_mention;
    s.bind(1, id);
    s.bind(2, p.line);
    s.bind(3, p.name);
    s.bind(4, p.source);
    BindNonEmpty(s, 5, p.role);
    BindNonEmpty(s, 6, p.company);
    Run(s);
  }
  for (const extract::AccountMention& a : rec.accounts) {
    SQLite::Statement& s = st_->insert_account_mention;
    s.bind(1, id);
    s.bind(2, a.line);
    s.bind(3, a.name);
    s.bind(4, a.source);
    const bool self = a.source == "self";
    BindOpt(s, 5, self ? rec.account_status : std::nullopt);
    BindOpt(s, 6, self ? rec.account_industry : std::nullopt);
    Run(s);
  }
  if (rec.meeting) {
    const extract::MeetingInfo& m = *rec.meeting;
    SQLite::Statement& s = st_->insert_meeting;
    s.bind(1, id);
    BindOpt(s, 2, m.date);
    s.bind(3, m.title);
    BindOpt(s, 4, m.account);
    BindOpt(s, 5, m.source);
    Run(s);
    for (const extract::PersonMention& a : m.attendees) {
      SQLite::Statement& at = st_->insert_attendee;
      at.bind(1, id);
      at.bind(2, a.name);
      at.bind(3, a.line);
      Run(at);
    }
  }
  for (const extract::Decision& d : rec.decisions) {
    SQLite::Statement& s = st_->insert_decision;
    s.bind(1, id);
    s.bind(2, d.line);
    s.bind(3, d.text);
    s.bind(4, d.section);
    BindOpt(s, 5, rec.date);
    BindOpt(s, 6, rec.account);
    Run(s);
    const int64_t decision_id = db_.getLastInsertRowid();
    InsertSearch(decision_id * 4 + kSearchDecision, d.text, "", "decision", decision_id, id);
  }
  for (const extract::Fact& f : rec.facts) {
    SQLite::Statement& s = st_->insert_fact;
    s.bind(1, id);
    s.bind(2, f.line);
    s.bind(3, f.kind);
    s.bind(4, f.text);
    s.bind(5, f.section);
    Run(s);
  }
}

void NoteWriter::Remove(int64_t note_id) {
  DeleteChildren(note_id);
  SQLite::Statement path_of(db_, "SELECT path FROM notes WHERE id = ?");
  path_of.bind(1, note_id);
  if (path_of.executeStep()) {
    st_->delete_path_diagnostics.bind(1, path_of.getColumn(0).getString());
    Run(st_->delete_path_diagnostics);
  }
  st_->delete_note.bind(1, note_id);
  Run(st_->delete_note);
}

void NoteWriter::UpdateFileStat(int64_t note_id, int64_t size, int64_t mtime_ns) {
  st_->update_stat.bind(1, size);
  st_->update_stat.bind(2, mtime_ns);
  st_->update_stat.bind(3, note_id);
  Run(st_->update_stat);
}

void NoteWriter::WriteFileProblem(const std::string& path, int64_t note_id,
                                  const Diagnostics& diagnostics) {
  // A stored note keeps its rows (and its parse diagnostics): a failed read must not
  // cost data. Only earlier read problems of the path are replaced.
  SQLite::Statement clear(db_, "DELETE FROM diagnostics WHERE path = ? AND stage = 'read'");
  clear.bind(1, path);
  clear.exec();
  InsertDiagnostics(note_id, path, diagnostics, "read");
}

}  // namespace notestore::store
