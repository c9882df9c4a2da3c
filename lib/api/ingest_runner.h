// One ingest of a vault into an open database: scan, decode, parse, extract and store
// each changed note in batched transactions, then resolve the vault-wide references.
#ifndef NOTESTORE_LIB_API_INGEST_RUNNER_H_
#define NOTESTORE_LIB_API_INGEST_RUNNER_H_

#include <SQLiteCpp/Database.h>

#include <string>

#include "notestore/ingest.h"

namespace notestore::api {

// Throws notestore::Error for a missing vault, bad options or a database failure.
IngestReport RunIngest(SQLite::Database& db, const std::string& vault_dir,
                       const IngestOptions& options);

}  // namespace notestore::api

#endif  // NOTESTORE_LIB_API_INGEST_RUNNER_H_
