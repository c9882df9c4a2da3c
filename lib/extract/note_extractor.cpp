#include "extract/note_extractor.h"

#include <set>

#include "extract/mentions.h"
#include "extract/names.h"
#include "extract/sections.h"
#include "parse/inline_syntax.h"
#include "util/dates.h"
#include "util/text.h"
#include "util/utf8.h"

namespace notestore::extract {
namespace {

using parse::ParsedNote;

bool OneOf(std::string_view s, std::initializer_list<const char*> list) {
  for (const char* item : list) {
    if (util::EqualsIgnoreCase(s, item)) return true;
  }
  return false;
}

std::optional<NoteKind> KindFromType(std::string_view type) {
  if (OneOf(type, {"meeting", "meetings", "1:1", "1-1", "one-on-one", "1on1", "call", "sync",
                   "standup", "stand-up", "interview", "workshop", "retro", "retrospective",
                   "check-in", "catchup", "catch-up", "meeting-note", "meeting notes"})) {
    return NoteKind::kMeeting;
  }
  if (OneOf(type, {"person", "people", "contact", "contacts"})) return NoteKind::kPerson;
  if (OneOf(type, {"customer", "customers", "account", "accounts", "client", "clients", "company",
                   "companies", "organization", "organisation", "org", "partner", "prospect",
                   "vendor"})) {
    return NoteKind::kAccount;
  }
  if (OneOf(type, {"project", "projects", "initiative"})) return NoteKind::kProject;
  return std::nullopt;
}

std::string_view FileStem(std::string_view rel_path) {
  const size_t slash = rel_path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? rel_path : rel_path.substr(slash + 1);
  const size_t dot = name.rfind('.');
  return dot == std::string_view::npos || dot == 0 ? name : name.substr(0, dot);
}

std::string_view FirstFolder(std::string_view rel_path) {
  const size_t slash = rel_path.find('/');
  return slash == std::string_view::npos ? std::string_view() : rel_path.substr(0, slash);
}

std::string Title(std::string_view rel_path, const ParsedNote& note) {
  if (auto t = note.FrontmatterValue("title"); t && !util::Trim(*t).empty()) {
    return parse::PlainText(*t);
  }
  for (const parse::Heading& h : note.headings) {
    if (h.level == 1) return parse::PlainText(h.text);
  }
  // "2024-03-14 - Sync with Lena" -> "Sync with Lena": the date has a column of its own.
  std::string_view stem = FileStem(rel_path);
  if (util::LeadingIsoDate(stem)) {
    std::string_view rest = stem.substr(10);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '-' || rest.front() == '_')) {
      rest.remove_prefix(1);
    }
    if (!rest.empty()) return std::string(rest);
  }
  return std::string(stem);
}

std::optional<std::string> NoteDate(std::string_view rel_path, const ParsedNote& note,
                                    Diagnostics* diagnostics) {
  for (const parse::Property& p : note.properties) {
    if (p.source != parse::PropertySource::kFrontmatter || !p.value || p.idx >= 0 ||
        !OneOf(p.key, {"date", "meeting_date", "meeting-date"})) {
      continue;
    }
    if (auto d = util::NormalizeDate(*p.value)) return d;
    if (!util::Trim(*p.value).empty()) {
      AddDiagnostic(diagnostics, Severity::kWarning, "invalid-date",
                    "'" + *p.value + "' is not a YYYY-MM-DD date", p.line);
    }
  }
  for (const auto& [value, line] : note.InlineValues("date")) {
    if (auto d = util::NormalizeDate(parse::PlainText(value))) return d;
  }
  return util::LeadingIsoDate(FileStem(rel_path));
}

NoteKind Classify(std::string_view rel_path, const ParsedNote& note,
                  const std::optional<std::string>& type, bool meeting_shaped) {
  if (type) {
    if (auto k = KindFromType(*type); k == NoteKind::kMeeting) return *k;
  }
  if (meeting_shaped) return NoteKind::kMeeting;
  if (type) {
    if (auto k = KindFromType(*type)) return *k;
  }
  for (const parse::Tag& tag : note.tags) {
    if (tag.in_frontmatter && util::StartsWithIgnoreCase(tag.name, "type/")) {
      if (auto k = KindFromType(tag.name.substr(5)); k && *k != NoteKind::kMeeting) return *k;
    }
  }
  // The folder is the weakest hint: "People/Sam.md" is a person.
  const std::string_view folder = FirstFolder(rel_path);
  if (!folder.empty()) {
    if (auto k = KindFromType(folder); k && *k != NoteKind::kMeeting) return *k;
  }
  return NoteKind::kNote;
}

// Leading ✅ ❌ ✔ ☑ ✓ ✗ markers (and U+FE0F) in decision and blocker bullets.
std::string StripMarkers(std::string_view text) {
  text = util::Trim(text);
  while (!text.empty()) {
    size_t pos = 0;
    const char32_t cp = util::DecodeUtf8(text, &pos);
    const bool marker = cp == 0x2705 || cp == 0x274C || cp == 0x2714 || cp == 0x2611 ||
                        cp == 0x2713 || cp == 0x2717 || cp == 0x2716 || cp == 0x274E ||
                        cp == 0xFE0F;
    if (!marker) break;
    text = util::TrimLeft(text.substr(pos));
  }
  return std::string(text);
}

