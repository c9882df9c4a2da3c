#include "store/fts5_api.h"

#include <memory>

#include "notestore/error.h"

namespace notestore::store {
namespace {

struct StatementDeleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

}  // namespace

fts5_api* Fts5Api(SQLite::Database& db) {
  sqlite3_stmt* raw = nullptr;
  fts5_api* fts5 = nullptr;
  if (sqlite3_prepare_v2(db.getHandle(), "SELECT fts5(?1)", -1, &raw, nullptr) == SQLITE_OK) {
    const std::unique_ptr<sqlite3_stmt, StatementDeleter> statement(raw);
    sqlite3_bind_pointer(raw, 1, static_cast<void*>(&fts5), "fts5_api_ptr", nullptr);
    sqlite3_step(raw);
  }
  if (fts5 == nullptr || fts5->iVersion < 2) {
    throw Error(ErrorCode::kInternal, "this SQLite has no usable FTS5 module");
  }
  return fts5;
}

}  // namespace notestore::store
