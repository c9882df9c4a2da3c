// One ingest per database at a time. Two ingests whose batches interleaved would each
// commit consistent transactions but could leave the store a mix of two scans; the
// second one is refused instead, with a message naming the lock.
#ifndef NOTESTORE_LIB_STORE_INGEST_LOCK_H_
#define NOTESTORE_LIB_STORE_INGEST_LOCK_H_

#include <string>

namespace notestore::store {

// Holds an exclusive flock(2) on "<database>-ingest.lock" for its lifetime. The kernel
// drops the lock when the process dies, so a killed ingest never leaves it stale. The
// file itself stays (deleting a lock file races with the next taker).
class IngestLock {
 public:
  // Throws notestore::Error kBusy when another ingest (in any process, or another Store
  // in this one) holds the lock, kIo when the lock file cannot be created. An in-memory
  // database (":memory:" or "") needs no lock.
  explicit IngestLock(const std::string& database_path);
  ~IngestLock();
  IngestLock(const IngestLock&) = delete;
  IngestLock& operator=(const IngestLock&) = delete;

  static std::string LockPathFor(const std::string& database_path);

 private:
  int fd_ = -1;
};

}  // namespace notestore::store

#endif  // NOTESTORE_LIB_STORE_INGEST_LOCK_H_
