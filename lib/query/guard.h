// Runs a query body, turning SQLite exceptions into notestore::Error so no SQLite type
// leaves a public method.
#ifndef NOTESTORE_LIB_QUERY_GUARD_H_
#define NOTESTORE_LIB_QUERY_GUARD_H_

#include <SQLiteCpp/Exception.h>

#include <string>

#include "store/sqlite_errors.h"

namespace notestore::query {

template <typename F>
auto Guard(const std::string& what, F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SQLite::Exception& e) {
    store::RethrowSqlite(e, what);
  }
}

}  // namespace notestore::query

#endif  // NOTESTORE_LIB_QUERY_GUARD_H_
