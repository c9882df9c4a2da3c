// notestore ingest VAULT --db FILE [--me NAME] [--ext .md] [--force] [--threads N]
//                  [--parser-nice N] [--json]
//                  [--quiet]
// notestore watch VAULT --db FILE [--me NAME] [--ext .md] [--threads N] [--debounce-ms N]
//                 [--json]
#include <csignal>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "commands.h"
#include "notestore/notestore.h"
#include "terminal.h"

namespace notestore::cli {
namespace {

struct IngestArgs {
  std::string vault;
  std::string db;
  std::string me;
  std::vector<std::string> extensions;
  bool force = false;
  int threads = 0;
  int parser_niceness = IngestOptions().parser_niceness;
  bool json = false;
  bool quiet = false;
  int debounce_ms = 20;  // watch only
};

const char* PhaseLabel(IngestProgress::Phase phase) {
  switch (phase) {
    case IngestProgress::Phase::kScanning:
      return "scanning";
    case IngestProgress::Phase::kParsing:
      return "ingesting";
    case IngestProgress::Phase::kResolving:
      return "resolving";
    case IngestProgress::Phase::kDone:
      return "done";
  }
  return "";
}

int64_t Count(const std::map<std::string, int64_t>& m, const char* key) {
  auto it = m.find(key);
  return it == m.end() ? 0 : it->second;
}

void PrintSummary(const IngestArgs& args, const IngestReport& r) {
  std::printf("Ingested %s into %s in %.2f s\n", args.vault.c_str(), args.db.c_str(), r.seconds);
  std::printf("  files     %lld seen, %lld parsed, %lld unchanged, %lld removed, %lld failed\n",
              static_cast<long long>(r.files_seen), static_cast<long long>(r.files_parsed),
              static_cast<long long>(r.files_unchanged), static_cast<long long>(r.files_removed),
              static_cast<long long>(r.files_failed));
  std::string rows;
  for (const char* table : {"notes", "meetings", "people", "accounts", "tasks", "decisions",
                            "facts", "links", "tags", "headings", "table_rows"}) {
    if (!rows.empty()) rows += ", ";
    rows += std::to_string(Count(r.table_rows, table)) + " " + table;
  }
  std::printf("  rows      %s\n", rows.c_str());
  const int64_t errors = Count(r.diagnostics, "error");
  const int64_t warnings = Count(r.diagnostics, "warning");
  const int64_t infos = Count(r.diagnostics, "info");
  std::printf("  problems  %lld errors, %lld warnings, %lld notes", static_cast<long long>(errors),
              static_cast<long long>(warnings), static_cast<long long>(infos));
  if (errors + warnings + infos > 0) {
    std::printf("  (sqlite3 %s 'SELECT * FROM diagnostics')", args.db.c_str());
  }
  std::printf("\n");
}

Store OpenForWriting(const IngestArgs& args) {
  Store store = Store::open(args.db);
  if (!store.open_message().empty())
    std::fprintf(stderr, "notestore: %s\n", store.open_message().c_str());
  return store;
}

IngestOptions OptionsFrom(const IngestArgs& args) {
  IngestOptions options;
  options.me = args.me;
  options.force = args.force;
  options.threads = args.threads;
  options.parser_niceness = args.parser_niceness;
  if (!args.extensions.empty()) {
    options.extensions.clear();
    for (std::string ext : args.extensions) {
      if (!ext.empty() && ext[0] != '.') ext.insert(0, 1, '.');
      options.extensions.push_back(ext);
    }
  }
  return options;
}

nlohmann::ordered_json ReportJson(const IngestReport& report) {
  nlohmann::ordered_json j;
  j["files_seen"] = report.files_seen;
  j["files_parsed"] = report.files_parsed;
  j["files_unchanged"] = report.files_unchanged;
  j["files_removed"] = report.files_removed;
  j["files_failed"] = report.files_failed;
  j["resolved"] = report.resolved;
  j["resolved_scoped"] = report.resolved_scoped;
  j["seconds"] = report.seconds;
  nlohmann::ordered_json steps = nlohmann::ordered_json::object();
  // ("indexes" may come twice: most after the files, the rest within the pass.)
  for (const IngestStep& step : report.steps) {
    steps[step.name] = steps.value(step.name, 0.0) + step.seconds;
  }
  j["steps"] = steps;
  j["table_rows"] = report.table_rows;
  j["diagnostics"] = report.diagnostics;
  return j;
}

void RunIngest(const IngestArgs& args) {
  Store store = OpenForWriting(args);
  IngestOptions options = OptionsFrom(args);
  options.count_rows = args.json || !args.quiet;  // --quiet shows no totals.
  auto bar = std::make_shared<ProgressBar>();
  if (!args.quiet && !args.json) {
    options.on_progress = [bar](const IngestProgress& p) {
      if (p.phase == IngestProgress::Phase::kDone) {
        bar->Clear();
      } else {
        bar->Update(PhaseLabel(p.phase), p.files_done, p.files_total);
      }
    };
  }
  const IngestReport report = store.ingest(args.vault, options);
  bar->Clear();
  if (args.json) {
    nlohmann::ordered_json j;
    j["vault"] = args.vault;
    j["db"] = args.db;
    j.update(ReportJson(report));
    std::cout << j.dump(2) << "\n";
  } else if (!args.quiet) {
    PrintSummary(args, report);
  }
}

VaultWatcher* g_watcher = nullptr;  // For the signal handler.

extern "C" void StopWatching(int /*signal*/) {
  if (g_watcher != nullptr) g_watcher->stop();
}

// One line per sync: "14:03:07  2 changed (Meetings/a.md, ...): 1 parsed, 1 removed in 0.031 s".
void PrintSync(const WatchSync& sync) {
  char when[16];
  const std::time_t now = std::time(nullptr);
  std::strftime(when, sizeof when, "%H:%M:%S", std::localtime(&now));
  const IngestReport& r = sync.report;
  std::string what = "full sync";
  if (!sync.full) {
    what = std::to_string(sync.paths.size()) + " changed (";
    for (size_t i = 0; i < sync.paths.size() && i < 3; ++i) what += (i ? ", " : "") + sync.paths[i];
    what += sync.paths.size() > 3 ? ", ...)" : ")";
  }
  std::printf("%s  %s: %lld parsed, %lld removed, %lld failed in %.3f s", when, what.c_str(),
              static_cast<long long>(r.files_parsed), static_cast<long long>(r.files_removed),
              static_cast<long long>(r.files_failed), r.seconds);
  if (!sync.full) std::printf(" (%.3f s after the change)", sync.latency_seconds);
  std::printf("\n");
  std::fflush(stdout);
}

void RunWatch(const IngestArgs& args) {
  Store store = OpenForWriting(args);
  WatchOptions options;
  options.ingest = OptionsFrom(args);
  // Only the JSON lines show the store's totals, which the store keeps as it goes
  // unless it holds none (then counting them would cost a large vault a third of a
  // second).
  options.ingest.count_rows = args.json;
  options.debounce_ms = args.debounce_ms;
  VaultWatcher watcher(store, args.vault, options);
  g_watcher = &watcher;
  struct sigaction action {};
  action.sa_handler = StopWatching;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  if (!args.json && !args.quiet) {
    std::fprintf(stderr, "Watching %s (Ctrl-C to stop)\n", args.vault.c_str());
  }
  watcher.run([&args](const WatchSync& sync) {
    if (args.quiet) return;
    if (!args.json) return PrintSync(sync);
    nlohmann::ordered_json j;  // One object per line (JSON Lines).
    j["full"] = sync.full;
    j["paths"] = sync.paths;
    j["latency_seconds"] = sync.latency_seconds;
    j.update(ReportJson(sync.report));
    std::cout << j.dump() << std::endl;
  });
  g_watcher = nullptr;
}

void AddVaultOptions(CLI::App* cmd, IngestArgs* args) {
  cmd->add_option("vault", args->vault, "Folder of the vault")->required();
  cmd->add_option("--db", args->db, "Database file (created if missing)")->required();
  cmd->add_option("--me", args->me,
                  "Your full name: tasks owned by @Me/@Myself are yours (remembered)");
  cmd->add_option("--ext", args->extensions, "Note file extensions (default: .md)")->delimiter(',');
  cmd->add_option("--threads", args->threads, "Threads that parse files (default 0: one per core)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--parser-nice", args->parser_niceness,
                  "How far below this process's priority the parsing threads run (0-19; "
                  "default 19: they yield to the writing thread and to other work)")
      ->check(CLI::Range(0, 19));
  cmd->add_flag("-q,--quiet", args->quiet, "Print nothing on success");
}

}  // namespace

void AddWatchCommand(CLI::App& app) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand(
      "watch", "Keep a database in sync with a vault as its files change, until Ctrl-C");
  AddVaultOptions(cmd, args.get());
  cmd->add_option("--debounce-ms", args->debounce_ms,
                  "Quiet time after a change before syncing (default 20)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--json", args->json, "Print each sync as a line of JSON");
  cmd->callback([args] { RunWatch(*args); });
}

void AddIngestCommand(CLI::App& app) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand("ingest", "Ingest a vault of Markdown notes into a database");
  AddVaultOptions(cmd, args.get());
  cmd->add_flag("--force", args->force, "Re-parse every file, changed or not");
  cmd->add_flag("--json", args->json, "Print the report as JSON");
  cmd->callback([args] { RunIngest(*args); });
}

}  // namespace notestore::cli
