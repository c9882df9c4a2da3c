#include "store/checkpointer.h"

#include <SQLiteCpp/Database.h>

#include <string>

namespace notestore::store {

namespace {
constexpr int kDefaultAutoCheckpoint = 1000;  // SQLite's, in pages.
}  // namespace

BackgroundCheckpointer::BackgroundCheckpointer(SQLite::Database& db) : db_(db) {
  try {
    if (db_.execAndGet("PRAGMA journal_mode").getString() != "wal") return;
    own_ = std::make_unique<SQLite::Database>(db_.getFilename(),
                                              SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
    db_.exec("PRAGMA wal_autocheckpoint = 0");
  } catch (const SQLite::Exception&) {
    own_.reset();  // Then the writer checkpoints, as it would anyway.
    return;
  }
  thread_ = std::thread([this] { Loop(); });
}

BackgroundCheckpointer::~BackgroundCheckpointer() {
  if (!own_) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
  try {
    own_->exec("PRAGMA wal_checkpoint(PASSIVE)");  // The last commit's, as SQLite's would.
    db_.exec("PRAGMA wal_autocheckpoint = " + std::to_string(kDefaultAutoCheckpoint));
  } catch (const SQLite::Exception&) {  // A destructor does not throw; closing checkpoints.
  }
}

void BackgroundCheckpointer::Committed() {
  if (!own_) return;
  std::unique_lock<std::mutex> lock(mutex_);
  pending_ = true;
  busy_ = true;
  wake_.notify_all();
  if (++commits_ < kCatchUpEvery) return;
  commits_ = 0;
  done_.wait(lock, [this] { return !busy_; });
}

void BackgroundCheckpointer::Loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return pending_ || stop_; });
    if (stop_) return;
    pending_ = false;
    lock.unlock();
    try {
      own_->exec("PRAGMA wal_checkpoint(PASSIVE)");
    } catch (const SQLite::Exception&) {  // Busy or failed: the next one catches up.
    }
    lock.lock();
    if (!pending_) {
      busy_ = false;
      done_.notify_all();
    }
  }
}

}  // namespace notestore::store
