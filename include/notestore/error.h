// notestore reports every failure by throwing notestore::Error (or a subclass of
// std::exception that the standard library throws, such as std::bad_alloc).
// No function in the public API returns an error code or throws a third-party type:
// SQLite, yaml-cpp and cmark-gfm failures are translated to Error at the boundary.
//
// Problems inside a note (bad YAML, an invalid date) are not errors: they are
// recorded as diagnostics in the store and ingestion goes on.
#ifndef NOTESTORE_ERROR_H_
#define NOTESTORE_ERROR_H_

#include <stdexcept>
#include <string>

namespace notestore {

// What kind of failure an Error reports. Stable: bindings map each value to an
// exception class (see bindings/python).
enum class ErrorCode {
  kInvalidArgument,  // A bad option, path, date or name passed by the caller.
  kNotFound,         // The database, vault or a named entity does not exist.
  kIo,               // The file system failed (permissions, disk full, ...).
  kSchemaMismatch,   // The database was written by an incompatible notestore.
  kReadOnly,         // A write was attempted on a store opened read-only.
  kBusy,             // Another process holds a lock for longer than the timeout.
  kCorrupt,          // The database file is damaged or not a notestore database.
  kQuery,            // A malformed query (search syntax, query language).
  kInternal,         // A bug in notestore; please report it.
};

// Returns a short lowercase name for `code`, e.g. "schema_mismatch".
const char* ErrorCodeName(ErrorCode code) noexcept;

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message);

  ErrorCode code() const noexcept { return code_; }

 private:
  ErrorCode code_;
};

}  // namespace notestore

#endif  // NOTESTORE_ERROR_H_
