#include "store/ingest_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

#include "notestore/error.h"

namespace notestore::store {

std::string IngestLock::LockPathFor(const std::string& database_path) {
  // One lock per database file, however it is named (a relative path, a symlink).
  char resolved[PATH_MAX];
  const std::string base =
      realpath(database_path.c_str(), resolved) != nullptr ? resolved : database_path;
  return base + "-ingest.lock";
}

IngestLock::IngestLock(const std::string& database_path) {
  if (database_path.empty() || database_path == ":memory:") return;
  const std::string lock_path = LockPathFor(database_path);
  // 0644 before the umask, as SQLite creates the database itself.
  fd_ = open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    throw Error(ErrorCode::kIo,
                "cannot create lock file " + lock_path + ": " + std::strerror(errno));
  }
  int rc;
  do {
    rc = flock(fd_, LOCK_EX | LOCK_NB);
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) {
    const int saved = errno;
    close(fd_);
    fd_ = -1;
    if (saved == EWOULDBLOCK) {
      throw Error(ErrorCode::kBusy, "another ingest into " + database_path +
                                        " is running (it holds " + lock_path +
                                        "); wait for it to finish and try again");
    }
    throw Error(ErrorCode::kIo, "cannot lock " + lock_path + ": " + std::strerror(saved));
  }
}

IngestLock::~IngestLock() {
  if (fd_ >= 0) close(fd_);  // Closing drops the flock.
}

}  // namespace notestore::store
