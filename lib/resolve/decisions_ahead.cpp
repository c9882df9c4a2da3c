#include "resolve/decisions_ahead.h"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <algorithm>
#include <string>
#include <system_error>
#include <utility>

#include "store/schema.h"
#include "util/ordered_parallel.h"

namespace notestore::resolve {
namespace {

// The helper reads the decisions table and its note_id index once, in order: a small
// page cache of its own does, and its memory comes on top of the pass's.
constexpr int64_t kHelperCacheBytes = int64_t{8} << 20;

}  // namespace

DecisionsAhead::DecisionsAhead(SQLite::Database& db, Scope scope) : scope_(std::move(scope)) {
  const char* file = sqlite3_db_filename(db.getHandle(), "main");
  if (file == nullptr || *file == '\0' || util::WorkerThreads(0) < 2) return;
  // Only beside a log: with a rollback journal, the helper's read lock would keep the
  // pass from spilling its pages to the file until the helper is done.
  if (db.execAndGet("PRAGMA journal_mode").getString() != "wal") return;
  try {
    thread_ = std::thread([this, path = std::string(file)] { Run(path); });
  } catch (const std::system_error&) {  // No thread to be had: compared in place.
  }
}

DecisionsAhead::~DecisionsAhead() {
  cancel_ = true;
  if (thread_.joinable()) thread_.join();
}

std::optional<ComparedDecisions> DecisionsAhead::Take(SQLite::Database& db) {
  if (thread_.joinable()) thread_.join();
  std::optional<ComparedDecisions> out = std::exchange(result_, std::nullopt);
  if (!out) return out;
  SQLite::Statement q(db, "SELECT count(*), ifnull(max(id), 0) FROM decisions");
  q.executeStep();
  int64_t highest = 0;
  for (const Item& d : out->items) highest = std::max(highest, d.id);
  if (q.getColumn(0).getInt64() != static_cast<int64_t>(out->items.size()) ||
      q.getColumn(1).getInt64() != highest) {
    return std::nullopt;
  }
  return out;
}

void DecisionsAhead::Run(const std::string& path) {
  try {
    store::ConnectionOptions options;
    options.read_only = true;
    options.cache_bytes = kHelperCacheBytes;
    const std::unique_ptr<SQLite::Database> reader = store::OpenDatabase(path, options);
    // One read transaction: the table as one commit left it, whatever commits next.
    reader->exec("BEGIN");
    result_ = CompareDecisions(*reader, scope_, &cancel_);
    reader->exec("COMMIT");
  } catch (...) {  // Cancelled, or failed: the caller compares in place.
    result_.reset();
  }
}

}  // namespace notestore::resolve
