// Stage 5, store: a connection setting changed for one scope, such as the page cache of
// the vault-wide pass or the memory map that an ingest turns off.
#ifndef NOTESTORE_LIB_STORE_SCOPED_PRAGMA_H_
#define NOTESTORE_LIB_STORE_SCOPED_PRAGMA_H_

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <string>

namespace notestore::store {

// Sets PRAGMA `name` (an integer setting, such as cache_size or mmap_size) to `value` and
// puts back the value it had when destroyed. `db` must outlive it.
class ScopedPragma {
 public:
  ScopedPragma(SQLite::Database& db, std::string name, int64_t value)
      : db_(db), name_(std::move(name)), before_(db.execAndGet("PRAGMA " + name_).getInt64()) {
    db_.exec("PRAGMA " + name_ + " = " + std::to_string(value));
  }
  ~ScopedPragma() {
    try {
      db_.exec("PRAGMA " + name_ + " = " + std::to_string(before_));
    } catch (...) {  // Only a performance setting; a failure being unwound matters more.
    }
  }
  ScopedPragma(const ScopedPragma&) = delete;
  ScopedPragma& operator=(const ScopedPragma&) = delete;

 private:
  SQLite::Database& db_;
  const std::string name_;
  const int64_t before_;
};

}  // namespace notestore::store

#endif  // NOTESTORE_LIB_STORE_SCOPED_PRAGMA_H_
