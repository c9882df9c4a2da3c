// Store::search: FTS5 with BM25 ranking over notes, tasks and decisions.
#include "api/store_impl.h"
#include "notestore/error.h"
#include "query/fts_query.h"
#include "query/guard.h"
#include "query/name_lookup.h"
#include "query/record_readers.h"
#include "query/sql_query.h"

namespace notestore {
namespace {

// The matching rows with their score, and their note group's best score. snippet() with
// column -1 picks whichever column matched best. `filters` adds "AND ..." conditions.
std::string HitsSql(const std::string& filters) {
  return "SELECT kind, ref_id, note_id, path, title, snip, score, date, line FROM ("
         "SELECT *, min(score) OVER (PARTITION BY note_id) AS group_score FROM ("
         "SELECT s.kind AS kind, s.ref_id AS ref_id, s.note_id AS note_id, n.path AS path, "
         "CASE s.kind WHEN 'note' THEN n.title ELSE s.title END AS title, "
         "snippet(search, -1, ?, ?, '…', 16) AS snip, bm25(search, ?, 1.0) AS score, "
         "n.date AS date, "
         "CASE s.kind WHEN 'task' THEN (SELECT line FROM tasks WHERE id = s.ref_id) "
         "WHEN 'decision' THEN (SELECT line FROM decisions WHERE id = s.ref_id) ELSE 0 END "
         "AS line, s.rowid AS rid "
         "FROM search s JOIN notes n ON n.id = s.note_id WHERE search MATCH ?" +
         filters + "))";
}

SearchHit ReadHit(SQLite::Statement& r) {
  SearchHit h;
  h.kind = ParseSearchKind(r.getColumn(0).getString()).value_or(SearchKind::kNote);
  h.id = r.getColumn(1).getInt64();
  h.note_id = r.getColumn(2).getInt64();
  h.path = r.getColumn(3).getString();
  h.title = r.getColumn(4).getString();
  h.snippet = r.getColumn(5).getString();
  h.score = r.getColumn(6).getDouble();
  if (!r.getColumn(7).isNull()) h.date = Date::Parse(r.getColumn(7).getString());
  h.line = r.getColumn(8).getInt();
  return h;
}

}  // namespace

std::vector<SearchHit> Store::search(const std::string& text, const SearchOptions& options) const {
  SQLite::Database& db = *impl_->db;
  const std::string match = options.raw ? text : query::BuildFtsQuery(text);
  if (options.limit < 0 || options.offset < 0) {
    throw Error(ErrorCode::kInvalidArgument, "search limit and offset must not be negative");
  }
  return query::Guard("search failed", [&] {
    // Parameters in statement order: snippet marks, title weight, the match, filters.
    std::vector<query::SqlValue> values = {options.highlight_open, options.highlight_close,
                                           options.title_weight, match};
    std::string filters;
    if (!options.kinds.empty()) {
      filters += " AND s.kind IN (";
      for (size_t i = 0; i < options.kinds.size(); ++i) {
        filters += i ? ",?" : "?";
        values.emplace_back(std::string(SearchKindName(options.kinds[i])));
      }
      filters += ")";
    }
    if (options.from) {
      filters += " AND n.date >= ?";
      values.emplace_back(options.from->ToString());
    }
    if (options.to) {
      filters += " AND n.date <= ?";
      values.emplace_back(options.to->ToString());
    }
    if (!options.account.empty()) {
      filters += " AND n.account_id = ?";
      values.emplace_back(query::FindAccountId(db, options.account));
    }
    query::SqlQuery sql(HitsSql(filters));
    sql.Where("1", std::move(values));
    sql.OrderBy(options.group_by_note ? "group_score, note_id, kind != 'note', score, rid"
                                      : "score, rid")
        .Page(options.limit, options.offset);
    try {
      return query::Load<SearchHit>(db, sql, ReadHit);
    } catch (const SQLite::Exception& e) {
      // Only a raw query can be malformed by now; say so plainly.
      const std::string what = e.what();
      if (what.find("fts5") != std::string::npos ||
          what.find("no such column") != std::string::npos) {
        throw Error(ErrorCode::kQuery, "malformed search query '" + text + "': " + what);
      }
      throw;
    }
  });
}

}  // namespace notestore
