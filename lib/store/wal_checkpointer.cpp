#include "store/wal_checkpointer.h"

#include <unistd.h>

#include <algorithm>
#include <string>
#include <system_error>

namespace notestore::store {
namespace {

// The file of `db`'s main database, or "" when it has none (in memory, temporary).
std::string FileOf(SQLite::Database& db) {
  const char* name = sqlite3_db_filename(db.getHandle(), "main");
  return name ? std::string(name) : std::string();
}

}  // namespace

WalCheckpointer::WalCheckpointer(SQLite::Database& writer, int pages) : writer_(writer) {
  const std::string path = FileOf(writer_);
  if (path.empty()) return;
  int64_t page_bytes = 0, size_limit = -1;
  try {
    autocheckpoint_before_ = writer_.execAndGet("PRAGMA wal_autocheckpoint").getInt();
    pages_ = pages > 0 ? pages : autocheckpoint_before_;
    if (pages_ <= 0) return;
    restart_frames_ = pages_ * kRestartAfter;
    own_ = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
    // As the writer's: a checkpoint syncs the log, then the file, whichever connection
    // runs it. The read opens the connection's log, without which it has none to copy.
    own_->exec("PRAGMA synchronous = NORMAL");
    own_->execAndGet("PRAGMA schema_version");
    size_limit = writer_.execAndGet("PRAGMA journal_size_limit").getInt64();
    page_bytes = writer_.execAndGet("PRAGMA page_size").getInt64();
  } catch (const SQLite::Exception&) {
    own_.reset();  // The writer keeps its own checkpoints.
    return;
  }
  pid_ = getpid();
  try {
    thread_ = std::thread([this] { Loop(); });
  } catch (const std::system_error&) {  // No thread to be had: SQLite's own, as before.
    own_.reset();
    return;
  }
  // Only now, with the thread there to answer it.
  sqlite3_wal_hook(writer_.getHandle(), &WalCheckpointer::OnCommit, this);
  if (size_limit < 0)
    size_limit_.emplace(writer_, "journal_size_limit", restart_frames_ * page_bytes);
}

WalCheckpointer::~WalCheckpointer() {
  if (!own_) return;
  sqlite3_wal_hook(writer_.getHandle(), nullptr, nullptr);
  if (getpid() != pid_) {
    // A forked child: the thread is not here to join, and its mutex or connection may
    // have been in use when the process was copied. So may a mutex of SQLite's (its
    // allocator's, while the thread checkpointed), so the writer runs no SQL here
    // either: its journal_size_limit is left as it is.
    thread_.detach();
    static_cast<void>(own_.release());
    static_cast<void>(wake_.release());
    if (size_limit_) size_limit_->Abandon();
    return;
  }
  {
    const std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  wake_->notify_one();
  thread_.join();  // After the checkpoint the last commit asked for, if any.
  // Puts back SQLite's own hook, which checkpoints from the writer's thread (and
  // size_limit_ its journal_size_limit).
  sqlite3_wal_autocheckpoint(writer_.getHandle(), autocheckpoint_before_);
}

int64_t WalCheckpointer::background_runs() const {
  const std::lock_guard<std::mutex> lock(mu_);
  return runs_;
}

int64_t WalCheckpointer::background_frames_copied() const {
  const std::lock_guard<std::mutex> lock(mu_);
  return frames_copied_;
}

int WalCheckpointer::OnCommit(void* self, sqlite3* db, const char* schema, int frames) {
  auto* me = static_cast<WalCheckpointer*>(self);
  if (frames < me->pages_) return SQLITE_OK;
  std::unique_lock<std::mutex> lock(me->mu_);
  if (frames >= me->restart_frames_) {
    // The thread has copied most of the log by now; the rest is copied here, so that
    // the next transaction starts the log again.
    me->WaitIdle(lock);
    lock.unlock();
    sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    return SQLITE_OK;
  }
  me->wanted_ = true;
  lock.unlock();
  me->wake_->notify_one();
  return SQLITE_OK;
}

void WalCheckpointer::WaitIdle(std::unique_lock<std::mutex>& lock) {
  idle_.wait(lock, [this] { return !wanted_ && !running_; });
}

void WalCheckpointer::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    wake_->wait(lock, [this] { return wanted_ || stop_; });
    if (!wanted_) break;  // Stopped, with nothing asked for.
    wanted_ = false;
    running_ = true;
    lock.unlock();
    // PASSIVE: copies what no reader still needs, never waits for a lock, and leaves
    // the writer to go on. Busy or failed, the frames stay in the log.
    int log = 0, copied = 0;
    sqlite3_wal_checkpoint_v2(own_->getHandle(), "main", SQLITE_CHECKPOINT_PASSIVE, &log, &copied);
    lock.lock();
    running_ = false;
    ++runs_;
    frames_copied_ = std::max<int64_t>(frames_copied_, copied);
    idle_.notify_all();
  }
}

}  // namespace notestore::store
