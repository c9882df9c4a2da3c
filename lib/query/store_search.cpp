// Store::search: FTS5 with BM25 ranking over notes, tasks and decisions.
#include "api/store_impl.h"
#include "notestore/error.h"
#include "query/fts_query.h"
#include "query/guard.h"
#include "query/name_lookup.h"
#include "query/sql_query.h"

namespace notestore {

std::vector<SearchHit> Store::search(const std::string& text, const SearchOptions& options) const {
  SQLite::Database& db = *impl_->db;
  const std::string match = options.raw ? text : query::BuildFtsQuery(text);
  if (options.limit < 0 || options.offset < 0) {
    throw Error(ErrorCode::kInvalidArgument, "search limit and offset must not be negative");
  }
  return query::Guard("search failed", [&] {
    // snippet() with column -1 picks whichever column matched best.
    query::SqlQuery sql(
        "SELECT s.kind, s.ref_id, s.note_id, n.path, "
        "CASE s.kind WHEN 'note' THEN n.title ELSE s.title END, "
        "snippet(search, -1, ?, ?, '…', 16), bm25(search, ?, 1.0) * "
        "CASE s.kind WHEN 'task' THEN ? WHEN 'decision' THEN ? ELSE 1.0 END AS score, n.date, "
        "CASE s.kind WHEN 'task' THEN (SELECT line FROM tasks WHERE id = s.ref_id) "
        "WHEN 'decision' THEN (SELECT line FROM decisions WHERE id = s.ref_id) ELSE 0 END "
        "FROM search s JOIN notes n ON n.id = s.note_id");
    // The snippet and weight parameters come first in the statement, so they are the
    // first values bound.
    sql.Where("search MATCH ?",
              {options.highlight_open, options.highlight_close, options.title_weight,
               options.task_weight, options.decision_weight, match});
    if (!options.kinds.empty()) {
      std::string in;
      std::vector<query::SqlValue> names;
      for (SearchKind k : options.kinds) {
        in += in.empty() ? "?" : ",?";
        names.emplace_back(std::string(SearchKindName(k)));
      }
      sql.Where("s.kind IN (" + in + ")", std::move(names));
    }
    if (options.from) sql.Where("n.date >= ?", {options.from->ToString()});
    if (options.to) sql.Where("n.date <= ?", {options.to->ToString()});
    if (!options.account.empty()) {
      sql.Where("n.account_id = ?", {query::FindAccountId(db, options.account)});
    }
    sql.OrderBy("score, s.rowid").Page(options.limit, options.offset);
    SQLite::Statement statement(db, sql.Sql());
    sql.Bind(statement);
    std::vector<SearchHit> hits;
    try {
      while (statement.executeStep()) {
        SearchHit h;
        h.kind = ParseSearchKind(statement.getColumn(0).getString()).value_or(SearchKind::kNote);
        h.id = statement.getColumn(1).getInt64();
        h.note_id = statement.getColumn(2).getInt64();
        h.path = statement.getColumn(3).getString();
        h.title = statement.getColumn(4).getString();
        h.snippet = statement.getColumn(5).getString();
        h.score = statement.getColumn(6).getDouble();
        if (!statement.getColumn(7).isNull())
          h.date = Date::Parse(statement.getColumn(7).getString());
        h.line = statement.getColumn(8).getInt();
        hits.push_back(std::move(h));
      }
    } catch (const SQLite::Exception& e) {
      // Only a raw query can be malformed by now; say so plainly.
      const std::string what = e.what();
      if (what.find("fts5") != std::string::npos ||
          what.find("no such column") != std::string::npos) {
        throw Error(ErrorCode::kQuery, "malformed search query '" + text + "': " + what);
      }
      throw;
    }
    return hits;
  });
}

}  // namespace notestore
