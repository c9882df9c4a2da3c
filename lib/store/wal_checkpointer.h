// Stage 5, store: WAL checkpoints of an ingest run on a thread of their own, so that
// the writer does not stop at each commit to copy the log back into the database file
// (a tenth of a first ingest's writer, and of a re-sync's).
#ifndef NOTESTORE_LIB_STORE_WAL_CHECKPOINTER_H_
#define NOTESTORE_LIB_STORE_WAL_CHECKPOINTER_H_

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>
#include <sys/types.h>

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "store/scoped_pragma.h"

namespace notestore::store {

// Takes over the checkpoints of `writer` (a connection to a database in WAL mode) from
// construction to destruction. When a commit leaves at least `pages` frames in the log
// (by default the connection's PRAGMA wal_autocheckpoint, at which SQLite would have
// checkpointed on the writer's thread), a second connection to the same file copies
// them back on its own thread (a PASSIVE checkpoint, which SQLite runs alongside a
// writer) while the writer goes on.
//
// SQLite starts the log again from its beginning only when a write transaction begins
// with every frame copied; while checkpoints run alongside, that rarely happens, and the
// log would grow with the whole ingest. So once it holds `pages * kRestartAfter` frames,
// the commit that finds it so waits for the thread and copies the rest itself, and the
// next transaction starts the log again. The log file may grow past that by the
// largest transaction (building an index after a bulk load); when the connection has
// no journal_size_limit, it gets one of `pages * kRestartAfter` pages, so that SQLite
// shrinks the file back to that size when it next starts the log again.
//
// Destruction waits for a checkpoint under way (what a commit asked for last), then
// gives the connection back its wal_autocheckpoint and journal_size_limit. Failures to
// checkpoint lose nothing (the frames stay in the log, where readers find them) and are
// not reported. For a database with no file (in memory, temporary), a connection whose
// checkpoints are off (wal_autocheckpoint 0), or when no thread can be started,
// nothing changes. In a child process made by fork() (where the thread does not
// exist), destruction leaves the thread and its connection alone.
//
// Takes `writer`'s WAL hook, which nothing else may set meanwhile. `writer` must
// outlive it. Construct and destroy on the writer's thread.
class WalCheckpointer {
 public:
  static constexpr int kRestartAfter = 32;

  explicit WalCheckpointer(SQLite::Database& writer, int pages = 0);
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // Checkpoints run by the thread so far, and the most frames one of them found
  // copied when it ended (for tests).
  int64_t background_runs() const;
  int64_t background_frames_copied() const;

 private:
  static int OnCommit(void* self, sqlite3* db, const char* schema, int frames);
  void Loop();
  void WaitIdle(std::unique_lock<std::mutex>& lock);

  SQLite::Database& writer_;
  int64_t pages_ = 0;
  int64_t restart_frames_ = 0;  // pages_ * kRestartAfter.
  int autocheckpoint_before_ = 0;
  std::optional<ScopedPragma> size_limit_;  // journal_size_limit, where none was set.
  pid_t pid_ = 0;                           // Of the process that started the thread.
  std::unique_ptr<SQLite::Database> own_;   // The thread's connection.

  mutable std::mutex mu_;
  // The thread: a checkpoint is wanted, or stop. Held by pointer so that a forked child
  // can leave it undestroyed: the parent's thread may have been waiting on it at the
  // fork, and pthread_cond_destroy waits for that waiter, which the child never has.
  std::unique_ptr<std::condition_variable> wake_ = std::make_unique<std::condition_variable>();
  std::condition_variable idle_;  // The writer: the thread finished one.
  bool wanted_ = false;
  bool running_ = false;
  bool stop_ = false;
  int64_t runs_ = 0;
  int64_t frames_copied_ = 0;
  std::thread thread_;
};

}  // namespace notestore::store

#endif  // NOTESTORE_LIB_STORE_WAL_CHECKPOINTER_H_
