#include "query_common.h"

#include <cstdio>
#include <iostream>

namespace notestore::cli {

void AddCommonOptions(CLI::App* cmd, CommonArgs* args) {
  cmd->add_option("--db", args->db, "Database file written by notestore ingest")->required();
  cmd->add_flag("--json", args->json, "Print JSON instead of a table");
}

Store OpenForReading(const CommonArgs& args) {
  OpenOptions options;
  options.read_only = true;
  return Store::open(args.db, options);
}

std::optional<Date> ParseDateOption(const std::string& option, const std::string& value) {
  if (value.empty()) return std::nullopt;
  if (value == "today") return Date::Today();
  std::optional<Date> date = Date::Parse(value);
  if (!date) {
    throw Error(ErrorCode::kInvalidArgument,
                option + " wants a date like 2025-10-26 (or 'today'), not '" + value + "'");
  }
  return date;
}

void Print(const CommonArgs& args, const Json& json, const Table& table) {
  if (args.json) {
    std::cout << json.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
  } else if (table.empty()) {
    std::printf("(none)\n");
  } else {
    std::fputs(table.Render(OutputWidth()).c_str(), stdout);
  }
}

}  // namespace notestore::cli
