// Translating SQLiteCpp exceptions into notestore::Error, so that no SQLite type
// crosses the public API.
#ifndef NOTESTORE_LIB_STORE_SQLITE_ERRORS_H_
#define NOTESTORE_LIB_STORE_SQLITE_ERRORS_H_

#include <SQLiteCpp/Exception.h>

#include <string>

namespace notestore::store {

// Throws the notestore::Error matching `e`'s SQLite result code, with `context` first
// ("cannot open vault.db: database is locked").
[[noreturn]] void RethrowSqlite(const SQLite::Exception& e, const std::string& context);

}  // namespace notestore::store

#endif  // NOTESTORE_LIB_STORE_SQLITE_ERRORS_H_
