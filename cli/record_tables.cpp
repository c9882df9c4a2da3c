#include "record_tables.h"

#include <cstdio>

namespace notestore::cli {
namespace {

std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : ""; }

// "Meetings/2025-10-22 - Sync.md" -> "2025-10-22 - Sync": enough to recognize a note.
std::string NoteName(const std::string& path) {
  const size_t slash = path.rfind('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  const size_t dot = name.rfind('.');
  if (dot != std::string::npos && dot > 0) name.resize(dot);
  return name;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

Table TaskTable(const std::vector<Task>& tasks) {
  Table t({{"id", false, true},
           {"st"},
           {"due"},
           {"priority"},
           {"owner", true},
           {"task", true},
           {"note", true}});
  for (const Task& task : tasks) {
    t.AddRow({std::to_string(task.id), "[" + task.status_char + "]", DateText(task.due),
              task.priority ? PriorityName(*task.priority) : "",
              task.owner.empty() ? task.owner_name : task.owner, task.text, NoteName(task.path)});
  }
  return t;
}

Table MeetingTable(const std::vector<Meeting>& meetings) {
  Table t({{"date"}, {"title", true}, {"account", true}, {"attendees", true}, {"note", true}});
  for (const Meeting& m : meetings) {
    std::vector<std::string> names;
    for (const Attendee& a : m.attendees) names.push_back(a.name);
    t.AddRow({DateText(m.date), m.title, m.account, Join(names), NoteName(m.path)});
  }
  return t;
}

Table DecisionTable(const std::vector<Decision>& decisions) {
  Table t({{"date"}, {"account", true}, {"decision", true}, {"note", true}});
  for (const Decision& d : decisions) {
    t.AddRow({DateText(d.date), d.account, d.text, NoteName(d.path)});
  }
  return t;
}

Table FactTable(const std::vector<Fact>& facts) {
  Table t({{"kind"}, {"fact", true}, {"note", true}});
  for (const Fact& f : facts) t.AddRow({f.kind, f.text, NoteName(f.path)});
  return t;
}

Table PersonTable(const std::vector<Person>& people) {
  Table t({{"name", true},
           {"role", true},
           {"company", true},
           {"meetings", false, true},
           {"open tasks", false, true}});
  for (const Person& p : people) {
    t.AddRow({p.name, p.role, p.company, std::to_string(p.meetings), std::to_string(p.open_tasks)});
  }
  return t;
}

Table AccountTable(const std::vector<Account>& accounts) {
  Table t({{"name", true},
           {"status"},
           {"industry", true},
           {"meetings", false, true},
           {"decisions", false, true},
           {"open tasks", false, true}});
  for (const Account& a : accounts) {
    t.AddRow({a.name, a.status, a.industry, std::to_string(a.meetings), std::to_string(a.decisions),
              std::to_string(a.open_tasks)});
  }
  return t;
}

Table NoteTable(const std::vector<Note>& notes) {
  Table t({{"date"}, {"kind"}, {"title", true}, {"path", true}});
  for (const Note& n : notes) t.AddRow({DateText(n.date), n.kind, n.title, n.path});
  return t;
}

Table LinkTable(const std::vector<Link>& links, bool show_source) {
  Table t({{show_source ? "from" : "line", !show_source}, {"target", true}, {"resolves to", true}});
  for (const Link& l : links) {
    std::string target = l.target.empty() ? "#" + l.heading : l.target;
    if (!l.target.empty() && !l.heading.empty()) target += "#" + l.heading;
    t.AddRow(
        {show_source ? NoteName(l.path) + ":" + std::to_string(l.line) : std::to_string(l.line),
         (l.embed ? "!" : "") + target, l.target_path});
  }
  return t;
}

Table SearchTable(const std::vector<SearchHit>& hits) {
  Table t({{"kind"}, {"date"}, {"title", true}, {"snippet", true}, {"note", true}});
  for (const SearchHit& h : hits) {
    t.AddRow({SearchKindName(h.kind), DateText(h.date), h.title, h.snippet, NoteName(h.path)});
  }
  return t;
}

Table DiagnosticTable(const std::vector<Diagnostic>& diagnostics) {
  Table t({{"severity"}, {"code"}, {"where", true}, {"message", true}});
  for (const Diagnostic& d : diagnostics) {
    t.AddRow({SeverityName(d.severity), d.code,
              d.path + (d.line > 0 ? ":" + std::to_string(d.line) : ""), d.message});
  }
  return t;
}

Table DuplicateTable(const std::vector<DuplicateGroup>& groups) {
  Table t({{"kind"}, {"id", false, true}, {"same"}, {"text", true}, {"where", true}});
  for (const DuplicateGroup& g : groups) {
    auto where = [](const DuplicateMember& m) {
      return NoteName(m.path) + (m.line > 0 ? ":" + std::to_string(m.line) : "");
    };
    t.AddRow({g.kind, std::to_string(g.canonical.id), "", g.canonical.text, where(g.canonical)});
    for (const DuplicateMember& m : g.duplicates) {
      char same[16];
      std::snprintf(same, sizeof same, "%.2f", m.similarity);
      t.AddRow({"", std::to_string(m.id), same, "  = " + m.text, where(m)});
    }
  }
  return t;
}

void PrintSection(const std::string& title, const Table& table) {
  std::printf("\n%s\n", title.c_str());
  if (table.empty()) {
    std::printf("  (none)\n");
    return;
  }
  std::fputs(table.Render(OutputWidth()).c_str(), stdout);
}

}  // namespace notestore::cli
