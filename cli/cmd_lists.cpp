// The list commands: tasks, meetings, decisions, facts, people, accounts, diagnostics.
#include <memory>

#include "commands.h"
#include "query_common.h"
#include "record_tables.h"

namespace notestore::cli {
namespace {

struct TaskArgs : CommonArgs {
  std::string owner, account, note, tag, text, due_before, due_after, priority, order = "due";
  std::vector<std::string> statuses;
  bool overdue = false, unowned = false, all = false;
  std::string as_of;
  int limit = 0;
};

void RunTasks(const TaskArgs& a) {
  TaskQuery q;
  for (const std::string& s : a.statuses) {
    const std::optional<TaskStatus> status = ParseTaskStatus(s);
    if (!status) {
      throw Error(ErrorCode::kInvalidArgument,
                  "--status wants open, done, cancelled or in_progress, not '" + s + "'");
    }
    q.statuses.push_back(*status);
  }
  q.owner = a.owner;
  q.unowned = a.unowned;
  q.account = a.account;
  q.note = a.note;
  q.tag = a.tag;
  q.text_contains = a.text;
  q.due_before = ParseDateOption("--due-before", a.due_before);
  q.due_after = ParseDateOption("--due-after", a.due_after);
  if (!a.priority.empty()) {
    q.min_priority = ParsePriority(a.priority);
    if (!q.min_priority) {
      throw Error(
          ErrorCode::kInvalidArgument,
          "--priority wants lowest, low, medium, high or highest, not '" + a.priority + "'");
    }
  }
  if (a.overdue)
    q.overdue_as_of = a.as_of.empty() ? Date::Today() : *ParseDateOption("--as-of", a.as_of);
  q.include_duplicates = a.all;
  q.order = a.order == "priority" ? TaskOrder::kPriority
            : a.order == "path"   ? TaskOrder::kPath
                                  : TaskOrder::kDue;
  q.limit = a.limit;
  const std::vector<Task> tasks = OpenForReading(a).tasks(q);
  Print(a, ToJsonArray(tasks), TaskTable(tasks));
}

void AddTasks(CLI::App& app) {
  auto a = std::make_shared<TaskArgs>();
  CLI::App* cmd = app.add_subcommand("tasks", "List tasks (open and done; filter with options)");
  AddCommonOptions(cmd, a.get());
  cmd->add_option("--owner", a->owner, "Owner's name or alias ('me' for you)");
  cmd->add_flag("--unowned", a->unowned, "Only tasks nobody owns");
  cmd->add_option("--status", a->statuses, "open, done, cancelled, in_progress (repeat or comma)")
      ->delimiter(',');
  cmd->add_option("--account", a->account, "Tasks in notes about this account");
  cmd->add_option("--note", a->note, "Tasks in this note (path or title)");
  cmd->add_option("--tag", a->tag, "Tasks with this tag (nested tags included)");
  cmd->add_option("--text", a->text, "Text contains (case-insensitive)");
  cmd->add_option("--due-before", a->due_before, "Due before this date (YYYY-MM-DD)");
  cmd->add_option("--due-after", a->due_after, "Due on or after this date");
  cmd->add_flag("--overdue", a->overdue, "Open tasks past their due date");
  cmd->add_option("--as-of", a->as_of, "The day --overdue counts from (default: today)");
  cmd->add_option("--priority", a->priority, "At least this priority (lowest..highest)");
  cmd->add_flag("--all", a->all, "Include tasks that repeat another");
  cmd->add_option("--order", a->order, "due (default), priority or path")
      ->check(CLI::IsMember({"due", "priority", "path"}));
  cmd->add_option("--limit", a->limit, "At most this many")->check(CLI::NonNegativeNumber);
  cmd->callback([a] { RunTasks(*a); });
}

struct DatedArgs : CommonArgs {
  std::string person, account, from, to;
  bool all = false;
  int limit = 0;
};

void AddDatedFilters(CLI::App* cmd, DatedArgs* a) {
  cmd->add_option("--person", a->person, "A person's name or alias");
  cmd->add_option("--account", a->account, "An account's name");
  cmd->add_option("--from", a->from, "On or after this date (YYYY-MM-DD)");
  cmd->add_option("--to", a->to, "On or before this date");
  cmd->add_flag("--all", a->all, "Include duplicates");
  cmd->add_option("--limit", a->limit, "At most this many")->check(CLI::NonNegativeNumber);
}

// MeetingQuery and DecisionQuery share these filters.
template <typename Query>
Query DatedQuery(const DatedArgs& a) {
  Query q;
  q.person = a.person;
  q.account = a.account;
  q.from = ParseDateOption("--from", a.from);
  q.to = ParseDateOption("--to", a.to);
  q.include_duplicates = a.all;
  q.limit = a.limit;
  return q;
}

void AddMeetings(CLI::App& app) {
  auto a = std::make_shared<DatedArgs>();
  CLI::App* cmd = app.add_subcommand("meetings", "List meetings, oldest first");
  AddCommonOptions(cmd, a.get());
  AddDatedFilters(cmd, a.get());
  cmd->callback([a] {
    const auto q = DatedQuery<MeetingQuery>(*a);
    const std::vector<Meeting> meetings = OpenForReading(*a).meetings(q);
    Print(*a, ToJsonArray(meetings), MeetingTable(meetings));
  });
}

void AddDecisions(CLI::App& app) {
  auto a = std::make_shared<DatedArgs>();
  CLI::App* cmd = app.add_subcommand("decisions", "List decisions, oldest first");
  AddCommonOptions(cmd, a.get());
  AddDatedFilters(cmd, a.get());
  cmd->callback([a] {
    const auto q = DatedQuery<DecisionQuery>(*a);
    const std::vector<Decision> decisions = OpenForReading(*a).decisions(q);
    Print(*a, ToJsonArray(decisions), DecisionTable(decisions));
  });
}

struct KindArgs : CommonArgs {
  std::string kind;
};

void AddFacts(CLI::App& app) {
  auto a = std::make_shared<KindArgs>();
  CLI::App* cmd = app.add_subcommand("facts", "List facts: key facts, blockers, risks, ...");
  AddCommonOptions(cmd, a.get());
  cmd->add_option("--kind", a->kind, "fact, blocker, opportunity, risk, question, requirement");
  cmd->callback([a] {
    const std::vector<Fact> facts = OpenForReading(*a).facts(a->kind);
    Print(*a, ToJsonArray(facts), FactTable(facts));
  });
}

void AddPeopleAndAccounts(CLI::App& app) {
  auto people = std::make_shared<CommonArgs>();
  CLI::App* cmd = app.add_subcommand("people", "List everyone the vault names");
  AddCommonOptions(cmd, people.get());
  cmd->callback([people] {
    const std::vector<Person> list = OpenForReading(*people).people();
    Print(*people, ToJsonArray(list), PersonTable(list));
  });
  auto accounts = std::make_shared<CommonArgs>();
  cmd = app.add_subcommand("accounts", "List accounts");
  AddCommonOptions(cmd, accounts.get());
  cmd->callback([accounts] {
    const std::vector<Account> list = OpenForReading(*accounts).accounts();
    Print(*accounts, ToJsonArray(list), AccountTable(list));
  });
}

void AddDiagnostics(CLI::App& app) {
  auto a = std::make_shared<KindArgs>();
  CLI::App* cmd = app.add_subcommand("diagnostics", "List problems found while ingesting");
  AddCommonOptions(cmd, a.get());
  cmd->add_option("--severity", a->kind, "Only this severity or worse: info, warning, error")
      ->check(CLI::IsMember({"info", "warning", "error"}));
  cmd->callback([a] {
    const Severity min =
        ParseSeverity(a->kind.empty() ? "info" : a->kind).value_or(Severity::kInfo);
    const std::vector<Diagnostic> list = OpenForReading(*a).diagnostics(min);
    Print(*a, ToJsonArray(list), DiagnosticTable(list));
  });
}

void AddDuplicates(CLI::App& app) {
  auto a = std::make_shared<KindArgs>();
  CLI::App* cmd = app.add_subcommand(
      "duplicates", "List repeated meetings, tasks and decisions, with their similarity");
  AddCommonOptions(cmd, a.get());
  cmd->add_option("--kind", a->kind, "meeting, task or decision")
      ->check(CLI::IsMember({"meeting", "task", "decision"}));
  cmd->callback([a] {
    const std::vector<DuplicateGroup> groups = OpenForReading(*a).duplicates(a->kind);
    Print(*a, ToJsonArray(groups), DuplicateTable(groups));
  });
}

}  // namespace

void AddListCommands(CLI::App& app) {
  AddTasks(app);
  AddMeetings(app);
  AddDecisions(app);
  AddFacts(app);
  AddPeopleAndAccounts(app);
  AddDiagnostics(app);
  AddDuplicates(app);
}

}  // namespace notestore::cli
