// person NAME, account NAME, show PATH: one entity with everything that hangs off it.
#include <cstdio>
#include <iostream>
#include <memory>

#include "commands.h"
#include "query_common.h"
#include "record_tables.h"

namespace notestore::cli {
namespace {

struct NamedArgs : CommonArgs {
  std::string name;
};

void PrintJson(const Json& j) {
  std::cout << j.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

// "label: value" lines for the non-empty values.
void Field(const char* label, const std::string& value) {
  if (!value.empty()) std::printf("  %-10s %s\n", label, value.c_str());
}

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

void ShowPerson(const NamedArgs& a) {
  const PersonProfile p = OpenForReading(a).person(a.name);
  if (a.json) return PrintJson(ToJson(p));
  std::printf("%s\n", p.person.name.c_str());
  Field("role", p.person.role);
  Field("company", p.person.company);
  Field("aliases", JoinList(p.person.aliases));
  Field("note", p.person.note_path);
  PrintSection("Open tasks (" + std::to_string(p.open_tasks.size()) + ")", TaskTable(p.open_tasks));
  PrintSection("Meetings (" + std::to_string(p.meetings.size()) + ")", MeetingTable(p.meetings));
  PrintSection("Accounts", AccountTable(p.accounts));
  PrintSection("Notes that name them", NoteTable(p.notes));
}

void ShowAccount(const NamedArgs& a) {
  const AccountProfile p = OpenForReading(a).account(a.name);
  if (a.json) return PrintJson(ToJson(p));
  std::printf("%s\n", p.account.name.c_str());
  Field("status", p.account.status);
  Field("industry", p.account.industry);
  Field("note", p.account.note_path);
  PrintSection("People", PersonTable(p.people));
  PrintSection("Meetings (" + std::to_string(p.meetings.size()) + ")", MeetingTable(p.meetings));
  PrintSection("Decisions", DecisionTable(p.decisions));
  PrintSection("Open tasks (" + std::to_string(p.open_tasks.size()) + ")", TaskTable(p.open_tasks));
  PrintSection("Facts", FactTable(p.facts));
}

void ShowNote(const NamedArgs& a) {
  const NoteDetail d = OpenForReading(a).note(a.name);
  if (a.json) return PrintJson(ToJson(d));
  const Note& n = d.note;
  std::printf("%s\n", n.title.c_str());
  Field("path", n.path);
  Field("kind", n.kind + (n.type.empty() || n.type == n.kind ? "" : " (type: " + n.type + ")"));
  Field("date", n.date ? n.date->ToString() : "");
  Field("account", n.account);
  Field("tags", JoinList(n.tags));
  Field("aliases", JoinList(n.aliases));
  PrintSection("Tasks", TaskTable(d.tasks));
  PrintSection("Decisions", DecisionTable(d.decisions));
  PrintSection("Facts", FactTable(d.facts));
  PrintSection("Links", LinkTable(d.links, false));
  PrintSection("Backlinks", LinkTable(d.backlinks, true));
  // The repeats this note takes part in, either side.
  std::vector<DuplicateGroup> mine;
  for (const DuplicateGroup& g : OpenForReading(a).duplicates()) {
    bool here = g.canonical.path == n.path;
    for (const DuplicateMember& m : g.duplicates) here |= m.path == n.path;
    if (here) mine.push_back(g);
  }
  PrintSection("Duplicates", DuplicateTable(mine));
}

void AddNamed(CLI::App& app, const char* name, const char* help, const char* what,
              void (*run)(const NamedArgs&)) {
  auto a = std::make_shared<NamedArgs>();
  CLI::App* cmd = app.add_subcommand(name, help);
  cmd->add_option(what, a->name, help)->required();
  AddCommonOptions(cmd, a.get());
  cmd->callback([a, run] { run(*a); });
}

}  // namespace

void AddProfileCommands(CLI::App& app) {
  AddNamed(app, "person", "A person: meetings, open tasks, accounts, notes", "name", ShowPerson);
  AddNamed(app, "account", "An account: people, meetings, decisions, open tasks, facts", "name",
           ShowAccount);
  AddNamed(app, "show", "A note with its tasks, decisions, links and backlinks", "path", ShowNote);
}

}  // namespace notestore::cli
