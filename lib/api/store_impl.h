// The inside of notestore::Store, shared by the modules that implement its methods
// (api/store.cpp for opening and ingest, query/ for reading).
#ifndef NOTESTORE_LIB_API_STORE_IMPL_H_
#define NOTESTORE_LIB_API_STORE_IMPL_H_

#include <SQLiteCpp/Database.h>

#include <memory>
#include <string>

#include "notestore/store.h"
#include "query/statement_cache.h"
#include "store/wal_checkpointer.h"

namespace notestore {

struct Store::Impl {
  std::string path;
  OpenOptions options;
  std::unique_ptr<SQLite::Database> db;
  // Statements of db kept for reuse; declared after it, so destroyed before it.
  std::unique_ptr<query::StatementCache> statements;
  std::string open_message;  // Set when open() upgraded the schema.
  // Copies db's log back into the file on a thread of its own from the first ingest on,
  // and after the last (an ingest returns without waiting for it). Declared after db,
  // so stopped before it closes.
  std::unique_ptr<store::WalCheckpointer> checkpointer;
};

}  // namespace notestore

#endif  // NOTESTORE_LIB_API_STORE_IMPL_H_
