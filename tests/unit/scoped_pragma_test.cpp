// ScopedPragma changes a connection setting for a scope and puts it back, and never
// throws over a setting SQLite refuses.
#include "store/scoped_pragma.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <optional>

namespace notestore::store {
namespace {

int64_t Setting(SQLite::Database& db, const char* name) {
  return db.execAndGet(std::string("PRAGMA ") + name).getInt64();
}

TEST(ScopedPragma, SetsASettingForItsScopeAndPutsItBack) {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
  db.exec("PRAGMA cache_size = -4096");
  {
    const ScopedPragma small(db, "cache_size", -1024);
    EXPECT_TRUE(small.active());
    EXPECT_EQ(Setting(db, "cache_size"), -1024);
  }
  EXPECT_EQ(Setting(db, "cache_size"), -4096);
}

TEST(ScopedPragma, ASettingSqliteDoesNotKnowChangesNothingAndDoesNotThrow) {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
  std::optional<ScopedPragma> unknown;
  EXPECT_NO_THROW(unknown.emplace(db, "no_such_setting", 1));  // SQLite answers no row.
  EXPECT_FALSE(unknown->active());
  EXPECT_NO_THROW(unknown.reset());
}

}  // namespace
}  // namespace notestore::store
