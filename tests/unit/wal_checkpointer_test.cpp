// WalCheckpointer copies a writer's log back on a thread of its own, keeps the log from
// growing without bound while it does, and gives the connection back as it found it.
#include "store/wal_checkpointer.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "support/test_support.h"

namespace notestore::store {
namespace {

// A database in WAL mode with a table of blobs, as an ingest's connection has it.
std::unique_ptr<SQLite::Database> OpenWal(const std::string& path) {
  auto db = std::make_unique<SQLite::Database>(
      path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX);
  db->exec("PRAGMA journal_mode = WAL");
  db->exec("PRAGMA synchronous = NORMAL");
  db->exec("CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, data BLOB)");
  return db;
}

// `transactions` commits of `rows` rows of `bytes` bytes each.
void Write(SQLite::Database& db, int transactions, int rows, int bytes) {
  SQLite::Statement insert(db, "INSERT INTO t(data) VALUES(zeroblob(?))");
  for (int i = 0; i < transactions; ++i) {
    db.exec("BEGIN IMMEDIATE");
    for (int r = 0; r < rows; ++r) {
      insert.bind(1, bytes);
      insert.exec();
      insert.reset();
    }
    db.exec("COMMIT");
  }
}

int64_t Rows(const std::string& path) {
  SQLite::Database reader(path, SQLite::OPEN_READONLY);
  return reader.execAndGet("SELECT count(*) FROM t").getInt64();
}

uintmax_t LogBytes(const std::string& path) { return std::filesystem::file_size(path + "-wal"); }

TEST(WalCheckpointer, CopiesTheLogOnItsOwnThreadAndPutsBackTheSetting) {
  const testing::TempDir dir;
  const std::string path = dir.Join("wal.db");
  auto db = OpenWal(path);
  db->exec("PRAGMA wal_autocheckpoint = 777");
  {
    const WalCheckpointer checkpointer(*db, 8);
    Write(*db, 40, 4, 3000);
    // The commits asked; the thread answers in its own time.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (checkpointer.background_frames_copied() == 0 &&
           std::chrono::steady_clock::now() < give_up) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    EXPECT_GT(checkpointer.background_runs(), 0);
    // Copied, not only tried: a connection that never read has no log to copy from.
    EXPECT_GT(checkpointer.background_frames_copied(), 0);
  }
  EXPECT_EQ(db->execAndGet("PRAGMA wal_autocheckpoint").getInt(), 777);
  EXPECT_EQ(Rows(path), 160);
}

TEST(WalCheckpointer, TheLogStaysBoundedWhileCheckpointsRunAlongside) {
  const testing::TempDir dir;
  const std::string path = dir.Join("wal.db");
  auto db = OpenWal(path);
  constexpr int kPages = 4;
  {
    const WalCheckpointer checkpointer(*db, kPages);
    // Hundreds of small commits in a row: the thread is mostly still copying when the
    // next transaction begins, which then cannot start the log again.
    Write(*db, 400, 1, 5000);
  }
  EXPECT_EQ(Rows(path), 400);
  const int page = db->execAndGet("PRAGMA page_size").getInt();
  // A commit here writes a few frames; the log is started again once it holds
  // kPages * kRestartAfter of them.
  const auto most = static_cast<uintmax_t>(kPages * WalCheckpointer::kRestartAfter + 16) *
                    static_cast<uintmax_t>(page + 24);
  EXPECT_LE(LogBytes(path), most);
}

TEST(WalCheckpointer, BoundsTheLogFileOnlyWhereNothingElseDoes) {
  const testing::TempDir dir;
  auto db = OpenWal(dir.Join("wal.db"));
  auto limit = [&] { return db->execAndGet("PRAGMA journal_size_limit").getInt64(); };
  const int64_t page = db->execAndGet("PRAGMA page_size").getInt64();
  ASSERT_EQ(limit(), -1);  // SQLite's default here: no bound.
  {
    const WalCheckpointer checkpointer(*db, 10);
    EXPECT_EQ(limit(), int64_t{10} * WalCheckpointer::kRestartAfter * page);
  }
  EXPECT_EQ(limit(), -1);
  db->exec("PRAGMA journal_size_limit = 1048576");
  {
    const WalCheckpointer checkpointer(*db, 10);
    EXPECT_EQ(limit(), 1048576);
  }
  EXPECT_EQ(limit(), 1048576);
}

// A child process made by fork() has no checkpoint thread: destroying the checkpointer
// there must not wait for it, nor run SQL on the writer.
TEST(WalCheckpointer, DestroyedInAForkedChildDoesNotWaitForTheParentsThread) {
  const testing::TempDir dir;
  auto db = OpenWal(dir.Join("wal.db"));
  auto checkpointer = std::make_unique<WalCheckpointer>(*db, 4);
  Write(*db, 10, 2, 3000);
  // Counts the statements the writer runs: in the child, none may run (a mutex of
  // SQLite's that the parent's thread held at the fork would hang it).
  static int statements = 0;
  sqlite3_trace_v2(
      db->getHandle(), SQLITE_TRACE_STMT,
      [](unsigned, void*, void*, void*) {
        ++statements;
        return 0;
      },
      nullptr);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const int before = statements;
    checkpointer.reset();
    _exit(statements == before ? 0 : 3);
  }
  int status = 0;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  pid_t done = 0;
  while ((done = waitpid(child, &status, WNOHANG)) == 0 &&
         std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (done == 0) {
    kill(child, SIGKILL);
    waitpid(child, &status, 0);
  }
  EXPECT_EQ(done, child) << "the child hung destroying the checkpointer";
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
      << "the child ran SQL on the writer (exit status 3) or failed";
  sqlite3_trace_v2(db->getHandle(), 0, nullptr, nullptr);
  checkpointer.reset();  // The parent's thread is joined as usual.
  Write(*db, 2, 1, 100);
}

TEST(WalCheckpointer, LeavesADatabaseWithoutAFileAlone) {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
  db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, data BLOB)");
  {
    const WalCheckpointer checkpointer(db, 1);
    Write(db, 5, 2, 100);
    EXPECT_EQ(checkpointer.background_runs(), 0);
  }
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM t").getInt(), 10);
}

TEST(WalCheckpointer, LeavesAConnectionWithCheckpointsOffAlone) {
  const testing::TempDir dir;
  const std::string path = dir.Join("wal.db");
  auto db = OpenWal(path);
  db->exec("PRAGMA wal_autocheckpoint = 0");
  {
    const WalCheckpointer checkpointer(*db);  // Its pages: the connection's, 0.
    Write(*db, 20, 2, 3000);
    EXPECT_EQ(checkpointer.background_runs(), 0);
  }
  EXPECT_EQ(db->execAndGet("PRAGMA wal_autocheckpoint").getInt(), 0);
  // Nobody copied anything, so the log was never started again: it holds every commit.
  const int page = db->execAndGet("PRAGMA page_size").getInt();
  EXPECT_GT(LogBytes(path), static_cast<uintmax_t>(40 * page));
}

}  // namespace
}  // namespace notestore::store
