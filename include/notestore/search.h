// Full-text search over notes, tasks and decisions (SQLite FTS5, BM25 ranking).
#ifndef NOTESTORE_SEARCH_H_
#define NOTESTORE_SEARCH_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "notestore/date.h"

namespace notestore {

enum class SearchKind { kNote, kTask, kDecision };
// "note", "task", "decision".
const char* SearchKindName(SearchKind kind);
std::optional<SearchKind> ParseSearchKind(const std::string& name);

struct SearchOptions {
  // Kinds to search; empty for all. Default: all.
  std::vector<SearchKind> kinds;
  // Only hits in notes dated within the range (inclusive). Default: none.
  std::optional<Date> from;
  std::optional<Date> to;
  // Only hits in notes about this account (case-insensitive name). Default: any.
  std::string account;
  // Paging. Default: the first 20 hits.
  int limit = 20;
  int offset = 0;
  // How a title match weighs against a body match in the BM25 score. Default: 5.
  double title_weight = 5.0;
  // Group hits by note: notes are ranked by their best hit (the note itself or one of
  // its tasks or decisions), and each note comes right before its own task and
  // decision hits. A meeting where a subject is decided thus ranks above the single line
  // that records the decision, and never below an unrelated note. False ranks every hit
  // on its own score. Default: true.
  bool group_by_note = true;
  // Also return repeats (see duplicate.h) whose original is a hit too. By default a
  // duplicate meeting note, task or decision is left out when what it repeats is among
  // the ranked hits (after the filters, within max_ranked), and kept otherwise, to stand
  // for an original that the filters or max_ranked leave out. Default: false.
  bool include_duplicates = false;
  // The most matching rows ranked by BM25. A query that matches more rows (a word in
  // most notes) ranks only the newest max_ranked of them: the rows of the most recently
  // added notes, after the kind, date and account filters. Ranking every match of such a
  // word takes tenths of a second on a large vault, and its BM25 weight is close to
  // zero anyway; each row ranked costs about 2 microseconds (1 ms for 500, 4 ms for
  // 2,000 at 100,000 notes). 0 ranks every match. Default: 500.
  int max_ranked = 500;
  // Marks around matched words in the snippet. Default: "[" and "]".
  std::string highlight_open = "[";
  std::string highlight_close = "]";
  // Pass the query to FTS5 unchanged (its full syntax, e.g. NEAR and column filters) instead
  // of reading it as described at Store::search. A malformed query then throws
  // Error(kQuery). Default: false.
  bool raw = false;
};

struct SearchHit {
  SearchKind kind = SearchKind::kNote;
  int64_t id = 0;  // The id in the kind's table (notes, tasks, decisions).
  int64_t note_id = 0;
  std::string path;
  std::string title;  // The note's title, or the task's or decision's text.
  std::string snippet;
  // BM25 as FTS5's bm25() computes it (title weighted by title_weight), lower is better,
  // except that a phrase's row count is estimated when large: for a query of one phrase
  // from how far back the newest max_ranked matches reach, else from each phrase's first
  // 256 matches; and that a prefix word that starts at most 32 of the index's terms is
  // scored as an OR of those terms, each weighted as a word (FTS5 scores the prefix as
  // one phrase; a raw query's prefix still is). Scores compare within one query.
  double score = 0;
  std::optional<Date> date;  // The note's date.
  int line = 0;              // For tasks and decisions; 0 for notes.
};

}  // namespace notestore

#endif  // NOTESTORE_SEARCH_H_
