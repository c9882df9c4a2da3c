// Stage 5, store: the rows an ingest adds to and removes from the counted tables
// (store/row_counts.h), seen as it writes them, so that the totals stored before it can
// be brought up to date without counting every table again.
#ifndef NOTESTORE_LIB_STORE_ROW_COUNT_TRACKER_H_
#define NOTESTORE_LIB_STORE_ROW_COUNT_TRACKER_H_

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "store/row_counts.h"

namespace notestore::store {

// Follows every row inserted into or deleted from a counted table of `db`'s main
// database from construction to destruction, through SQLite's pre-update hook: it sees
// rows that triggers, REPLACE conflicts and whole-table deletes remove too (SQLite does
// not take its truncate shortcut while the hook is set). Rows of a transaction later
// rolled back are counted all the same, so use it only where a rollback ends the run.
//
// Takes the connection's pre-update hook, which nothing else may set meanwhile, and
// gives it back empty. `db` must outlive it. Not thread-safe: the connection's thread.
class RowCountTracker {
 public:
  explicit RowCountTracker(SQLite::Database& db);
  ~RowCountTracker();
  RowCountTracker(const RowCountTracker&) = delete;
  RowCountTracker& operator=(const RowCountTracker&) = delete;

  // Whether this build's SQLite has the hook. Without it a tracker sees nothing: do
  // not make one.
  static bool Available();

  // `before` (the totals when tracking began) with the rows seen since.
  RowCounts Apply(const RowCounts& before) const;

 private:
  static void OnChange(void* self, sqlite3* db, int op, const char* schema, const char* table,
                       sqlite3_int64 old_rowid, sqlite3_int64 new_rowid);

  sqlite3* handle_;
  int severity_column_ = -1;  // Of diagnostics.
  // Rows added less rows removed; std::less<> finds a name without copying it.
  std::map<std::string, int64_t, std::less<>> tables_;
  std::map<std::string, int64_t, std::less<>> diagnostics_;  // The same, by severity.
};

}  // namespace notestore::store

#endif  // NOTESTORE_LIB_STORE_ROW_COUNT_TRACKER_H_
