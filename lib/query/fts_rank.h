// notestore_rank(): BM25 for the search index at a cost that does not grow with the vault.
//
// FTS5's own bm25() counts, once per query, every row that matches each phrase, to weigh
// rare phrases above common ones. On 100,000 notes that count walks hundreds of thousands
// of rows for a common word and costs more than ranking the newest max_ranked hits. This
// function scores exactly as bm25() does (k1 = 1.2, b = 0.75, the same IDF), except that a
// phrase's row count is estimated when it is large: the phrase's first kIdfSampleRows
// matches, in row id order, and how far into the row id range [low, high] they reach. A
// phrase with fewer matches is counted exactly.
//
//   notestore_rank(search, low_rowid, high_rowid, weight_of_column_0, weight_of_column_1, ...)
//
// Scores are negative, better ones lower, as bm25()'s are. Columns without a weight get 1.0.
#pragma once

#include <SQLiteCpp/Database.h>

namespace notestore::query {

// Matches counted exactly before a phrase's count is estimated.
constexpr int kIdfSampleRows = 256;

// Registers notestore_rank() with the FTS5 module of `db`. Call once per connection;
// throws notestore::Error (kInternal) when the connection has no FTS5.
void RegisterRankFunction(SQLite::Database& db);

}  // namespace notestore::query
