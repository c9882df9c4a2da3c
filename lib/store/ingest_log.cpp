#include "store/ingest_log.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <climits>
#include <cstdlib>

#include "notestore/version.h"
#include "store/statement_binding.h"

namespace notestore::store {
namespace {

constexpr const char* kNow = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

std::string AbsolutePath(const std::string& path) {
  char resolved[PATH_MAX];
  return realpath(path.c_str(), resolved) != nullptr ? resolved : path;
}

}  // namespace

int64_t BeginIngestRun(SQLite::Database& db, const std::string& vault) {
  SQLite::Transaction txn(db, SQLite::TransactionBehavior::IMMEDIATE);
  db.exec("UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running'");
  SQLite::Statement insert(db, std::string("INSERT INTO ingest_runs(vault, started_at, status, "
                                           "notestore_version) VALUES(?, ") +
                                   kNow + ", 'running', ?)");
  Exec(insert, AbsolutePath(vault), NOTESTORE_VERSION_STRING);
  const int64_t id = db.getLastInsertRowid();
  txn.commit();
  return id;
}

void FinishIngestRun(SQLite::Database& db, int64_t run, const IngestReport& report) {
  SQLite::Statement update(
      db, std::string("UPDATE ingest_runs SET status = 'done', finished_at = ") + kNow +
              ", files_seen = ?1, files_parsed = ?2, files_unchanged = ?3, "
              "files_removed = ?4, files_failed = ?5 WHERE id = ?6");
  Exec(update, report.files_seen, report.files_parsed, report.files_unchanged, report.files_removed,
       report.files_failed, run);
}

void FailIngestRun(SQLite::Database& db, int64_t run, const std::string& error) noexcept {
  if (run == 0) return;
  try {
    SQLite::Statement update(db, std::string("UPDATE ingest_runs SET status = 'failed', "
                                             "finished_at = ") +
                                     kNow + ", error = ?1 WHERE id = ?2");
    Exec(update, error, run);
  } catch (...) {  // NOLINT(bugprone-empty-catch): the original error is what matters.
  }
}

}  // namespace notestore::store
