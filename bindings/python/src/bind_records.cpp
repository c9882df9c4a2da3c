// The records queries return, as immutable Python objects.
#include "bindings.h"
#include "record_binder.h"

namespace notestore::python {

py::object PyEnum(const char* enum_name, const std::string& value) {
  static py::module_* enums = new py::module_(py::module_::import("notestore._enums"));
  return enums->attr(enum_name)(value);
}

std::string EnumValue(const py::handle& value) {
  if (py::hasattr(value, "value") && !py::isinstance<py::str>(value)) {
    return py::str(value.attr("value"));
  }
  return py::str(value);
}

py::object ToDictValue(const py::handle& value) {
  if (py::hasattr(value, "to_dict")) return value.attr("to_dict")();
  if (py::isinstance<py::tuple>(value)) {
    py::list out;
    for (const py::handle& item : value) out.append(ToDictValue(item));
    return std::move(out);
  }
  return py::reinterpret_borrow<py::object>(value);
}

namespace {

template <typename T>
py::object Status(const T& r) {
  return PyEnum("TaskStatus", TaskStatusName(r.status));
}

void BindNotes(py::module_& m) {
  RecordBinder<Note>(m, "Note", "A note of the vault.")
      .Field("id", &Note::id)
      .Field("path", &Note::path, true)
      .Field("title", &Note::title, true)
      .Field("kind", &Note::kind, true)
      .Field("type", &Note::type)
      .Field("date", &Note::date, true)
      .Field("folder", &Note::folder)
      .Field("account_id", &Note::account_id)
      .Field("account", &Note::account)
      .Field("tags", &Note::tags)
      .Field("aliases", &Note::aliases)
      .Field("properties", &Note::properties)
      .Field("body", &Note::body)
      .Finish();
  RecordBinder<Link>(m, "Link", "A wikilink, embed or markdown link in a note.")
      .Field("id", &Link::id)
      .Field("note_id", &Link::note_id)
      .Field("path", &Link::path, true)
      .Field("line", &Link::line, true)
      .Field("target", &Link::target, true)
      .Field("display", &Link::display)
      .Field("heading", &Link::heading)
      .Field("embed", &Link::embed)
      .Field("style", &Link::style)
      .Field("target_note_id", &Link::target_note_id)
      .Field("target_path", &Link::target_path, true)
      .Finish();
}

void BindTasks(py::module_& m) {
  RecordBinder<Task>(m, "Task", "A task: a list item with a [c] checkbox.")
      .Field("id", &Task::id, true)
      .Field("note_id", &Task::note_id)
      .Field("path", &Task::path)
      .Field("line", &Task::line)
      .Computed("status", Status<Task>, true)
      .Field("status_char", &Task::status_char)
      .Field("text", &Task::text, true)
      .Field("owner_id", &Task::owner_id)
      .Field("owner", &Task::owner, true)
      .Field("owner_name", &Task::owner_name)
      .Field("due", &Task::due, true)
      .Field("scheduled", &Task::scheduled)
      .Field("start", &Task::start)
      .Field("created", &Task::created)
      .Field("done", &Task::done)
      .Field("cancelled", &Task::cancelled)
      .Computed("priority",
                [](const Task& t) {
                  return t.priority ? PyEnum("Priority", PriorityName(*t.priority)) : py::none();
                })
      .Field("recurrence", &Task::recurrence)
      .Field("section", &Task::section)
      .Field("parent_id", &Task::parent_id)
      .Field("duplicate_of", &Task::duplicate_of)
      .Field("account_id", &Task::account_id)
      .Field("account", &Task::account)
      .Field("tags", &Task::tags)
      .Finish();
}

void BindMeetingsAndDecisions(py::module_& m) {
  RecordBinder<Attendee>(m, "Attendee", "Someone at a meeting.")
      .Field("person_id", &Attendee::person_id)
      .Field("name", &Attendee::name, true)
      .Finish();
  RecordBinder<Meeting>(m, "Meeting", "A meeting note.")
      .Field("id", &Meeting::id, true)
      .Field("note_id", &Meeting::note_id)
      .Field("path", &Meeting::path)
      .Field("date", &Meeting::date, true)
      .Field("title", &Meeting::title, true)
      .Field("account_id", &Meeting::account_id)
      .Field("account", &Meeting::account, true)
      .Field("source", &Meeting::source)
      .Field("attendees", &Meeting::attendees)
      .Field("duplicate_of", &Meeting::duplicate_of)
      .Finish();
  RecordBinder<Decision>(m, "Decision", "A bullet under a Decisions heading.")
      .Field("id", &Decision::id, true)
      .Field("note_id", &Decision::note_id)
      .Field("path", &Decision::path)
      .Field("line", &Decision::line)
      .Field("text", &Decision::text, true)
      .Field("section", &Decision::section)
      .Field("date", &Decision::date, true)
      .Field("account_id", &Decision::account_id)
      .Field("account", &Decision::account, true)
      .Field("duplicate_of", &Decision::duplicate_of)
      .Finish();
  RecordBinder<Fact>(m, "Fact", "A key fact, blocker, opportunity, risk, question or requirement.")
      .Field("id", &Fact::id)
      .Field("note_id", &Fact::note_id)
      .Field("path", &Fact::path)
      .Field("line", &Fact::line)
      .Field("kind", &Fact::kind, true)
      .Field("text", &Fact::text, true)
      .Field("section", &Fact::section)
      .Finish();
}

void BindPeopleAndAccounts(py::module_& m) {
  RecordBinder<Person>(m, "Person", "A person, resolved across the vault.")
      .Field("id", &Person::id, true)
      .Field("name", &Person::name, true)
      .Field("role", &Person::role, true)
      .Field("company", &Person::company, true)
      .Field("note_id", &Person::note_id)
      .Field("note_path", &Person::note_path)
      .Field("aliases", &Person::aliases)
      .Field("meetings", &Person::meetings)
      .Field("open_tasks", &Person::open_tasks)
      .Finish();
  RecordBinder<Account>(m, "Account", "An account (customer, prospect, partner).")
      .Field("id", &Account::id, true)
      .Field("name", &Account::name, true)
      .Field("status", &Account::status, true)
      .Field("industry", &Account::industry, true)
      .Field("note_id", &Account::note_id)
      .Field("note_path", &Account::note_path)
      .Field("meetings", &Account::meetings)
      .Field("decisions", &Account::decisions)
      .Field("open_tasks", &Account::open_tasks)
      .Finish();
}

void BindResults(py::module_& m) {
  RecordBinder<SearchHit>(m, "SearchHit", "A full-text search hit.")
      .Computed(
          "kind", [](const SearchHit& h) { return PyEnum("SearchKind", SearchKindName(h.kind)); },
          true)
      .Field("id", &SearchHit::id)
      .Field("note_id", &SearchHit::note_id)
      .Field("path", &SearchHit::path, true)
      .Field("line", &SearchHit::line)
      .Field("title", &SearchHit::title, true)
      .Field("snippet", &SearchHit::snippet)
      .Field("score", &SearchHit::score, true)
      .Field("date", &SearchHit::date)
      .Finish();
  RecordBinder<Diagnostic>(m, "Diagnostic", "A problem found while ingesting.")
      .Computed(
          "severity",
          [](const Diagnostic& d) { return PyEnum("Severity", SeverityName(d.severity)); }, true)
      .Field("code", &Diagnostic::code, true)
      .Field("message", &Diagnostic::message)
      .Field("path", &Diagnostic::path, true)
      .Field("line", &Diagnostic::line, true)
      .Field("stage", &Diagnostic::stage)
      .Field("note_id", &Diagnostic::note_id)
      .Finish();
  RecordBinder<IngestStep>(m, "IngestStep", "The wall-clock time of one step of an ingest.")
      .Field("name", &IngestStep::name, true)
      .Field("seconds", &IngestStep::seconds, true)
      .Finish();
  RecordBinder<IngestReport>(m, "IngestReport", "What one ingest did.")
      .Field("files_seen", &IngestReport::files_seen, true)
      .Field("files_parsed", &IngestReport::files_parsed, true)
      .Field("files_unchanged", &IngestReport::files_unchanged, true)
      .Field("files_removed", &IngestReport::files_removed, true)
      .Field("files_failed", &IngestReport::files_failed, true)
      .Field("resolved", &IngestReport::resolved)
      .Field("resolved_scoped", &IngestReport::resolved_scoped)
      .Field("seconds", &IngestReport::seconds)
      .Field("steps", &IngestReport::steps)
      .Field("table_rows", &IngestReport::table_rows)
      .Field("diagnostics", &IngestReport::diagnostics)
      .Finish();
}

void BindDuplicates(py::module_& m) {
  RecordBinder<DuplicateMember>(m, "DuplicateMember", "A member of a group of repeats.")
      .Field("id", &DuplicateMember::id, true)
      .Field("path", &DuplicateMember::path)
      .Field("line", &DuplicateMember::line)
      .Field("text", &DuplicateMember::text, true)
      .Field("similarity", &DuplicateMember::similarity, true)
      .Finish();
  RecordBinder<DuplicateGroup>(m, "DuplicateGroup", "A meeting, task or decision and its repeats.")
      .Field("kind", &DuplicateGroup::kind, true)
      .Field("canonical", &DuplicateGroup::canonical, true)
      .Field("duplicates", &DuplicateGroup::duplicates)
      .Finish();
}

void BindProfiles(py::module_& m) {
  RecordBinder<PersonProfile>(m, "PersonProfile",
                              "A person with their meetings, tasks, accounts and notes.")
      .Field("person", &PersonProfile::person, true)
      .Field("meetings", &PersonProfile::meetings)
      .Field("open_tasks", &PersonProfile::open_tasks)
      .Field("accounts", &PersonProfile::accounts)
      .Field("notes", &PersonProfile::notes)
      .Finish();
  RecordBinder<AccountProfile>(m, "AccountProfile",
                               "An account with its people, meetings, decisions, tasks and facts.")
      .Field("account", &AccountProfile::account, true)
      .Field("people", &AccountProfile::people)
      .Field("meetings", &AccountProfile::meetings)
      .Field("decisions", &AccountProfile::decisions)
      .Field("open_tasks", &AccountProfile::open_tasks)
      .Field("facts", &AccountProfile::facts)
      .Finish();
  RecordBinder<NoteDetail>(m, "NoteDetail", "A note with its tasks, decisions, facts and links.")
      .Field("note", &NoteDetail::note, true)
      .Field("tasks", &NoteDetail::tasks)
      .Field("decisions", &NoteDetail::decisions)
      .Field("facts", &NoteDetail::facts)
      .Field("links", &NoteDetail::links)
      .Field("backlinks", &NoteDetail::backlinks)
      .Finish();
}

}  // namespace

void BindRecords(py::module_& m) {
  BindNotes(m);
  BindTasks(m);
  BindMeetingsAndDecisions(m);
  BindPeopleAndAccounts(m);
  BindResults(m);
  BindDuplicates(m);
  BindProfiles(m);
}

}  // namespace notestore::python
