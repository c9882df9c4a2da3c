// search QUERY [--kind K] [--limit N] ...
#include <memory>

#include "commands.h"
#include "query_common.h"
#include "record_tables.h"
#include "terminal.h"

namespace notestore::cli {
namespace {

struct SearchArgs : CommonArgs {
  std::string query, account, from, to;
  std::vector<std::string> kinds;
  int limit = 20;
  int offset = 0;
  int max_ranked = SearchOptions().max_ranked;
  bool raw = false;
  bool all = false;
};

void RunSearch(const SearchArgs& a) {
  SearchOptions options;
  for (const std::string& k : a.kinds) {
    const std::optional<SearchKind> kind = ParseSearchKind(k);
    if (!kind) {
      throw Error(ErrorCode::kInvalidArgument,
                  "--kind wants note, task or decision, not '" + k + "'");
    }
    options.kinds.push_back(*kind);
  }
  options.account = a.account;
  options.from = ParseDateOption("--from", a.from);
  options.to = ParseDateOption("--to", a.to);
  options.limit = a.limit;
  options.offset = a.offset;
  options.raw = a.raw;
  options.max_ranked = a.max_ranked;
  options.include_duplicates = a.all;
  if (!a.json && StdoutIsTerminal()) {
    options.highlight_open = "\033[1m";  // Bold on a terminal.
    options.highlight_close = "\033[0m";
  }
  const std::vector<SearchHit> hits = OpenForReading(a).search(a.query, options);
  Print(a, ToJsonArray(hits), SearchTable(hits));
}

}  // namespace

void AddSearchCommand(CLI::App& app) {
  auto a = std::make_shared<SearchArgs>();
  CLI::App* cmd =
      app.add_subcommand("search", "Full-text search: words, \"phrases\", prefix*, AND / OR / NOT");
  cmd->add_option("query", a->query, "What to look for")->required();
  AddCommonOptions(cmd, a.get());
  cmd->add_option("--kind", a->kinds, "note, task or decision (repeat or comma)")->delimiter(',');
  cmd->add_option("--account", a->account, "Only notes about this account");
  cmd->add_option("--from", a->from, "Only notes dated on or after");
  cmd->add_option("--to", a->to, "Only notes dated on or before");
  cmd->add_option("--limit", a->limit, "At most this many hits (default 20)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--offset", a->offset, "Skip this many hits")->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-ranked", a->max_ranked,
                  "Rank at most this many matches, the newest (default 500; 0: all)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--raw", a->raw, "Pass the query to SQLite FTS5 unchanged");
  cmd->add_flag("--all", a->all, "Include duplicate meetings, tasks and decisions");
  cmd->callback([a] { RunSearch(*a); });
}

}  // namespace notestore::cli
