#include "query/record_readers.h"

#include <algorithm>

#include "util/text.h"

namespace notestore::query {
namespace {

std::string Text(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }

std::optional<int64_t> OptId(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}

std::optional<Date> OptDate(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return Date::Parse(c.getString());
}

// group_concat(x, char(31)) back into a list.
std::vector<std::string> SplitList(const SQLite::Column& c) {
  std::vector<std::string> out;
  if (c.isNull()) return out;
  const std::string joined = c.getString();
  for (std::string_view piece : util::Split(joined, '\x1f')) out.emplace_back(piece);
  return out;
}

}  // namespace

const char* const kTaskSelect =
    "SELECT t.id, t.note_id, n.path, t.line, t.status, t.status_char, t.text, t.owner_id, "
    "p.name, t.owner_name, t.due, t.scheduled, t.start, t.created, t.done, t.cancelled, "
    "t.priority, t.recurrence, t.section, t.parent_id, t.duplicate_of, t.account_id, a.name, "
    "(SELECT group_concat(tag, char(31)) FROM task_tags WHERE task_id = t.id) "
    "FROM tasks t JOIN notes n ON n.id = t.note_id LEFT JOIN people p ON p.id = t.owner_id "
    "LEFT JOIN accounts a ON a.id = t.account_id";

Task ReadTask(SQLite::Statement& r) {
  Task t;
  t.id = r.getColumn(0).getInt64();
  t.note_id = r.getColumn(1).getInt64();
  t.path = Text(r.getColumn(2));
  t.line = r.getColumn(3).getInt();
  t.status = ParseTaskStatus(Text(r.getColumn(4))).value_or(TaskStatus::kOpen);
  t.status_char = Text(r.getColumn(5));
  t.text = Text(r.getColumn(6));
  t.owner_id = OptId(r.getColumn(7));
  t.owner = Text(r.getColumn(8));
  t.owner_name = Text(r.getColumn(9));
  t.due = OptDate(r.getColumn(10));
  t.scheduled = OptDate(r.getColumn(11));
  t.start = OptDate(r.getColumn(12));
  t.created = OptDate(r.getColumn(13));
  t.done = OptDate(r.getColumn(14));
  t.cancelled = OptDate(r.getColumn(15));
  if (!r.getColumn(16).isNull()) t.priority = ParsePriority(r.getColumn(16).getString());
  t.recurrence = Text(r.getColumn(17));
  t.section = Text(r.getColumn(18));
  t.parent_id = OptId(r.getColumn(19));
  t.duplicate_of = OptId(r.getColumn(20));
  t.account_id = OptId(r.getColumn(21));
  t.account = Text(r.getColumn(22));
  t.tags = SplitList(r.getColumn(23));
  return t;
}

const char* const kMeetingSelect =
    "SELECT m.id, m.note_id, n.path, m.date, m.title, m.account_id, a.name, m.source, "
    "m.duplicate_of FROM meetings m JOIN notes n ON n.id = m.note_id "
    "LEFT JOIN accounts a ON a.id = m.account_id";

template <typename Source>
std::vector<Meeting> LoadMeetings(Source& source, const SqlQuery& query) {
  std::vector<Meeting> meetings = Load<Meeting>(source, query, [](SQLite::Statement& r) {
    Meeting m;
    m.id = r.getColumn(0).getInt64();
    m.note_id = r.getColumn(1).getInt64();
    m.path = Text(r.getColumn(2));
    m.date = OptDate(r.getColumn(3));
    m.title = Text(r.getColumn(4));
    m.account_id = OptId(r.getColumn(5));
    m.account = Text(r.getColumn(6));
    m.source = Text(r.getColumn(7));
    m.duplicate_of = OptId(r.getColumn(8));
    return m;
  });
  Prepared attendees(source,
                     "SELECT ma.person_id, COALESCE(p.name, ma.name) "
                     "FROM meeting_attendees ma LEFT JOIN people p ON p.id = ma.person_id "
                     "WHERE ma.meeting_id = ? ORDER BY ma.rowid");
  for (Meeting& m : meetings) {
    attendees->bind(1, m.id);
    while (attendees->executeStep()) {
      m.attendees.push_back(
          Attendee{OptId(attendees->getColumn(0)), Text(attendees->getColumn(1))});
    }
    attendees->reset();
  }
  return meetings;
}

const char* const kDecisionSelect =
    "SELECT d.id, d.note_id, n.path, d.line, d.text, d.section, d.date, d.account_id, a.name, "
    "d.duplicate_of FROM decisions d JOIN notes n ON n.id = d.note_id "
    "LEFT JOIN accounts a ON a.id = d.account_id";

Decision ReadDecision(SQLite::Statement& r) {
  Decision d;
  d.id = r.getColumn(0).getInt64();
  d.note_id = r.getColumn(1).getInt64();
  d.path = Text(r.getColumn(2));
  d.line = r.getColumn(3).getInt();
  d.text = Text(r.getColumn(4));
  d.section = Text(r.getColumn(5));
  d.date = OptDate(r.getColumn(6));
  d.account_id = OptId(r.getColumn(7));
  d.account = Text(r.getColumn(8));
  d.duplicate_of = OptId(r.getColumn(9));
  return d;
}

const char* const kFactSelect =
    "SELECT f.id, f.note_id, n.path, f.line, f.kind, f.text, f.section "
    "FROM facts f JOIN notes n ON n.id = f.note_id";

Fact ReadFact(SQLite::Statement& r) {
  Fact f;
  f.id = r.getColumn(0).getInt64();
  f.note_id = r.getColumn(1).getInt64();
  f.path = Text(r.getColumn(2));
  f.line = r.getColumn(3).getInt();
  f.kind = Text(r.getColumn(4));
  f.text = Text(r.getColumn(5));
  f.section = Text(r.getColumn(6));
  return f;
}

const char* const kPersonSelect =
    "SELECT p.id, p.name, p.role, p.company, p.note_id, n.path, "
    "(SELECT group_concat(alias, char(31)) FROM person_aliases WHERE person_id = p.id), "
    "p.meeting_count, p.open_task_count FROM people p LEFT JOIN notes n ON n.id = p.note_id";

template <typename Source>
std::vector<Person> LoadPeople(Source& source, const SqlQuery& query) {
  return Load<Person>(source, query, [](SQLite::Statement& r) {
    Person p;
    p.id = r.getColumn(0).getInt64();
    p.name = Text(r.getColumn(1));
    p.role = Text(r.getColumn(2));
    p.company = Text(r.getColumn(3));
    p.note_id = OptId(r.getColumn(4));
    p.note_path = Text(r.getColumn(5));
    p.aliases = SplitList(r.getColumn(6));
    p.meetings = r.getColumn(7).getInt64();
    p.open_tasks = r.getColumn(8).getInt64();
    return p;
  });
}

const char* const kAccountSelect =
    "SELECT a.id, a.name, a.status, a.industry, a.note_id, n.path, "
    "a.meeting_count, a.decision_count, a.open_task_count "
    "FROM accounts a LEFT JOIN notes n ON n.id = a.note_id";

Account ReadAccount(SQLite::Statement& r) {
  Account a;
  a.id = r.getColumn(0).getInt64();
  a.name = Text(r.getColumn(1));
  a.status = Text(r.getColumn(2));
  a.industry = Text(r.getColumn(3));
  a.note_id = OptId(r.getColumn(4));
  a.note_path = Text(r.getColumn(5));
  a.meetings = r.getColumn(6).getInt64();
  a.decisions = r.getColumn(7).getInt64();
  a.open_tasks = r.getColumn(8).getInt64();
  return a;
}

std::string NoteSelect(bool with_body) {
  // Without the body, its overflow pages (kilobytes a note) are never read.
  return std::string(
             "SELECT n.id, n.path, n.title, n.kind, n.type, n.date, n.folder, n.account_id, "
             "a.name, (SELECT group_concat(tag, char(31)) FROM tags WHERE note_id = n.id), "
             "(SELECT group_concat(alias, char(31)) FROM note_aliases WHERE note_id = n.id), ") +
         (with_body ? "n.body" : "NULL") +
         " FROM notes n LEFT JOIN accounts a ON a.id = n.account_id";
}

template <typename Source>
std::vector<Note> LoadNotes(Source& source, const SqlQuery& query, bool with_body) {
  std::vector<Note> notes = Load<Note>(source, query, [&](SQLite::Statement& r) {
    Note n;
    n.id = r.getColumn(0).getInt64();
    n.path = Text(r.getColumn(1));
    n.title = Text(r.getColumn(2));
    n.kind = Text(r.getColumn(3));
    n.type = Text(r.getColumn(4));
    n.date = OptDate(r.getColumn(5));
    n.folder = Text(r.getColumn(6));
    n.account_id = OptId(r.getColumn(7));
    n.account = Text(r.getColumn(8));
    for (std::string& tag : SplitList(r.getColumn(9))) {
      // A tag both in the frontmatter and the body is one tag of the note.
      if (std::find(n.tags.begin(), n.tags.end(), tag) == n.tags.end()) n.tags.push_back(tag);
    }
    n.aliases = SplitList(r.getColumn(10));
    if (with_body) n.body = Text(r.getColumn(11));
    return n;
  });
  if (!with_body) return notes;
  Prepared props(source,
                 "SELECT key, COALESCE(value, '') FROM properties WHERE note_id = ? "
                 "ORDER BY line, rowid");
  for (Note& n : notes) {
    props->bind(1, n.id);
    while (props->executeStep()) {
      n.properties.emplace_back(Text(props->getColumn(0)), Text(props->getColumn(1)));
    }
    props->reset();
  }
  return notes;
}

const char* const kLinkSelect =
    "SELECT l.id, l.note_id, n.path, l.line, l.target, l.display, l.heading, l.embed, l.style, "
    "l.target_note_id, tn.path FROM links l JOIN notes n ON n.id = l.note_id "
    "LEFT JOIN notes tn ON tn.id = l.target_note_id";

Link ReadLink(SQLite::Statement& r) {
  Link l;
  l.id = r.getColumn(0).getInt64();
  l.note_id = r.getColumn(1).getInt64();
  l.path = Text(r.getColumn(2));
  l.line = r.getColumn(3).getInt();
  l.target = Text(r.getColumn(4));
  l.display = Text(r.getColumn(5));
  l.heading = Text(r.getColumn(6));
  l.embed = r.getColumn(7).getInt() != 0;
  l.style = Text(r.getColumn(8));
  l.target_note_id = OptId(r.getColumn(9));
  l.target_path = Text(r.getColumn(10));
  return l;
}

const char* const kDiagnosticSelect =
    "SELECT d.severity, d.code, d.message, d.line, d.path, d.stage, d.note_id FROM diagnostics d";

Diagnostic ReadDiagnostic(SQLite::Statement& r) {
  Diagnostic d;
  d.severity = ParseSeverity(Text(r.getColumn(0))).value_or(Severity::kWarning);
  d.code = Text(r.getColumn(1));
  d.message = Text(r.getColumn(2));
  d.line = r.getColumn(3).isNull() ? 0 : r.getColumn(3).getInt();
  d.path = Text(r.getColumn(4));
  d.stage = Text(r.getColumn(5));
  d.note_id = OptId(r.getColumn(6));
  return d;
}

template <typename Source>
std::vector<Task> LoadTasks(Source& source, const SqlQuery& query) {
  return Load<Task>(source, query, ReadTask);
}

// The two sources of statements.
template std::vector<Task> LoadTasks(SQLite::Database&, const SqlQuery&);
template std::vector<Task> LoadTasks(StatementCache&, const SqlQuery&);
template std::vector<Meeting> LoadMeetings(SQLite::Database&, const SqlQuery&);
template std::vector<Meeting> LoadMeetings(StatementCache&, const SqlQuery&);
template std::vector<Person> LoadPeople(SQLite::Database&, const SqlQuery&);
template std::vector<Person> LoadPeople(StatementCache&, const SqlQuery&);
template std::vector<Note> LoadNotes(SQLite::Database&, const SqlQuery&, bool);
template std::vector<Note> LoadNotes(StatementCache&, const SqlQuery&, bool);

}  // namespace notestore::query
