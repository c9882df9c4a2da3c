// Stage 5, store: a first ingest into an empty store builds most secondary indexes once,
// at the end, instead of row by row: sorting a table's keys once is cheaper than
// inserting them one at a time into an index that no longer fits the page cache.
#ifndef NOTESTORE_LIB_STORE_BULK_INDEXES_H_
#define NOTESTORE_LIB_STORE_BULK_INDEXES_H_

#include <SQLiteCpp/Database.h>

namespace notestore::store {

// Drops the secondary indexes that writing notes does not read, and records their
// definitions in meta.dropped_indexes, in the caller's transaction: if the process dies
// before RestoreIndexes, the next writer restores them. Nothing when none exist.
void DropIndexesForBulkLoad(SQLite::Database& db);

// Creates again the indexes DropIndexesForBulkLoad dropped, if any (in the caller's
// transaction). Safe to call at any time. Returns how many it built.
int RestoreIndexes(SQLite::Database& db);

// The same, but for the indexes of the columns that the vault-wide pass sets on every row
// after a first ingest (tasks.owner_id and the like): those are left for RestoreIndexes
// once the pass has set them, as setting a column a million times costs more with its
// index to keep up.
int RestoreIndexesButReferences(SQLite::Database& db);

}  // namespace notestore::store

#endif  // NOTESTORE_LIB_STORE_BULK_INDEXES_H_
