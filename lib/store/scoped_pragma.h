// Stage 5, store: a connection setting changed for one scope, such as the page cache of
// the vault-wide pass or the memory map that an ingest turns off.
#ifndef NOTESTORE_LIB_STORE_SCOPED_PRAGMA_H_
#define NOTESTORE_LIB_STORE_SCOPED_PRAGMA_H_

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <string>
#include <utility>

namespace notestore::store {

// Sets PRAGMA `name` (an integer setting, such as cache_size or mmap_size) to `value` and
// puts back the value it had when destroyed. `db` must outlive it. Only a performance
// hint: if SQLite refuses the setting (a VFS without memory maps answers no row), this
// changes nothing and never throws.
class ScopedPragma {
 public:
  ScopedPragma(SQLite::Database& db, std::string name, int64_t value)
      : db_(db), name_(std::move(name)) {
    try {
      before_ = db_.execAndGet("PRAGMA " + name_).getInt64();
      db_.exec("PRAGMA " + name_ + " = " + std::to_string(value));
      active_ = true;
    } catch (...) {  // Left as it was.
    }
  }
  ~ScopedPragma() {
    if (!active_) return;
    try {
      db_.exec("PRAGMA " + name_ + " = " + std::to_string(before_));
    } catch (...) {  // Only a hint; a failure being unwound matters more.
    }
  }
  ScopedPragma(const ScopedPragma&) = delete;
  ScopedPragma& operator=(const ScopedPragma&) = delete;

  // Whether the setting was changed (and will be put back).
  bool active() const { return active_; }

  // Leaves the setting as it is now: the destructor will not touch the connection (one
  // that must not be used, such as the parent's in a child process made by fork()).
  void Abandon() { active_ = false; }

 private:
  SQLite::Database& db_;
  const std::string name_;
  int64_t before_ = 0;
  bool active_ = false;
};

}  // namespace notestore::store

#endif  // NOTESTORE_LIB_STORE_SCOPED_PRAGMA_H_
