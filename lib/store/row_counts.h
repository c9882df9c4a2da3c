// Stage 5, store: the rows of each table that an ingest reports (IngestReport::table_rows),
// kept in meta ("row_counts") so that no run need count them again (fourteen index
// walks, about a third of a second at 100,000 notes): one that changes nothing reports
// them, one that writes brings them up to date (store/row_count_tracker.h).
//
// Only ingests write the counted tables. Each forgets the stored counts in its first
// transaction and stores them again at its end, so one that dies after committing some
// batches leaves none to be trusted; a schema upgrade forgets them too. Without the
// tracker (a SQLite without the pre-update hook) every ingest counts.
#ifndef NOTESTORE_LIB_STORE_ROW_COUNTS_H_
#define NOTESTORE_LIB_STORE_ROW_COUNTS_H_

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace notestore::store {

struct RowCounts {
  std::map<std::string, int64_t> tables;       // Table name -> rows.
  std::map<std::string, int64_t> diagnostics;  // "error", "warning", "info" -> how many.
};

// The tables counted, in report order.
const std::vector<std::string>& CountedTables();

// Counts the rows of every reported table and the diagnostics by severity.
RowCounts CountRows(SQLite::Database& db);

// The counts last stored; nullopt when none are stored, or they were forgotten.
std::optional<RowCounts> StoredRowCounts(SQLite::Database& db);

// Stores `counts` for StoredRowCounts. Call with the counts of what is committed.
void StoreRowCounts(SQLite::Database& db, const RowCounts& counts);

// Forgets the stored counts. Call in an ingest's first transaction.
void ForgetRowCounts(SQLite::Database& db);

}  // namespace notestore::store

#endif  // NOTESTORE_LIB_STORE_ROW_COUNTS_H_
