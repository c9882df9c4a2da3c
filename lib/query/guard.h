// Runs a query body, turning SQLite exceptions into notestore::Error so no SQLite type
// leaves a public method.
#ifndef NOTESTORE_LIB_QUERY_GUARD_H_
#define NOTESTORE_LIB_QUERY_GUARD_H_

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <string>

#include "store/sqlite_errors.h"

namespace notestore::query {

// Holds a read transaction, so that a query of several statements (a search's scoring
// walk and its snippets, a profile's lists) sees one state of the database though a
// writer commits in between. Does nothing inside a transaction already open. The
// transaction ends (commits: it wrote nothing) on destruction.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(SQLite::Database& db)
      : handle_(sqlite3_get_autocommit(db.getHandle()) ? db.getHandle() : nullptr) {
    if (handle_) db.exec("BEGIN");
  }
  ~ReadSnapshot() {
    if (handle_) sqlite3_exec(handle_, "COMMIT", nullptr, nullptr, nullptr);
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  sqlite3* handle_;
};

template <typename F>
auto Guard(const std::string& what, F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SQLite::Exception& e) {
    store::RethrowSqlite(e, what);
  }
}

}  // namespace notestore::query

#endif  // NOTESTORE_LIB_QUERY_GUARD_H_
