// Stage 5, store: the search index's vocabulary (the search_terms table), so that a
// prefix search can name the terms it stands for.
//
// FTS5 answers a prefix ("clus*") by merging the whole list of every term it starts
// before it yields a row: 4-5 ms for a common word at 20,000 notes, however few rows are
// asked for. The same terms named one by one ("cluster" OR "clusters") are walked
// lazily, newest row first, and stop at the page: a tenth of that. FTS5 lists its terms
// only with their counts, which costs the same merge, so the store keeps them itself:
// search_terms holds every term the writer ever gave the index. It is a superset: a
// term whose rows are gone stays (named in a query, it matches nothing), so no deletion
// has to find out whether it was a term's last row.
#ifndef NOTESTORE_LIB_STORE_SEARCH_TERMS_H_
#define NOTESTORE_LIB_STORE_SEARCH_TERMS_H_

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/search_tokens.h"

namespace notestore::store {

// Which note of an ingest writes each new term, so that each is written about once a run
// rather than once a note. Thread-safe: the parsing threads claim, in whatever order they
// finish; the writer writes what each note claimed (SearchTermWriter) in the transaction
// that indexes the note, in the order of the notes. A term is claimed by the first note
// in that order that holds it: a note claims it again from any later one that claimed it
// first. So when a note is committed, each of its terms is committed with it or before
// it, by itself or an earlier note, whether or not the run gets further.
//
// The claims of a vault of many distinct terms (numbers, identifiers) would grow without
// bound, some 70 bytes each; past `most` they are forgotten, which is safe (every note
// after that claims its terms again, and the writer's INSERT OR IGNORE keeps one of each)
// and costs only the writer's re-inserting them.
class SearchTermClaims {
 public:
  explicit SearchTermClaims(size_t most = size_t{1} << 18) : most_(most) {}

  // The distinct terms of `tokens`, the note the writer writes `order`th, that no note
  // before it in that order has claimed (in byte order); now claimed by it.
  std::vector<std::string> Claim(const NoteTokens& tokens, size_t order);

 private:
  const size_t most_;
  std::mutex mutex_;
  // Term -> the first claimant's order. The keys are views of terms_, whose strings a
  // deque never moves: a lookup then makes no string.
  std::unordered_map<std::string_view, size_t> claimed_;
  std::deque<std::string> terms_;
};

// Adds terms to search_terms. Not thread-safe: the writer's. Terms are held until
// Flush(), which the writer calls before each commit, and then written in byte order,
// each once: a first ingest of 10,000 notes of 1.5 million distinct terms took 7.8 s
// so, 8.7 s writing them in note order (3.0-3.8 s without the vocabulary: most of the
// difference is the pages the terms' B-tree dirties, written to the WAL and
// checkpointed; a vault of words, not of random strings, has a few hundred thousand).
class SearchTermWriter {
 public:
  explicit SearchTermWriter(SQLite::Database& db);
  // Adds `terms` to those the next Flush() writes.
  void Add(std::vector<std::string> terms);
  // Writes the terms added since the last call, inside the caller's transaction; those
  // search_terms holds already are left as they are.
  void Flush();

 private:
  SQLite::Statement insert_;
  std::vector<std::string> pending_;
};

// Removes from search_terms the terms the search index no longer holds (the rows that
// held them are gone). Reads the index's whole vocabulary: seconds at 100,000 notes, so
// for a run that re-parses everything anyway. The writer's, inside its transaction.
void PruneSearchTerms(SQLite::Database& db);

}  // namespace notestore::store

#endif  // NOTESTORE_LIB_STORE_SEARCH_TERMS_H_
