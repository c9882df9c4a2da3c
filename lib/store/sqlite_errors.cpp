#include "store/sqlite_errors.h"

#include <sqlite3.h>

#include "notestore/error.h"

namespace notestore::store {

void RethrowSqlite(const SQLite::Exception& e, const std::string& context) {
  ErrorCode code = ErrorCode::kInternal;
  switch (e.getErrorCode() & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = ErrorCode::kBusy;
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      code = ErrorCode::kCorrupt;
      break;
    case SQLITE_READONLY:
      code = ErrorCode::kReadOnly;
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      code = ErrorCode::kIo;
      break;
    default:
      break;
  }
  throw Error(code, context + ": " + e.what());
}

}  // namespace notestore::store
