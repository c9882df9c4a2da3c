// Store::search: FTS5 with BM25 ranking (query/fts_rank.h) over notes, tasks and decisions.
//
// One walk of the index scores the matches (at most max_ranked, the newest) on their BM25
// score alone and keeps where each matched (query/fts_snippet.h); they are ranked here, and
// only the page of hits gets its snippet, title and line, from its row read by row id.
#include <sqlite3.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "api/store_impl.h"
#include "notestore/error.h"
#include "query/fts_query.h"
#include "query/fts_rank.h"
#include "query/fts_snippet.h"
#include "query/guard.h"
#include "query/name_lookup.h"
#include "query/prefix_terms.h"
#include "query/record_readers.h"
#include "query/sql_query.h"
#include "store/search_rowid.h"

namespace notestore {
namespace {

// Up to this max_ranked, the scoring walk keeps each match's instances for its snippet (a
// few hundred bytes a row); beyond it (or when every match is ranked) the page's snippets
// come from a second walk of the matches, as snippet() computes them.
constexpr int kMaxRankedWithInstances = 10000;

bool KeepsInstances(const SearchOptions& options) {
  return options.max_ranked > 0 && options.max_ranked <= kMaxRankedWithInstances;
}

struct Ranked {
  int64_t rowid = 0;
  std::string instances;  // notestore_instances()'s blob, when kept.
  SearchHit hit;
};

struct Candidate {
  int64_t rowid = 0;
  double score = 0;
  double group_score = 0;  // The best score among its note's hits.
  std::string instances;
};

int64_t NoteOfRowid(int64_t rowid) { return rowid >> store::kSearchNoteShift; }
int64_t KindOfRowid(int64_t rowid) { return (rowid >> store::kSearchKindShift) & 3; }

SearchKind KindOfCode(int64_t code) {
  return code == 1 ? SearchKind::kTask : code == 2 ? SearchKind::kDecision : SearchKind::kNote;
}

// "AND ..." conditions on s (search) and n (notes) for the options' filters, their values
// appended to `values`. Sets *join_notes when a condition needs n.
std::string Filters(SQLite::Database& db, const SearchOptions& options,
                    std::vector<query::SqlValue>* values, bool* join_notes) {
  std::string filters;
  if (!options.kinds.empty()) {
    filters += " AND ((s.rowid >> 22) & 3) IN (";
    for (size_t i = 0; i < options.kinds.size(); ++i) {
      filters += i ? ",?" : "?";
      values->emplace_back(static_cast<int64_t>(options.kinds[i] == SearchKind::kTask       ? 1
                                                : options.kinds[i] == SearchKind::kDecision ? 2
                                                                                            : 0));
    }
    filters += ")";
  }
  if (options.from) {
    filters += " AND n.date >= ?";
    values->emplace_back(options.from->ToString());
  }
  if (options.to) {
    filters += " AND n.date <= ?";
    values->emplace_back(options.to->ToString());
  }
  if (!options.account.empty()) {
    filters += " AND n.account_id = ?";
    values->emplace_back(query::FindAccountId(db, options.account));
  }
  *join_notes = options.from || options.to || !options.account.empty();
  return filters;
}

// Runs the scoring walk `sql`, notestore_rank()'s state (its third parameter) bound to
// `state` (none when null). SQLiteCpp cannot bind a pointer: the statement is SQLite's own.
std::vector<Candidate> Walk(SQLite::Database& db, const query::SqlQuery& sql, bool keep,
                            query::RankState* state) {
  sqlite3* handle = db.getHandle();
  const std::string text = sql.Sql();
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(handle, text.c_str(), static_cast<int>(text.size()), &raw, nullptr);
  const std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> walk(raw, sqlite3_finalize);
  if (rc == SQLITE_OK) rc = sql.Bind(raw);
  if (rc == SQLITE_OK && state != nullptr) {
    rc = sqlite3_bind_pointer(raw, 3, state, query::kRankStateType, nullptr);
  }
  std::vector<Candidate> candidates;
  while (rc == SQLITE_OK && (rc = sqlite3_step(raw)) == SQLITE_ROW) {
    Candidate c{sqlite3_column_int64(raw, 0), sqlite3_column_double(raw, 1), 0, {}};
    const void* blob = keep ? sqlite3_column_blob(raw, 2) : nullptr;
    if (blob != nullptr) {
      c.instances.assign(static_cast<const char*>(blob),
                         static_cast<size_t>(sqlite3_column_bytes(raw, 2)));
    }
    candidates.push_back(std::move(c));
    rc = SQLITE_OK;
  }
  if (rc != SQLITE_DONE) throw SQLite::Exception(handle, rc);
  return candidates;
}

// One pass over the matches, newest first, scoring each (at most max_ranked of them).
// A hit's note and kind come from its row id (store/search_rowid.h), so the pass reads
// nothing but the index.
std::vector<Candidate> Score(SQLite::Database& db, const std::string& match,
                             const SearchOptions& options) {
  // The row id range notestore_rank() extrapolates phrase counts over. (One min() and one
  // max() per SELECT: both in one would scan the table.)
  SQLite::Statement range(db, "SELECT (SELECT min(id) FROM notes), (SELECT max(id) FROM notes)");
  range.executeStep();
  const int64_t low = store::SearchRowidFirst(range.getColumn(0).getInt64());
  const int64_t high = store::SearchRowidLast(range.getColumn(1).getInt64());
  // The third parameter is notestore_rank()'s state, bound below.
  std::vector<query::SqlValue> values = {low, high, int64_t{0}, options.title_weight, match};
  bool join_notes = false;
  const std::string filters = Filters(db, options, &values, &join_notes);
  const bool keep = KeepsInstances(options);
  query::SqlQuery sql("SELECT s.rowid, notestore_rank(search, ?, ?, ?, ?, 1.0)" +
                      std::string(keep ? ", notestore_instances(search)" : "") + " FROM search s" +
                      std::string(join_notes ? " JOIN notes n ON n.id = (s.rowid >> 24)" : ""));
  sql.Where("search MATCH ?" + filters, std::move(values));
  // FTS5 walks its index in row id order: the newest max_ranked cost no more than that.
  if (options.max_ranked > 0) sql.OrderBy("s.rowid DESC").Page(options.max_ranked, 0);
  // Without filters the walk's rows are the phrase's matches, newest first, and count
  // them as well as a sample would (query/fts_rank.h); a filtered walk skips some.
  query::RankState state;
  std::vector<Candidate> candidates = Walk(db, sql, keep, filters.empty() ? &state : nullptr);
  if (state.idf_deferred) {
    const bool complete =
        options.max_ranked == 0 || candidates.size() < static_cast<size_t>(options.max_ranked);
    const double matches =
        query::EstimatedMatches(static_cast<int64_t>(candidates.size()), complete,
                                candidates.empty() ? high : candidates.back().rowid, low, high);
    const double idf =
        query::Bm25Idf(state.rows, std::min(matches, static_cast<double>(state.rows)));
    for (Candidate& c : candidates) c.score *= idf;
  }
  return candidates;
}

// "search MATCH ? AND rowid >= ? AND +rowid IN (...)": one walk of the matches from the
// lowest of `rowids` on, keeping those rows. ("+rowid" is not a constraint FTS5 is handed:
// it would set the query up again per value, and for a prefix that means merging the
// lists of every word it starts each time.) Binds the second parameter to *lowest.
std::string WalkTo(const std::vector<int64_t>& rowids, int64_t* lowest) {
  std::string list;  // Integers of our own, safe to put in the SQL.
  *lowest = rowids.empty() ? 0 : rowids.front();
  for (int64_t rowid : rowids) {
    list += (list.empty() ? "" : ",") + std::to_string(rowid);
    *lowest = std::min(*lowest, rowid);
  }
  return "search MATCH ? AND rowid >= ? AND +rowid IN (" + list + ")";
}

// Leaves out the repeats whose original is among the candidates too: one thing said
// twice is shown once, and nothing ranked goes missing. (An original that the filters or
// max_ranked leave out leaves its repeat in, to stand for it.) Repeats are few, so they
// are read by row id range.
void DropRepeats(SQLite::Database& db, std::vector<Candidate>* candidates) {
  if (candidates->empty()) return;
  auto [lowest, highest] =
      std::minmax_element(candidates->begin(), candidates->end(),
                          [](const Candidate& a, const Candidate& b) { return a.rowid < b.rowid; });
  SQLite::Statement repeats(db,
                            "SELECT search_rowid, canonical_search_rowid FROM duplicates "
                            "WHERE search_rowid BETWEEN ? AND ?");
  repeats.bind(1, lowest->rowid);
  repeats.bind(2, highest->rowid);
  std::unordered_map<int64_t, int64_t> original_of;
  while (repeats.executeStep()) {
    original_of.emplace(repeats.getColumn(0).getInt64(), repeats.getColumn(1).getInt64());
  }
  if (original_of.empty()) return;
  std::unordered_set<int64_t> ranked;
  for (const Candidate& c : *candidates) ranked.insert(c.rowid);
  candidates->erase(std::remove_if(candidates->begin(), candidates->end(),
                                   [&](const Candidate& c) {
                                     auto it = original_of.find(c.rowid);
                                     return it != original_of.end() && ranked.count(it->second);
                                   }),
                    candidates->end());
}

// Ranks the matches and returns the page of them that `options` asks for.
std::vector<Ranked> Rank(SQLite::Database& db, const std::string& match,
                         const SearchOptions& options) {
  std::vector<Candidate> candidates = Score(db, match, options);
  if (!options.include_duplicates) DropRepeats(db, &candidates);
  if (options.group_by_note) {
    // Notes by their best hit, each note's own row before its tasks and decisions.
    std::unordered_map<int64_t, double> best;
    for (const Candidate& c : candidates) {
      auto [it, fresh] = best.emplace(NoteOfRowid(c.rowid), c.score);
      if (!fresh && c.score < it->second) it->second = c.score;
    }
    for (Candidate& c : candidates) c.group_score = best[NoteOfRowid(c.rowid)];
  }
  auto order = [&](const Candidate& a, const Candidate& b) {
    if (options.group_by_note) {
      const auto key = [](const Candidate& c) {
        return std::make_tuple(c.group_score, NoteOfRowid(c.rowid), KindOfRowid(c.rowid) != 0);
      };
      if (key(a) != key(b)) return key(a) < key(b);
    }
    return std::tie(a.score, a.rowid) < std::tie(b.score, b.rowid);
  };
  const size_t first = std::min(candidates.size(), static_cast<size_t>(options.offset));
  const size_t last = options.limit > 0
                          ? std::min(candidates.size(), first + static_cast<size_t>(options.limit))
                          : candidates.size();
  std::partial_sort(candidates.begin(), candidates.begin() + static_cast<ptrdiff_t>(last),
                    candidates.end(), order);
  std::vector<Ranked> page;
  page.reserve(last - first);
  for (size_t i = first; i < last; ++i) {
    Ranked r;
    r.rowid = candidates[i].rowid;
    r.hit.kind = KindOfCode(KindOfRowid(r.rowid));
    r.hit.note_id = NoteOfRowid(r.rowid);
    r.hit.score = candidates[i].score;
    r.instances = std::move(candidates[i].instances);
    page.push_back(std::move(r));
  }
  return page;
}

// Snippet, title and id of each hit, from its row (read by row id: no MATCH) and the
// instances the scoring walk kept.
void SnippetsFromInstances(SQLite::Database& db, const SearchOptions& options,
                           std::vector<Ranked>* hits) {
  query::SnippetBuilder builder(db);
  const query::SnippetStyle style{options.highlight_open, options.highlight_close, "…", 16};
  SQLite::Statement row(db, "SELECT title, body, ref_id FROM search WHERE rowid = ?");
  for (Ranked& r : *hits) {
    row.bind(1, r.rowid);
    if (row.executeStep()) {
      const SQLite::Column title = row.getColumn(0), body = row.getColumn(1);
      const std::vector<std::string_view> columns = {
          {title.getText(), static_cast<size_t>(title.getBytes())},
          {body.getText(), static_cast<size_t>(body.getBytes())}};
      r.hit.snippet = builder.Build(
          query::RowInstances::Decode(r.instances.data(), static_cast<int>(r.instances.size())),
          columns, style);
      r.hit.title = std::string(columns[0]);
      r.hit.id = row.getColumn(2).getInt64();
    }
    row.reset();
  }
}

// Snippet, title and id of each hit from one more walk of the matches (WalkTo; from the
// oldest hit of the page on), where FTS5's snippet() computes them: for pages whose
// scoring walk kept no instances.
void SnippetsFromWalk(SQLite::Database& db, const std::string& match, const SearchOptions& options,
                      std::vector<Ranked>* hits) {
  std::unordered_map<int64_t, Ranked*> by_rowid;
  std::vector<int64_t> rowids;
  for (Ranked& r : *hits) {
    by_rowid.emplace(r.rowid, &r);
    rowids.push_back(r.rowid);
  }
  int64_t lowest = 0;
  SQLite::Statement snippet(db,
                            "SELECT rowid, snippet(search, -1, ?, ?, '…', 16), title, ref_id "
                            "FROM search WHERE " +
                                WalkTo(rowids, &lowest));
  snippet.bind(1, options.highlight_open);
  snippet.bind(2, options.highlight_close);
  snippet.bind(3, match);
  snippet.bind(4, lowest);
  while (snippet.executeStep()) {
    SearchHit& h = by_rowid.at(snippet.getColumn(0).getInt64())->hit;
    h.snippet = snippet.getColumn(1).getString();
    h.title = snippet.getColumn(2).getString();
    h.id = snippet.getColumn(3).getInt64();
  }
}

// The page's second pass: snippet, title, path, date and line of each ranked hit.
void Describe(SQLite::Database& db, const std::string& match, const SearchOptions& options,
              std::vector<Ranked>* hits) {
  if (hits->empty()) return;
  if (KeepsInstances(options)) {
    SnippetsFromInstances(db, options, hits);
  } else {
    SnippetsFromWalk(db, match, options, hits);
  }
  SQLite::Statement note(db, "SELECT path, title, date FROM notes WHERE id = ?");
  SQLite::Statement task_line(db, "SELECT line FROM tasks WHERE id = ?");
  SQLite::Statement decision_line(db, "SELECT line FROM decisions WHERE id = ?");
  for (Ranked& r : *hits) {
    SearchHit& h = r.hit;
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
  if (options.limit < 0 || options.offset < 0 || options.max_ranked < 0) {
    throw Error(ErrorCode::kInvalidArgument,
                "search limit, offset and max_ranked must not be negative");
  }
  return query::Guard("search failed", [&] {
    // The instances kept must fit the text read, and a prefix's terms the index walked.
    const query::ReadSnapshot snapshot(db);
    query::StatementCache& cache = *impl_->statements;
    const std::string match =
        options.raw ? text : query::BuildFtsQuery(text, [&cache](std::string_view word) {
          return query::ExpandPrefix(cache, word);
        });
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
