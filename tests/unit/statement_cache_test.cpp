// StatementCache lends each statement to one reader at a time and takes it back reset,
// so that a kept statement never holds a read transaction open.
#include "query/statement_cache.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/test_support.h"

namespace notestore::query {
namespace {

class StatementCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string path = dir_.Join("c.db");
    db_ = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db_->exec("PRAGMA journal_mode = WAL; CREATE TABLE t(x); INSERT INTO t VALUES (1), (2), (3)");
  }

  std::vector<int> Values(Prepared& q) {
    std::vector<int> out;
    while (q->executeStep()) out.push_back(q->getColumn(0).getInt());
    return out;
  }

  testing::TempDir dir_;
  std::unique_ptr<SQLite::Database> db_;
};

TEST_F(StatementCacheTest, ANestedUseOfTheSameSqlGetsAStatementOfItsOwn) {
  StatementCache cache(*db_);
  const std::string sql = "SELECT x FROM t WHERE x >= ? ORDER BY x";
  Prepared outer(cache, sql);
  outer->bind(1, 2);
  ASSERT_TRUE(outer->executeStep());
  EXPECT_EQ(outer->getColumn(0).getInt(), 2);
  {
    Prepared inner(cache, sql);
    inner->bind(1, 1);
    EXPECT_EQ(Values(inner), (std::vector<int>{1, 2, 3}));
  }
  ASSERT_TRUE(outer->executeStep());  // Undisturbed by the inner one.
  EXPECT_EQ(outer->getColumn(0).getInt(), 3);
}

TEST_F(StatementCacheTest, AStatementComesBackResetWithItsBindingsCleared) {
  StatementCache cache(*db_);
  const std::string sql = "SELECT count(*) FROM t WHERE x = ?";
  {
    Prepared q(cache, sql);
    q->bind(1, 2);
    ASSERT_TRUE(q->executeStep());  // Left mid-read.
    EXPECT_EQ(q->getColumn(0).getInt(), 1);
  }
  // Reset: another connection can write and check the WAL back into the database,
  // which a reader left mid-statement would prevent.
  SQLite::Database other(dir_.Join("c.db"), SQLite::OPEN_READWRITE);
  other.exec("INSERT INTO t VALUES (2)");
  SQLite::Statement checkpoint(other, "PRAGMA wal_checkpoint(TRUNCATE)");
  ASSERT_TRUE(checkpoint.executeStep());
  EXPECT_EQ(checkpoint.getColumn(0).getInt(), 0) << "the checkpoint was blocked";
  Prepared again(cache, sql);
  ASSERT_TRUE(again->executeStep());
  EXPECT_EQ(again->getColumn(0).getInt(), 0);  // x = NULL: the binding is gone.
}

TEST_F(StatementCacheTest, ManyDistinctStatementsKeepWorkingAndALentOneSurvives) {
  StatementCache cache(*db_);
  Prepared held(cache, "SELECT x FROM t ORDER BY x");
  ASSERT_TRUE(held->executeStep());
  for (int i = 0; i < 200; ++i) {
    Prepared q(cache, "SELECT x + " + std::to_string(i) + " FROM t ORDER BY x");
    ASSERT_TRUE(q->executeStep());
    EXPECT_EQ(q->getColumn(0).getInt(), 1 + i);
  }
  ASSERT_TRUE(held->executeStep());
  EXPECT_EQ(held->getColumn(0).getInt(), 2);
}

}  // namespace
}  // namespace notestore::query
