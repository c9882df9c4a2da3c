#include "store/checkpointer.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>

#include "support/test_support.h"

namespace notestore::store {
namespace {

int AutoCheckpoint(SQLite::Database& db) {
  return db.execAndGet("PRAGMA wal_autocheckpoint").getInt();
}

// Frames in the log and frames of it copied into the database, as a checkpoint that
// copies nothing (another connection's, which asks for no more than PASSIVE) reports.
std::pair<int, int> LogFrames(const std::string& path) {
  SQLite::Database other(path, SQLite::OPEN_READWRITE);
  SQLite::Statement q(other, "PRAGMA wal_checkpoint(PASSIVE)");
  q.executeStep();
  return {q.getColumn(1).getInt(), q.getColumn(2).getInt()};
}

void CommitRows(SQLite::Database& db, int rows) {
  SQLite::Transaction txn(db);
  SQLite::Statement insert(db, "INSERT INTO t(text) VALUES(printf('%.*c', 3000, 'x'))");
  for (int i = 0; i < rows; ++i) {
    insert.exec();
    insert.reset();
  }
  txn.commit();
}

// The writer stops checkpointing on commit while the checkpointer lives; after every
// kCatchUpEvery commits the log is fully copied, so the next transaction starts it again
// and it stays a few batches long; afterwards the writer checkpoints again.
TEST(BackgroundCheckpointer, CopiesTheLogBehindTheWriterAndKeepsItShort) {
  testing::TempDir dir;
  const std::string path = dir.Join("store.db");
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("PRAGMA journal_mode = WAL; CREATE TABLE t(id INTEGER PRIMARY KEY, text TEXT)");
  ASSERT_EQ(AutoCheckpoint(db), 1000);
  int first_log = 0, largest_log = 0;
  {
    BackgroundCheckpointer checkpointer(db);
    EXPECT_EQ(AutoCheckpoint(db), 0);
    for (int round = 0; round < 4; ++round) {
      for (int k = 0; k < BackgroundCheckpointer::kCatchUpEvery; ++k) {
        CommitRows(db, 50);
        checkpointer.Committed();
      }
      const auto [log, copied] = LogFrames(path);
      EXPECT_EQ(copied, log) << "round " << round;  // Caught up.
      if (round == 0) first_log = log;
      largest_log = std::max(largest_log, log);
    }
  }
  EXPECT_EQ(AutoCheckpoint(db), 1000);
  // Each round's log holds about that round's commits: never restarted, the fourth
  // would hold four rounds'.
  EXPECT_GT(first_log, 0);
  EXPECT_LT(largest_log, first_log * 3 / 2);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM t").getInt(),
            4 * BackgroundCheckpointer::kCatchUpEvery * 50);
}

TEST(BackgroundCheckpointer, LeavesADatabaseNotInWalModeAlone) {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, text TEXT)");
  BackgroundCheckpointer checkpointer(db);
  CommitRows(db, 3);
  checkpointer.Committed();  // Does nothing, and does not wait.
  EXPECT_EQ(AutoCheckpoint(db), 1000);
}

}  // namespace
}  // namespace notestore::store
