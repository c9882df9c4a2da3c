// Store::search: FTS5 with BM25 ranking over notes, tasks and decisions.
//
// Two passes: the first ranks the matches (at most max_ranked, the newest) on their
// BM25 score alone, the second computes snippets and looks up titles and lines for the
// page of hits only (dear: snippet() re-reads the text).
#include "api/store_impl.h"
#include "notestore/error.h"
#include "query/fts_query.h"
#include "query/guard.h"
#include "query/name_lookup.h"
#include "query/record_readers.h"
#include "query/sql_query.h"

namespace notestore {
namespace {

struct Ranked {
  int64_t rowid = 0;
  SearchHit hit;
};

std::string FromSearch(bool join_notes) {
  return std::string(" FROM search s") +
         (join_notes ? " JOIN notes n ON n.id = (s.rowid >> 24)" : "");
}

// The ranking pass. A hit's note and kind come from its row id (store/search_rowid.h),
// so ranking reads nothing but the index. `filters` adds "AND ..." conditions on s
// (search) and n (notes).
std::string RankSql(const std::string& filters, bool join_notes, bool group_by_note) {
  const std::string matches =
      "SELECT s.rowid AS rid, (s.rowid >> 22) & 3 AS kind, s.rowid >> 24 AS note_id, "
      "bm25(search, ?, 1.0) AS score" +
      FromSearch(join_notes) + " WHERE search MATCH ?" + filters;
  if (!group_by_note) return "SELECT rid, kind, note_id, score FROM (" + matches + ")";
  return "SELECT rid, kind, note_id, score FROM (SELECT *, min(score) OVER "
         "(PARTITION BY note_id) AS group_score FROM (" +
         matches + "))";
}

SearchKind KindOfCode(int64_t code) {
  return code == 1 ? SearchKind::kTask : code == 2 ? SearchKind::kDecision : SearchKind::kNote;
}

std::vector<Ranked> Rank(SQLite::Database& db, const std::string& match,
                         const SearchOptions& options) {
  std::vector<query::SqlValue> values = {options.title_weight, match};
  std::string filters;
  if (!options.kinds.empty()) {
    filters += " AND ((s.rowid >> 22) & 3) IN (";
    for (size_t i = 0; i < options.kinds.size(); ++i) {
      filters += i ? ",?" : "?";
      values.emplace_back(static_cast<int64_t>(options.kinds[i] == SearchKind::kTask       ? 1
                                               : options.kinds[i] == SearchKind::kDecision ? 2
                                                                                           : 0));
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
  const bool join_notes = options.from || options.to || !options.account.empty();
  // More than max_ranked matches: rank the newest. FTS5 walks its index in row id order
  // and stops after max_ranked rows, so finding the cut costs no more than the ranking.
  if (options.max_ranked > 0) {
    query::SqlQuery cut("SELECT s.rowid" + FromSearch(join_notes));
    cut.Where("search MATCH ?" + filters, {values.begin() + 1, values.end()})
        .OrderBy("s.rowid DESC")
        .Page(1, options.max_ranked);
    const std::vector<int64_t> newest_unranked = query::Load<int64_t>(
        db, cut, [](SQLite::Statement& r) { return r.getColumn(0).getInt64(); });
    if (!newest_unranked.empty()) {
      filters += " AND s.rowid > ?";
      values.emplace_back(newest_unranked.front());
    }
  }
  if (!options.include_duplicates) {
    // A repeat is left out when what it repeats matches too: a match is never lost, and
    // one thing said twice is shown once. Only hits that are repeats look up their
    // original, by row id (an FTS5 seek), rather than matching the query again over the
    // whole index.
    filters +=
        " AND (s.rowid NOT IN (SELECT search_rowid FROM duplicates) OR NOT EXISTS (SELECT 1 "
        "FROM search WHERE search MATCH ? AND rowid = (SELECT canonical_search_rowid FROM "
        "duplicates WHERE search_rowid = s.rowid)))";
    values.emplace_back(match);
  }
  query::SqlQuery sql(RankSql(filters, join_notes, options.group_by_note));
  sql.Where("1", std::move(values));
  sql.OrderBy(options.group_by_note ? "group_score, note_id, kind != 0, score, rid" : "score, rid")
      .Page(options.limit, options.offset);
  return query::Load<Ranked>(db, sql, [](SQLite::Statement& r) {
    Ranked x;
    x.rowid = r.getColumn(0).getInt64();
    x.hit.kind = KindOfCode(r.getColumn(1).getInt64());
    x.hit.note_id = r.getColumn(2).getInt64();
    x.hit.score = r.getColumn(3).getDouble();
    return x;
  });
}

// The second pass: snippet, title, path, date and line of each ranked hit.
void Describe(SQLite::Database& db, const std::string& match, const SearchOptions& options,
              std::vector<Ranked>* hits) {
  SQLite::Statement snippet(db,
                            "SELECT snippet(search, -1, ?, ?, '…', 16), title, ref_id "
                            "FROM search WHERE search MATCH ? AND rowid = ?");
  SQLite::Statement note(db, "SELECT path, title, date FROM notes WHERE id = ?");
  SQLite::Statement task_line(db, "SELECT line FROM tasks WHERE id = ?");
  SQLite::Statement decision_line(db, "SELECT line FROM decisions WHERE id = ?");
  for (Ranked& r : *hits) {
    SearchHit& h = r.hit;
    snippet.bind(1, options.highlight_open);
    snippet.bind(2, options.highlight_close);
    snippet.bind(3, match);
    snippet.bind(4, r.rowid);
    if (snippet.executeStep()) {
      h.snippet = snippet.getColumn(0).getString();
      h.title = snippet.getColumn(1).getString();
      h.id = snippet.getColumn(2).getInt64();
    }
    snippet.reset();
    note.bind(1, h.note_id);
    if (note.executeStep()) {
      h.path = note.getColumn(0).getString();
      if (h.kind == SearchKind::kNote) h.title = note.getColumn(1).getString();  // No aliases.
      if (!note.getColumn(2).isNull()) h.date = Date::Parse(note.getColumn(2).getString());
    }
    note.reset();
    SQLite::Statement* line = h.kind == SearchKind::kTask       ? &task_line
                              : h.kind == SearchKind::kDecision ? &decision_line
                                                                : nullptr;
    if (line) {
      line->bind(1, h.id);
      if (line->executeStep()) h.line = line->getColumn(0).getInt();
      line->reset();
    }
  }
}

}  // namespace

std::vector<SearchHit> Store::search(const std::string& text, const SearchOptions& options) const {
  SQLite::Database& db = *impl_->db;
  const std::string match = options.raw ? text : query::BuildFtsQuery(text);
  if (options.limit < 0 || options.offset < 0 || options.max_ranked < 0) {
    throw Error(ErrorCode::kInvalidArgument,
                "search limit, offset and max_ranked must not be negative");
  }
  return query::Guard("search failed", [&] {
    std::vector<Ranked> ranked;
    try {
      ranked = Rank(db, match, options);
    } catch (const SQLite::Exception& e) {
      // Only a raw query can be malformed by now; say so plainly.
      const std::string what = e.what();
      if (what.find("fts5") != std::string::npos ||
          what.find("no such column") != std::string::npos) {
        throw Error(ErrorCode::kQuery, "malformed search query '" + text + "': " + what);
      }
      throw;
    }
    Describe(db, match, options, &ranked);
    std::vector<SearchHit> hits;
    hits.reserve(ranked.size());
    for (Ranked& r : ranked) hits.push_back(std::move(r.hit));
    return hits;
  });
}

}  // namespace notestore
