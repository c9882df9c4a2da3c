#include "query/fts_rank.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

#include "notestore/error.h"
#include "store/fts5_api.h"

namespace notestore::query {
namespace {

// BM25's constants, as FTS5's bm25() has them.
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// What a query needs once, kept with the query by xSetAuxdata.
struct QueryStats {
  std::vector<double> idf;   // Per phrase.
  std::vector<double> freq;  // Per phrase, for the row being scored.
  double average_tokens = 1;
};

struct CountState {
  int64_t count = 0;
  int64_t last_rowid = 0;
};

int CountRow(const Fts5ExtensionApi* api, Fts5Context* fts, void* user) {
  auto* state = static_cast<CountState*>(user);
  state->last_rowid = api->xRowid(fts);
  return ++state->count >= kIdfSampleRows ? SQLITE_DONE : SQLITE_OK;
}

// Rows matching phrase `i`: counted up to kIdfSampleRows, then extrapolated over the row
// id range from how far the sample reached.
int PhraseRows(const Fts5ExtensionApi* api, Fts5Context* fts, int i, int64_t low, int64_t high,
               int64_t rows, double* out) {
  CountState state;
  const int rc = api->xQueryPhrase(fts, i, &state, CountRow);
  if (rc != SQLITE_OK) return rc;
  double n = static_cast<double>(state.count);
  if (state.count >= kIdfSampleRows && state.last_rowid > low && high > low) {
    n *= static_cast<double>(high - low) / static_cast<double>(state.last_rowid - low);
  }
  *out = std::min(n, static_cast<double>(rows));
  return SQLITE_OK;
}

int ComputeStats(const Fts5ExtensionApi* api, Fts5Context* fts, int64_t low, int64_t high,
                 RankState* state, QueryStats* stats) {
  sqlite3_int64 rows = 0;
  sqlite3_int64 tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) return rc;
  if (rows > 0) stats->average_tokens = static_cast<double>(tokens) / static_cast<double>(rows);
  const int phrases = api->xPhraseCount(fts);
  stats->idf.assign(static_cast<size_t>(phrases), 0);
  stats->freq.assign(static_cast<size_t>(phrases), 0);
  if (state != nullptr && phrases == 1) {
    state->idf_deferred = true;
    state->rows = rows;
    stats->idf[0] = 1;
    return SQLITE_OK;
  }
  for (int i = 0; i < phrases; ++i) {
    double hits = 0;
    rc = PhraseRows(api, fts, i, low, high, rows, &hits);
    if (rc != SQLITE_OK) return rc;
    stats->idf[static_cast<size_t>(i)] = Bm25Idf(rows, hits);
  }
  return SQLITE_OK;
}

void DeleteStats(void* p) { delete static_cast<QueryStats*>(p); }

void Rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc,
          sqlite3_value** argv) {
  if (argc < 3) {
    sqlite3_result_error(
        ctx, "notestore_rank: expected (search, low_rowid, high_rowid, state, ...)", -1);
    return;
  }
  auto* stats = static_cast<QueryStats*>(api->xGetAuxdata(fts, 0));
  int rc = SQLITE_OK;
  if (stats == nullptr) {
    auto fresh = std::make_unique<QueryStats>();
    rc = ComputeStats(api, fts, sqlite3_value_int64(argv[0]), sqlite3_value_int64(argv[1]),
                      static_cast<RankState*>(sqlite3_value_pointer(argv[2], kRankStateType)),
                      fresh.get());
    if (rc == SQLITE_OK) {
      stats = fresh.get();
      rc = api->xSetAuxdata(fts, fresh.release(), DeleteStats);  // Deletes it on failure.
    }
  }
  int instances = 0;
  if (rc == SQLITE_OK) rc = api->xInstCount(fts, &instances);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  std::fill(stats->freq.begin(), stats->freq.end(), 0.0);
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    const double weight = column + 3 < argc ? sqlite3_value_double(argv[column + 3]) : 1.0;
    if (rc == SQLITE_OK) stats->freq[static_cast<size_t>(phrase)] += weight;
  }
  int tokens = 0;
  if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  const double length_norm = kK1 * (1 - kB + kB * tokens / stats->average_tokens);
  double score = 0;
  for (size_t i = 0; i < stats->idf.size(); ++i) {
    const double f = stats->freq[i];
    score += stats->idf[i] * (f * (kK1 + 1)) / (f + length_norm);
  }
  sqlite3_result_double(ctx, -score);
}

}  // namespace

double Bm25Idf(int64_t rows, double matches) {
  const double idf = std::log((static_cast<double>(rows) - matches + 0.5) / (matches + 0.5));
  return idf > 0 ? idf : 1e-6;
}

double EstimatedMatches(int64_t walked, bool complete, int64_t oldest, int64_t low, int64_t high) {
  double n = static_cast<double>(walked);
  if (!complete && walked > 0 && high > oldest && high > low) {
    n *= static_cast<double>(high - low) / static_cast<double>(high - oldest);
  }
  return n;
}

void RegisterRankFunction(SQLite::Database& db) {
  fts5_api* fts5 = store::Fts5Api(db);
  if (fts5->xCreateFunction(fts5, "notestore_rank", nullptr, Rank, nullptr) != SQLITE_OK) {
    throw Error(ErrorCode::kInternal, "could not register notestore_rank()");
  }
}

}  // namespace notestore::query
