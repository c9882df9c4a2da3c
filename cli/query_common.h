// What every read command shares: --db and --json, opening the store read-only,
// reading dates from the command line, printing.
#ifndef NOTESTORE_CLI_QUERY_COMMON_H_
#define NOTESTORE_CLI_QUERY_COMMON_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "notestore/notestore.h"
#include "record_json.h"
#include "table.h"

namespace notestore::cli {

struct CommonArgs {
  std::string db;
  bool json = false;
};

// Adds --db FILE (required) and --json to `cmd`.
void AddCommonOptions(CLI::App* cmd, CommonArgs* args);

// Opens the database read-only; a missing file is Error(kNotFound).
Store OpenForReading(const CommonArgs& args);

// "YYYY-MM-DD" or "today"; anything else throws Error(kInvalidArgument) naming `option`.
std::optional<Date> ParseDateOption(const std::string& option, const std::string& value);

// Prints JSON (pretty) or the table.
void Print(const CommonArgs& args, const Json& json, const Table& table);

}  // namespace notestore::cli

#endif  // NOTESTORE_CLI_QUERY_COMMON_H_
