// Stage 5, store: WAL checkpoints of an ingest run on a thread of their own, so that
// the writer does not stop at each commit to copy the log back into the database file
// (a tenth of a first ingest's writer, and of a re-sync's).
#ifndef NOTESTORE_LIB_STORE_WAL_CHECKPOINTER_H_
#define NOTESTORE_LIB_STORE_WAL_CHECKPOINTER_H_

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

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
// next transaction starts the log again.
//
// Destruction waits for a checkpoint under way, copies what is left (if at least
// `pages`) on the writer's thread, and gives the connection back its
// wal_autocheckpoint. Failures to checkpoint lose nothing (the frames stay in the log,
// where readers find them) and are not reported. For a database with no file (in
// memory, temporary), or a connection whose checkpoints are off (wal_autocheckpoint 0),
// nothing changes.
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

  // Checkpoints run by the thread so far (for tests).
  int64_t background_runs() const;

 private:
  static int OnCommit(void* self, sqlite3* db, const char* schema, int frames);
  void Loop();
  void WaitIdle(std::unique_lock<std::mutex>& lock);

  SQLite::Database& writer_;
  int pages_ = 0;
  int autocheckpoint_before_ = 0;
  std::unique_ptr<SQLite::Database> own_;  // The thread's connection.

  mutable std::mutex mu_;
  std::condition_variable wake_;  // The thread: a checkpoint is wanted, or stop.
  std::condition_variable idle_;  // The writer: the thread finished one.
  bool wanted_ = false;
  bool running_ = false;
  bool stop_ = false;
  int64_t runs_ = 0;
  std::thread thread_;
};

}  // namespace notestore::store

#endif  // NOTESTORE_LIB_STORE_WAL_CHECKPOINTER_H_
