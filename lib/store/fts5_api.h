// The FTS5 module's API of one connection, for registering functions and using tokenizers.
#pragma once

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

namespace notestore::store {

// The connection's fts5_api (version 2 or later). Throws notestore::Error (kInternal) when
// the connection has no usable FTS5. The pointer lives as long as the connection.
fts5_api* Fts5Api(SQLite::Database& db);

}  // namespace notestore::store
