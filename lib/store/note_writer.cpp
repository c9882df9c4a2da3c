#include "store/note_writer.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "extract/note_record.h"
#include "store/row_set.h"
#include "store/search_rowid.h"
#include "store/statement_binding.h"
#include "util/text.h"

namespace notestore::store {
namespace {

const std::string kNoBody;  // The body of a task's or decision's search row.

// Text of the heading at `index`, or nothing.
std::optional<std::string> SectionText(const parse::ParsedNote& note, int index) {
  const parse::Heading* h = note.HeadingAt(index);
  return h ? std::optional<std::string>(h->text) : std::nullopt;
}

// The same, as the note's own string (null for none).
const std::string* SectionView(const parse::ParsedNote& note, int index) {
  const parse::Heading* h = note.HeadingAt(index);
  return h ? &h->text : nullptr;
}

// The tokens of a note's `i`th task or decision, if recorded.
const TokenList* ItemAt(const std::vector<TokenList>& lists, size_t i) {
  return i < lists.size() ? &lists[i] : nullptr;
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

// The kinds of rows that hang off a note and are written as they are parsed: each is
// replaced only when it differs from what is stored. (Tasks and decisions carry row ids
// that other rows and the search index refer to: NoteWriter writes them itself.)
enum Kind {
  kProperties,
  kAliases,
  kHeadings,
  kTags,
  kLinks,
  kTableRows,
  kPersonMentions,
  kAccountMentions,
  kMeeting,
  kAttendees,
  kFacts,
  kKinds
};

struct KindSql {
  const char* insert;  // ?1 the note id, then the columns.
  const char* stored;  // The same columns of the note ?1, in insertion order.
  const char* remove;
};

constexpr KindSql kKindSql[kKinds] = {
    {"INSERT INTO properties(note_id, key, value, idx, line, source) VALUES(?,?,?,?,?,?)",
     "SELECT key, value, idx, line, source FROM properties WHERE note_id = ?1 ORDER BY rowid",
     "DELETE FROM properties WHERE note_id = ?1"},
    {"INSERT INTO note_aliases(note_id, alias) VALUES(?,?)",
     "SELECT alias FROM note_aliases WHERE note_id = ?1 ORDER BY rowid",
     "DELETE FROM note_aliases WHERE note_id = ?1"},
    {"INSERT INTO headings(note_id, level, text, line) VALUES(?,?,?,?)",
     "SELECT level, text, line FROM headings WHERE note_id = ?1 ORDER BY rowid",
     "DELETE FROM headings WHERE note_id = ?1"},
    {"INSERT INTO tags(note_id, tag, line, source) VALUES(?,?,?,?)",
     "SELECT tag, line, source FROM tags WHERE note_id = ?1 ORDER BY rowid",
     "DELETE FROM tags WHERE note_id = ?1"},
    {"INSERT INTO links(note_id, target, display, heading, embed, line, style) "
     "VALUES(?,?,?,?,?,?,?)",
     "SELECT target, display, heading, embed, line, style FROM links WHERE note_id = ?1 "
     "ORDER BY id",
     "DELETE FROM links WHERE note_id = ?1"},
    {"INSERT INTO table_rows(note_id, table_index, line, section, cells) VALUES(?,?,?,?,?)",
     "SELECT table_index, line, section, cells FROM table_rows WHERE note_id = ?1 ORDER BY rowid",
     "DELETE FROM table_rows WHERE note_id = ?1"},
    // The last column of these two, person_id, is bound apart (KnownPeople).
    {"INSERT INTO person_mentions(note_id, line, name, source, role, company, person_id) "
     "VALUES(?,?,?,?,?,?,?)",
     "SELECT line, name, source, role, company FROM person_mentions WHERE note_id = ?1 "
     "ORDER BY rowid",
     "DELETE FROM person_mentions WHERE note_id = ?1"},
    {"INSERT INTO account_mentions(note_id, line, name, source, status, industry) "
     "VALUES(?,?,?,?,?,?)",
     "SELECT line, name, source, status, industry FROM account_mentions WHERE note_id = ?1 "
     "ORDER BY rowid",
     "DELETE FROM account_mentions WHERE note_id = ?1"},
    {"INSERT INTO meetings(id, note_id, date, title, account_name, source) "
     "VALUES(?1,?1,?2,?3,?4,?5)",
     "SELECT date, title, account_name, source FROM meetings WHERE note_id = ?1",
     "DELETE FROM meetings WHERE note_id = ?1"},
    {"INSERT INTO meeting_attendees(meeting_id, name, line, person_id) VALUES(?,?,?,?)",
     "SELECT name, line FROM meeting_attendees WHERE meeting_id = ?1 ORDER BY rowid",
     "DELETE FROM meeting_attendees WHERE meeting_id = ?1"},
    {"INSERT INTO facts(note_id, line, kind, text, section) VALUES(?,?,?,?,?)",
     "SELECT line, kind, text, section FROM facts WHERE note_id = ?1 ORDER BY id",
     "DELETE FROM facts WHERE note_id = ?1"},
};

}  // namespace

struct NoteWriter::Statements {
  explicit Statements(SQLite::Database& db)
      : find_note(db, "SELECT id FROM notes WHERE path = ?"),
        insert_note(db,
                    "INSERT INTO notes(path, title, kind, type, date, body, frontmatter, folder, "
                    "file_size, file_mtime_ns, content_hash, repairs, account_id) "
                    "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        update_note(db,
                    "UPDATE notes SET path=?1, title=?2, kind=?3, type=?4, date=?5, body=?6, "
                    "frontmatter=?7, folder=?8, file_size=?9, file_mtime_ns=?10, "
                    "content_hash=?11, repairs=?12, account_id=?13 WHERE id=?14"),
        update_stat(db, "UPDATE notes SET file_size=?, file_mtime_ns=? WHERE id=?"),
        delete_note(db, "DELETE FROM notes WHERE id = ?"),
        find_account(db, "SELECT id FROM accounts WHERE name_key = ?"),
        insert_account(db, "INSERT INTO accounts(name, name_key) VALUES(?, ?)"),
        search_rows(db, "SELECT rowid FROM search WHERE rowid BETWEEN ? AND ?"),
        search_text(db, "SELECT title, body FROM search WHERE rowid = ?1"),
        delete_search(db, "DELETE FROM search WHERE rowid = ?"),
        insert_task(db,
                    "INSERT INTO tasks(note_id, line, status, status_char, text, owner_name, due, "
                    "scheduled, start, created, done, cancelled, priority, recurrence, section, "
                    "parent_id, task_uid, depends_on, block_id, raw, owner_id, account_id) "
                    "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        // A task as its note gives it: its parent by position, its tags joined.
        stored_tasks(db,
                     "SELECT line, status, status_char, text, owner_name, due, scheduled, "
                     "start, created, done, cancelled, priority, recurrence, section, "
                     "CASE WHEN parent_id IS NULL THEN NULL ELSE (SELECT count(*) FROM tasks p "
                     "WHERE p.note_id = t.note_id AND p.id < t.parent_id) END, task_uid, "
                     "depends_on, block_id, raw, (SELECT group_concat(tag, char(31)) FROM "
                     "(SELECT tag FROM task_tags WHERE task_id = t.id ORDER BY rowid)), id "
                     "FROM tasks t WHERE note_id = ?1 ORDER BY id"),
        // A note's tasks after the one of id ?2 (0 for all).
        delete_task_tags(db,
                         "DELETE FROM task_tags WHERE task_id IN (SELECT id FROM tasks WHERE "
                         "note_id = ?1 AND id > ?2)"),
        delete_tasks(db, "DELETE FROM tasks WHERE note_id = ?1 AND id > ?2"),
        insert_task_tag(db, "INSERT INTO task_tags(task_id, tag) VALUES(?,?)"),
        insert_decision(db,
                        "INSERT INTO decisions(note_id, line, text, section, date, account_name) "
                        "VALUES(?,?,?,?,?,?)"),
        stored_decisions(db,
                         "SELECT line, text, section, date, account_name FROM decisions "
                         "WHERE note_id = ?1 ORDER BY id"),
        delete_decisions(db, "DELETE FROM decisions WHERE note_id = ?1"),
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
        delete_note_words(db, "DELETE FROM note_words WHERE note_id = ?1") {
    for (const KindSql& k : kKindSql) {
      insert.emplace_back(db, k.insert);
      stored.emplace_back(db, k.stored);
      remove.emplace_back(db, k.remove);
    }
  }

  std::vector<SQLite::Statement> insert, stored, remove;  // By Kind.
  SQLite::Statement find_note, insert_note, update_note, update_stat, delete_note;
  SQLite::Statement find_account, insert_account;
  SQLite::Statement search_rows, search_text, delete_search;
  SQLite::Statement insert_task, stored_tasks, delete_task_tags, delete_tasks, insert_task_tag;
  SQLite::Statement insert_decision, stored_decisions, delete_decisions;
  SQLite::Statement insert_diagnostic, delete_path_diagnostics, delete_read_diagnostics, path_of;
  SQLite::Statement insert_search, insert_note_words, delete_note_words;
};

NoteWriter::NoteWriter(SQLite::Database& db, ChangeSet* changes)
    : db_(db),
      recorder_(db, changes),
      st_(std::make_unique<Statements>(db)),
      replay_(TokenReplay::Of(db)) {}
NoteWriter::~NoteWriter() = default;

void NoteWriter::ReplaceSearch(int64_t note_id, SearchRowKind kind, int64_t from) {
  const int64_t first = SearchRowid(note_id, kind, 0);
  st_->search_rows.bind(1, first + from);
  st_->search_rows.bind(2, first + kSearchMaxOrdinal);
  while (st_->search_rows.executeStep()) {
    old_search_.push_back(st_->search_rows.getColumn(0).getInt64());
  }
  st_->search_rows.reset();
}

void NoteWriter::InsertSearch(int64_t rowid, const std::string& title, const std::string& body,
                              const char* kind, int64_t ref_id, const TokenList* title_tokens,
                              const TokenList* body_tokens) {
  new_search_.push_back(SearchRow{rowid, title, body, kind, ref_id, title_tokens, body_tokens});
  queued_bytes_ += title.size() + body.size();
}

// FTS5 also writes the terms it holds out as a new segment whenever a row id is lower
// than the one before, or equal to an inserted one. So the rows go in ascending order,
// each old row deleted just before the new row of its id.
void NoteWriter::FlushSearch() {
  std::sort(old_search_.begin(), old_search_.end());
  std::sort(new_search_.begin(), new_search_.end(),
            [](const SearchRow& a, const SearchRow& b) { return a.rowid < b.rowid; });
  size_t i = 0;
  for (const SearchRow& row : new_search_) {
    for (; i < old_search_.size() && old_search_[i] <= row.rowid; ++i) {
      Exec(st_->delete_search, old_search_[i]);
    }
    SQLite::Statement& q = st_->insert_search;
    q.bind(1, row.rowid);
    q.bindNoCopy(2, row.title);  // Both outlive the statement's run.
    q.bindNoCopy(3, row.body);
    q.bind(4, row.kind);
    q.bind(5, row.ref_id);
    q.bind(6, row.rowid >> kSearchNoteShift);  // The note's id.
    ExpectedTokens expected(replay_);
    expected.Add(row.title, row.title_tokens);
    expected.Add(row.body, row.body_tokens);
    q.exec();
    q.reset();
  }
  for (; i < old_search_.size(); ++i) Exec(st_->delete_search, old_search_[i]);
  old_search_.clear();
  new_search_.clear();
  tokens_.clear();
  queued_bytes_ = 0;
}

void NoteWriter::AssignKnownPeople(const std::string& me) {
  people_ = std::make_unique<KnownPeople>(db_, me);
}

int64_t NoteWriter::KnownPerson(const std::string& name) {
  return people_ && !name.empty() ? people_->IdOf(name) : 0;
}

void NoteWriter::InsertDiagnostics(int64_t note_id, const std::string& path,
                                   const Diagnostics& diagnostics, const char* stage) {
  for (const Diagnostic& d : diagnostics) {
    Exec(st_->insert_diagnostic, NullIfZero(note_id), path, NullIfZero(d.line),
         SeverityName(d.severity), d.code, d.message, stage);
  }
}

// The account a note is about is the one its first account mention names (as the
// vault-wide pass assigns it, resolve/accounts_and_links.cpp). Setting it here, creating
// the account by its key if need be, spares that pass an update of the note's row, which
// SQLite rewrites whole, body and all: 3 s of a first ingest at 100,000 notes. The pass
// still checks the column and fills in the account's other columns.
int64_t NoteWriter::NoteAccount(const extract::NoteRecord& rec) {
  if (rec.accounts.empty()) return 0;
  const std::string key = util::NameKey(rec.accounts.front().name);
  if (key.empty()) return 0;
  int64_t id = 0;
  st_->find_account.bind(1, key);
  if (st_->find_account.executeStep()) id = st_->find_account.getColumn(0).getInt64();
  st_->find_account.reset();
  if (id != 0) return id;
  Exec(st_->insert_account, rec.accounts.front().name, key);
  return db_.getLastInsertRowid();
}

int64_t NoteWriter::Write(const FileState& file, const parse::ParsedNote& note,
                          const extract::NoteRecord& rec, const Diagnostics& read_diagnostics,
                          const std::string& meeting_words, NoteTokens* taken_tokens) {
  // Kept until FlushSearch, which replays them.
  const NoteTokens* tokens = nullptr;
  if (taken_tokens) tokens = &tokens_.emplace_back(std::move(*taken_tokens));
  int64_t id = 0;
  st_->find_note.bind(1, file.path);
  if (st_->find_note.executeStep()) id = st_->find_note.getColumn(0).getInt64();
  st_->find_note.reset();
  // An existing note keeps its id: its rows are replaced, the notes row updated.
  const bool stored = id != 0;
  if (stored) recorder_.Record(id, true);
  const int64_t account = NoteAccount(rec);
  auto write_note = [&](SQLite::Statement& statement, auto... where_id) {
    Exec(statement, file.path, rec.title, extract::NoteKindName(rec.kind), rec.type, rec.date,
         note.body, note.frontmatter, FolderOf(file.path), file.size, file.mtime_ns, file.hash,
         file.repairs, NullIfZero(account), where_id...);
  };
  if (stored) {
    write_note(st_->update_note, id);
  } else {
    write_note(st_->insert_note);
    id = db_.getLastInsertRowid();
    recorder_.Record(id, false);
    recorder_.Moved(file.path);
  }

  Exec(st_->delete_path_diagnostics, file.path);
  // Search rows wait for FlushSearch, which writes them in row id order.
  const std::string search_title = SearchTitle(rec, note);
  const int64_t note_row = SearchRowid(id, SearchRowKind::kNote, 0);
  RowSet text;
  text.Add(search_title, note.body);
  if (!stored || !text.SameAs(st_->search_text, note_row)) {
    if (stored) old_search_.push_back(note_row);
    InsertSearch(note_row, search_title, note.body, "note", id, tokens ? &tokens->title : nullptr,
                 tokens ? &tokens->body : nullptr);
  }
  std::vector<RowSet> rows(kKinds);
  ParsedRows(note, &rows);
  ExtractedRows(rec, &rows);
  std::vector<int64_t> mentioned, attending;  // Known person ids, parallel to the rows.
  for (const extract::PersonMention& p : rec.people) mentioned.push_back(KnownPerson(p.name));
  if (rec.meeting) {
    for (const extract::PersonMention& a : rec.meeting->attendees) {
      attending.push_back(KnownPerson(a.name));
    }
  }
  for (int k = 0; k < kKinds; ++k) {
    if (stored && rows[k].SameAs(st_->stored[k], id)) continue;
    if (stored) Exec(st_->remove[k], id);
    rows[k].InsertInto(st_->insert[k], id,
                       k == kPersonMentions ? &mentioned
                       : k == kAttendees    ? &attending
                                            : nullptr);
  }
  WriteTasks(id, account, note, stored, tokens);
  WriteDecisions(id, rec, stored, tokens);
  InsertDiagnostics(id, file.path, read_diagnostics, "read");
  InsertDiagnostics(id, file.path, note.diagnostics, "parse");
  InsertDiagnostics(id, file.path, rec.diagnostics, "parse");
  if (stored) Exec(st_->delete_note_words, id);
  if (!meeting_words.empty()) {
    st_->insert_note_words.bind(1, id);
    st_->insert_note_words.bind(2, meeting_words.data(), static_cast<int>(meeting_words.size()));
    st_->insert_note_words.exec();
    st_->insert_note_words.reset();
  }
  // Between two notes, any time: every row waiting is of a note written whole.
  if (queued_bytes_ >= kFlushSearchBytes) FlushSearch();
  return id;
}

void NoteWriter::ParsedRows(const parse::ParsedNote& note, std::vector<RowSet>* rows) {
  for (const parse::Property& p : note.properties) {
    (*rows)[kProperties].Add(p.key, p.value, NullIfNegative(p.idx), p.line,
                             parse::PropertySourceName(p.source));
  }
  for (const std::string& alias : note.aliases) (*rows)[kAliases].Add(alias);
  for (const parse::Heading& h : note.headings) (*rows)[kHeadings].Add(h.level, h.text, h.line);
  for (const parse::Tag& t : note.tags) {
    (*rows)[kTags].Add(t.name, t.line, t.in_frontmatter ? "frontmatter" : "body");
  }
  for (const parse::Link& l : note.links) {
    (*rows)[kLinks].Add(l.target, NullIfEmpty(l.display), NullIfEmpty(l.subpath), l.embed ? 1 : 0,
                        l.line, parse::LinkStyleName(l.style));
  }
  RowSet& tables = (*rows)[kTableRows];
  for (const parse::TableRow& row : note.table_rows) {
    tables.Add(row.table, row.line, SectionView(note, row.heading), tables.Keep(CellsJson(row)));
  }
}

void NoteWriter::ExtractedRows(const extract::NoteRecord& rec, std::vector<RowSet>* rows) {
  for (const extract::PersonMention& p : rec.people) {
    (*rows)[kPersonMentions].Add(p.line, p.name, p.source, NullIfEmpty(p.role),
                                 NullIfEmpty(p.company));
  }
  for (const extract::AccountMention& a : rec.accounts) {
    // An account note's own mention carries its status and industry.
    if (a.source == "self") {
      (*rows)[kAccountMentions].Add(a.line, a.name, a.source, rec.account_status,
                                    rec.account_industry);
    } else {
      (*rows)[kAccountMentions].Add(a.line, a.name, a.source, std::nullopt, std::nullopt);
    }
  }
  if (rec.meeting) {
    const extract::MeetingInfo& m = *rec.meeting;
    (*rows)[kMeeting].Add(m.date, m.title, m.account, m.source);
    for (const extract::PersonMention& a : m.attendees) (*rows)[kAttendees].Add(a.name, a.line);
  }
  for (const extract::Fact& f : rec.facts) (*rows)[kFacts].Add(f.line, f.kind, f.text, f.section);
}

void NoteWriter::WriteTasks(int64_t id, int64_t account, const parse::ParsedNote& note, bool stored,
                            const NoteTokens* tokens) {
  std::vector<int64_t> task_ids;  // Of note.tasks, by index.
  size_t kept = 0;
  if (stored) {
    RowSet same;
    for (const parse::Task& t : note.tasks) {
      const parse::TaskFields& f = t.fields;
      std::string tags;
      for (const std::string& tag : f.tags) tags += (tags.empty() ? "" : "\x1f") + tag;
      same.Add(t.line, TaskStatusName(t.status), t.status_char, f.text, NullIfEmpty(f.owner), f.due,
               f.scheduled, f.start, f.created, f.done, f.cancelled, f.priority, f.recurrence,
               SectionView(note, note.items[t.item].heading), NullIfNegative(t.parent_task),
               f.task_id, f.depends_on, f.block_id, t.raw,
               f.tags.empty() ? nullptr : &same.Keep(std::move(tags)));
    }
    // The tasks before the first that changed stay, with their ids, owners and repeats
    // (the vault-wide pass looks at the note's tasks again all the same): a task
    // appended to a note rewrites none of the others. Ids stay in line order, as a
    // fresh ingest numbers them, since the rest get higher ones.
    size_t stored_count = 0;
    kept = same.SamePrefix(st_->stored_tasks, id, &task_ids, &stored_count);
    if (kept == note.tasks.size() && kept == stored_count) return;
    Exec(st_->delete_task_tags, id, kept == 0 ? 0 : task_ids.back());
    Exec(st_->delete_tasks, id, kept == 0 ? 0 : task_ids.back());
    ReplaceSearch(id, SearchRowKind::kTask, static_cast<int64_t>(kept));
  }
  task_ids.reserve(note.tasks.size());
  for (size_t i = kept; i < note.tasks.size(); ++i) {
    const parse::Task& t = note.tasks[i];
    const parse::TaskFields& f = t.fields;
    const NullIfZero parent(t.parent_task >= 0 ? task_ids[t.parent_task] : 0);
    Exec(st_->insert_task, id, t.line, TaskStatusName(t.status), t.status_char, f.text,
         NullIfEmpty(f.owner), f.due, f.scheduled, f.start, f.created, f.done, f.cancelled,
         f.priority, f.recurrence, SectionText(note, note.items[t.item].heading), parent, f.task_id,
         f.depends_on, f.block_id, t.raw, NullIfZero(KnownPerson(f.owner)), NullIfZero(account));
    const int64_t task_id = db_.getLastInsertRowid();
    task_ids.push_back(task_id);
    for (const std::string& tag : f.tags) Exec(st_->insert_task_tag, task_id, tag);
    const auto ordinal = static_cast<int64_t>(task_ids.size() - 1);
    if (ordinal <= kSearchMaxOrdinal) {
      InsertSearch(SearchRowid(id, SearchRowKind::kTask, ordinal), f.text, kNoBody, "task", task_id,
                   tokens ? ItemAt(tokens->tasks, i) : nullptr);
    }
  }
}

void NoteWriter::WriteDecisions(int64_t id, const extract::NoteRecord& rec, bool stored,
                                const NoteTokens* tokens) {
  if (stored) {
    RowSet same;
    for (const extract::Decision& d : rec.decisions) {
      same.Add(d.line, d.text, d.section, rec.date, rec.account);
    }
    if (same.SameAs(st_->stored_decisions, id)) return;
    Exec(st_->delete_decisions, id);
    ReplaceSearch(id, SearchRowKind::kDecision);
  }
  int64_t ordinal = 0;
  for (const extract::Decision& d : rec.decisions) {
    Exec(st_->insert_decision, id, d.line, d.text, d.section, rec.date, rec.account);
    const int64_t decision_id = db_.getLastInsertRowid();
    if (ordinal <= kSearchMaxOrdinal) {
      InsertSearch(SearchRowid(id, SearchRowKind::kDecision, ordinal), d.text, kNoBody, "decision",
                   decision_id,
                   tokens ? ItemAt(tokens->decisions, static_cast<size_t>(ordinal)) : nullptr);
      ++ordinal;
    }
  }
}

void NoteWriter::Remove(int64_t note_id) {
  recorder_.Record(note_id, true);
  for (SearchRowKind kind :
       {SearchRowKind::kNote, SearchRowKind::kTask, SearchRowKind::kDecision}) {
    ReplaceSearch(note_id, kind);
  }
  Exec(st_->delete_task_tags, note_id, 0);
  Exec(st_->delete_tasks, note_id, 0);
  Exec(st_->delete_decisions, note_id);
  for (SQLite::Statement& remove : st_->remove) Exec(remove, note_id);
  Exec(st_->delete_note_words, note_id);
  st_->path_of.bind(1, note_id);
  const bool found = st_->path_of.executeStep();
  const std::string path = found ? st_->path_of.getColumn(0).getString() : std::string();
  st_->path_of.reset();
  if (found) {
    recorder_.Moved(path);
    Exec(st_->delete_path_diagnostics, path);
  }
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
