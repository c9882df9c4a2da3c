// Copies the write-ahead log into the database on a thread of its own while an ingest
// writes, rather than on the writing thread after each commit (SQLite's automatic
// checkpoint), which at 100,000 notes spends most of a commit writing pages back.
#ifndef NOTESTORE_LIB_STORE_CHECKPOINTER_H_
#define NOTESTORE_LIB_STORE_CHECKPOINTER_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace SQLite {
class Database;
}

namespace notestore::store {

// While it lives, `db` (a connection in WAL mode) does not checkpoint on commit; a
// second connection to the same file does, in the background, whenever Committed() is
// called. Checkpoints are PASSIVE: they never block the writer or readers. The log
// starts again from its beginning only when a transaction begins with it fully copied,
// so every kCatchUpEvery commits Committed() waits for the checkpoint to catch up: the
// log stays the size of a few batches, not of the ingest.
// On destruction the thread stops and `db` checkpoints on commit again. For a database
// not in WAL mode (in memory) it does nothing. Errors in the background are ignored:
// a checkpoint not done is done by the next one, or when the last connection closes.
// Used by one thread (the writer's); not copyable.
class BackgroundCheckpointer {
 public:
  explicit BackgroundCheckpointer(SQLite::Database& db);
  ~BackgroundCheckpointer();
  BackgroundCheckpointer(const BackgroundCheckpointer&) = delete;
  BackgroundCheckpointer& operator=(const BackgroundCheckpointer&) = delete;

  // Wakes the thread after a commit; every kCatchUpEvery calls, waits until the
  // checkpoint it starts is done.
  void Committed();

  static constexpr int kCatchUpEvery = 8;

 private:
  void Loop();

  SQLite::Database& db_;
  std::unique_ptr<SQLite::Database> own_;  // The checkpointing connection.
  std::mutex mutex_;
  std::condition_variable wake_;  // Work to do, or stop.
  std::condition_variable done_;  // Caught up (busy_ false).
  bool pending_ = false;          // A commit not checkpointed yet (guarded by mutex_).
  bool busy_ = false;             // A checkpoint asked for and not finished (guarded by mutex_).
  bool stop_ = false;
  int commits_ = 0;  // Since the last catch-up (writer's thread only).
  std::thread thread_;
};

}  // namespace notestore::store

#endif  // NOTESTORE_LIB_STORE_CHECKPOINTER_H_
