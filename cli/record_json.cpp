#include "record_json.h"

namespace notestore::cli {
namespace {

Json Opt(const std::optional<Date>& d) { return d ? Json(d->ToString()) : Json(nullptr); }
Json Opt(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }
Json Opt(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

}  // namespace

Json ToJson(const Task& t) {
  Json j;
  j["id"] = t.id;
  j["note_id"] = t.note_id;
  j["path"] = t.path;
  j["line"] = t.line;
  j["status"] = TaskStatusName(t.status);
  j["status_char"] = t.status_char;
  j["text"] = t.text;
  j["owner"] = Opt(t.owner);
  j["owner_id"] = Opt(t.owner_id);
  j["owner_name"] = Opt(t.owner_name);
  j["due"] = Opt(t.due);
  j["scheduled"] = Opt(t.scheduled);
  j["start"] = Opt(t.start);
  j["created"] = Opt(t.created);
  j["done"] = Opt(t.done);
  j["cancelled"] = Opt(t.cancelled);
  j["priority"] = t.priority ? Json(PriorityName(*t.priority)) : Json(nullptr);
  j["recurrence"] = Opt(t.recurrence);
  j["section"] = Opt(t.section);
  j["parent_id"] = Opt(t.parent_id);
  j["duplicate_of"] = Opt(t.duplicate_of);
  j["account"] = Opt(t.account);
  j["account_id"] = Opt(t.account_id);
  j["tags"] = t.tags;
  return j;
}

Json ToJson(const Meeting& m) {
  Json j;
  j["id"] = m.id;
  j["note_id"] = m.note_id;
  j["path"] = m.path;
  j["date"] = Opt(m.date);
  j["title"] = m.title;
  j["account"] = Opt(m.account);
  j["account_id"] = Opt(m.account_id);
  j["source"] = Opt(m.source);
  Json attendees = Json::array();
  for (const Attendee& a : m.attendees) attendees.push_back(a.name);
  j["attendees"] = attendees;
  j["duplicate_of"] = Opt(m.duplicate_of);
  return j;
}

Json ToJson(const Decision& d) {
  Json j;
  j["id"] = d.id;
  j["note_id"] = d.note_id;
  j["path"] = d.path;
  j["line"] = d.line;
  j["text"] = d.text;
  j["section"] = Opt(d.section);
  j["date"] = Opt(d.date);
  j["account"] = Opt(d.account);
  j["account_id"] = Opt(d.account_id);
  j["duplicate_of"] = Opt(d.duplicate_of);
  return j;
}

Json ToJson(const Fact& f) {
  Json j;
  j["id"] = f.id;
  j["note_id"] = f.note_id;
  j["path"] = f.path;
  j["line"] = f.line;
  j["kind"] = f.kind;
  j["text"] = f.text;
  j["section"] = Opt(f.section);
  return j;
}

Json ToJson(const Person& p) {
  Json j;
  j["id"] = p.id;
  j["name"] = p.name;
  j["role"] = Opt(p.role);
  j["company"] = Opt(p.company);
  j["note_id"] = Opt(p.note_id);
  j["note_path"] = Opt(p.note_path);
  j["aliases"] = p.aliases;
  j["meetings"] = p.meetings;
  j["open_tasks"] = p.open_tasks;
  return j;
}

Json ToJson(const Account& a) {
  Json j;
  j["id"] = a.id;
  j["name"] = a.name;
  j["status"] = Opt(a.status);
  j["industry"] = Opt(a.industry);
  j["note_id"] = Opt(a.note_id);
  j["note_path"] = Opt(a.note_path);
  j["meetings"] = a.meetings;
  j["decisions"] = a.decisions;
  j["open_tasks"] = a.open_tasks;
  return j;
}

Json ToJson(const Note& n) {
  Json j;
  j["id"] = n.id;
  j["path"] = n.path;
  j["title"] = n.title;
  j["kind"] = n.kind;
  j["type"] = Opt(n.type);
  j["date"] = Opt(n.date);
  j["folder"] = n.folder;
  j["account"] = Opt(n.account);
  j["account_id"] = Opt(n.account_id);
  j["tags"] = n.tags;
  j["aliases"] = n.aliases;
  if (!n.properties.empty()) {
    Json props = Json::array();
    for (const auto& [key, value] : n.properties) props.push_back({{"key", key}, {"value", value}});
    j["properties"] = props;
  }
  if (!n.body.empty()) j["body"] = n.body;
  return j;
}

Json ToJson(const Link& l) {
  Json j;
  j["id"] = l.id;
  j["note_id"] = l.note_id;
  j["path"] = l.path;
  j["line"] = l.line;
  j["target"] = l.target;
  j["display"] = Opt(l.display);
  j["heading"] = Opt(l.heading);
  j["embed"] = l.embed;
  j["style"] = l.style;
  j["target_note_id"] = Opt(l.target_note_id);
  j["target_path"] = Opt(l.target_path);
  return j;
}

Json ToJson(const SearchHit& h) {
  Json j;
  j["kind"] = SearchKindName(h.kind);
  j["id"] = h.id;
  j["note_id"] = h.note_id;
  j["path"] = h.path;
  j["line"] = h.line > 0 ? Json(h.line) : Json(nullptr);
  j["title"] = h.title;
  j["snippet"] = h.snippet;
  j["score"] = h.score;
  j["date"] = Opt(h.date);
  return j;
}

Json ToJson(const Diagnostic& d) {
  Json j;
  j["path"] = d.path;
  j["line"] = d.line > 0 ? Json(d.line) : Json(nullptr);
  j["severity"] = SeverityName(d.severity);
  j["code"] = d.code;
  j["message"] = d.message;
  j["stage"] = d.stage;
  j["note_id"] = Opt(d.note_id);
  return j;
}

Json ToJson(const PersonProfile& p) {
  // The person's fields, with the counts replaced by the lists they count.
  Json j = ToJson(p.person);
  j["meetings"] = ToJsonArray(p.meetings);
  j["open_tasks"] = ToJsonArray(p.open_tasks);
  j["accounts"] = ToJsonArray(p.accounts);
  j["notes"] = ToJsonArray(p.notes);
  return j;
}

Json ToJson(const AccountProfile& a) {
  Json j = ToJson(a.account);
  j["people"] = ToJsonArray(a.people);
  j["meetings"] = ToJsonArray(a.meetings);
  j["decisions"] = ToJsonArray(a.decisions);
  j["open_tasks"] = ToJsonArray(a.open_tasks);
  j["facts"] = ToJsonArray(a.facts);
  return j;
}

Json ToJson(const NoteDetail& d) {
  Json j = ToJson(d.note);
  j["tasks"] = ToJsonArray(d.tasks);
  j["decisions"] = ToJsonArray(d.decisions);
  j["facts"] = ToJsonArray(d.facts);
  j["links"] = ToJsonArray(d.links);
  j["backlinks"] = ToJsonArray(d.backlinks);
  return j;
}

Json ToJson(const DuplicateGroup& g) {
  auto member = [](const DuplicateMember& m) {
    Json j;
    j["id"] = m.id;
    j["path"] = m.path;
    j["line"] = m.line > 0 ? Json(m.line) : Json(nullptr);
    j["text"] = m.text;
    j["similarity"] = m.similarity;
    return j;
  };
  Json j;
  j["kind"] = g.kind;
  j["canonical"] = member(g.canonical);
  Json dups = Json::array();
  for (const DuplicateMember& m : g.duplicates) dups.push_back(member(m));
  j["duplicates"] = dups;
  return j;
}

}  // namespace notestore::cli