void DecisionsAndFacts(const ParsedNote& note, NoteRecord* out) {
  // A task listed under Decisions or Key Facts ("- [x] Go with Postgres @Ann 📅 ...") is
  // both: it is stored as the task, and as the decision or fact its description says,
  // without the owner, dates and priority that belong to the task.
  std::vector<const parse::Task*> task_of(note.items.size(), nullptr);
  for (const parse::Task& task : note.tasks) {
    if (task.item >= 0 && static_cast<size_t>(task.item) < task_of.size()) {
      task_of[static_cast<size_t>(task.item)] = &task;
    }
  }
  for (size_t i = 0; i < note.items.size(); ++i) {
    const parse::ListItem& item = note.items[i];
    int role_heading = -1;
    const SectionInfo section = SectionOf(note, item.heading, &role_heading);
    if (section.role != SectionRole::kDecisions && section.role != SectionRole::kFacts) continue;
    // Only the section's own bullets; nested bullets elaborate on their parent.
    if (item.parent >= 0 && note.items[item.parent].heading == item.heading) continue;
    std::string text = StripMarkers(task_of[i] ? task_of[i]->fields.text : item.text);
    if (text.empty()) continue;
    const std::string& heading = note.headings[item.heading].text;
    if (section.role == SectionRole::kDecisions) {
      out->decisions.push_back(Decision{item.line, std::move(text), heading});
    } else {
      out->facts.push_back(Fact{item.line, section.fact_kind, std::move(text), heading});
    }
  }
}

// Status and industry of an account: its Account Status table, else frontmatter.
void AccountDetails(const ParsedNote& note, NoteRecord* out) {
  auto pick = [&](const char* key) -> std::optional<std::string> {
    for (const parse::Property& p : note.properties) {
      if (p.source == parse::PropertySource::kTable && p.value &&
          util::EqualsIgnoreCase(p.key, key)) {
        if (IsPlaceholderValue(*p.value)) return std::nullopt;
        return parse::PlainText(*p.value);
      }
    }
    if (auto v = note.FrontmatterValue(key); v && !IsPlaceholderValue(*v)) return *v;
    return std::nullopt;
  };
  out->account_status = pick("status");
  out->account_industry = pick("industry");
}

}  // namespace

const char* NoteKindName(NoteKind kind) {
  switch (kind) {
    case NoteKind::kMeeting:
      return "meeting";
    case NoteKind::kPerson:
      return "person";
    case NoteKind::kAccount:
      return "account";
    case NoteKind::kProject:
      return "project";
    case NoteKind::kNote:
      return "note";
  }
  return "note";
}

NoteRecord ExtractNote(std::string_view rel_path, const ParsedNote& note) {
  NoteRecord out;
  out.title = Title(rel_path, note);
  if (auto t = note.FrontmatterValue("type"); t && !util::Trim(*t).empty()) {
    out.type = ExtractName(*t);
  }
  out.date = NoteDate(rel_path, note, &out.diagnostics);
  std::vector<PersonMention> attendees = FindAttendees(note);
  out.kind = Classify(rel_path, note, out.type, out.date.has_value() && !attendees.empty());

  out.people = FindPeople(note, attendees);
  if (out.kind == NoteKind::kPerson) {
    PersonMention self{out.title, "self", 1, "", ""};
    for (const char* key : {"role", "position", "job_title", "job title"}) {
      if (auto v = note.FrontmatterValue(key)) self.role = parse::PlainText(*v);
    }
    for (const char* key : {"company", "organization", "organisation", "employer"}) {
      if (auto v = note.FrontmatterValue(key)) self.company = ExtractName(*v);
    }
    out.people.insert(out.people.begin(), std::move(self));
  }

  std::set<std::string> person_keys;
  for (const PersonMention& p : out.people) {
    if (p.source == "self" || p.source == "person" || p.source == "attendee") {
      person_keys.insert(util::NameKey(p.name));
    }
  }
  out.accounts = FindAccounts(note, person_keys, &out.diagnostics);
  if (out.kind == NoteKind::kAccount) {
    out.accounts.insert(out.accounts.begin(), AccountMention{out.title, "self", 1});
    AccountDetails(note, &out);
  }
  if (!out.accounts.empty()) out.account = out.accounts.front().name;

  if (out.kind == NoteKind::kMeeting) {
    MeetingInfo meeting;
    meeting.date = out.date;
    meeting.title = out.title;
    meeting.account = out.account;
    meeting.source = note.FrontmatterValue("source");
    meeting.attendees = std::move(attendees);
    out.meeting = std::move(meeting);
    if (!out.date) {
      AddDiagnostic(&out.diagnostics, Severity::kInfo, "meeting-without-date",
                    "this meeting note has no date (frontmatter date, **Date**: or file name)");
    }
  }
  DecisionsAndFacts(note, &out);
  return out;
}

}  // namespace notestore::extract
