// The ingest_runs table: a row per ingest, begun before any note is written and completed
// in the ingest's last transaction, so the store says which ingest it reflects and
// whether one died on the way.
#ifndef NOTESTORE_LIB_STORE_INGEST_LOG_H_
#define NOTESTORE_LIB_STORE_INGEST_LOG_H_

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <string>

#include "notestore/ingest.h"

namespace notestore::store {

// Marks rows left 'running' by an ingest that died as 'interrupted' (the caller holds the
// ingest lock, so none is alive) and adds a 'running' row for this one, in its own
// transaction. Returns the new row's id.
int64_t BeginIngestRun(SQLite::Database& db, const std::string& vault);

// Completes the row with the report's counts. Call inside the ingest's last transaction.
void FinishIngestRun(SQLite::Database& db, int64_t run, const IngestReport& report);

// Marks the row 'failed' with `error`, after the failed transaction rolled back. Never
// throws: the database itself may be what failed.
void FailIngestRun(SQLite::Database& db, int64_t run, const std::string& error) noexcept;

}  // namespace notestore::store

#endif  // NOTESTORE_LIB_STORE_INGEST_LOG_H_
