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
//   notestore_rank(search, low_rowid, high_rowid, state, weight_of_column_0, ...)
//
// `state` is NULL or a RankState bound with sqlite3_bind_pointer(..., kRankStateType,
// ...). Given one, a query of a single phrase is not sampled at all: its IDF only scales
// every score alike, so the function scores with an IDF of 1, says so in the state, and
// the caller scales the scores once it knows the count (Bm25Idf), which the walk
// it is making anyway tells it. (Sampling a phrase costs a position check per row; for a
// prefix, merging the lists of every word it starts once more.)
//
// Scores are negative, better ones lower, as bm25()'s are. Columns without a weight get 1.0.
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>

namespace notestore::query {

// Matches counted exactly before a phrase's count is estimated.
constexpr int kIdfSampleRows = 256;

// The pointer type of notestore_rank()'s state argument.
constexpr const char* kRankStateType = "notestore_rank_state";

struct RankState {
  bool idf_deferred = false;  // Scores were computed with an IDF of 1.
  int64_t rows = 0;           // Rows in the table.
};

// The IDF of a phrase that matches `matches` of `rows` rows, as bm25() computes it.
double Bm25Idf(int64_t rows, double matches);

// The matches of a walk of `walked` rows, newest first, that stopped at row id `oldest`:
// exact when the walk saw every match (`complete`), else extrapolated over [low, high]
// from how far down it reached.
double EstimatedMatches(int64_t walked, bool complete, int64_t oldest, int64_t low, int64_t high);

// Registers notestore_rank() with the FTS5 module of `db`. Call once per connection;
// throws notestore::Error (kInternal) when the connection has no FTS5.
void RegisterRankFunction(SQLite::Database& db);

}  // namespace notestore::query
