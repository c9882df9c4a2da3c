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

#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "store/search_tokens.h"

namespace notestore::store {

// The terms one ingest has handed to its writer, so that each is written once a run
// rather than once a note. Thread-safe: the parsing threads claim, the writer writes
// what each note claimed (WriteSearchTerms) in the transaction that indexes the note.
// Every note an ingest parses is written, or the ingest fails and the next one claims
// afresh, so a term claimed is a term written.
class SearchTermClaims {
 public:
  // The distinct terms of `tokens` that no note claimed before in this run, now claimed.
  std::vector<std::string> Claim(const NoteTokens& tokens);

 private:
  std::mutex mutex_;
  std::unordered_set<std::string> claimed_;
};

// Adds terms to search_terms. Not thread-safe: the writer's, inside its transaction.
class SearchTermWriter {
 public:
  explicit SearchTermWriter(SQLite::Database& db);
  // Adds `terms`; those search_terms holds already are left as they are.
  void Write(const std::vector<std::string>& terms);

 private:
  SQLite::Statement insert_;
};

// The terms in search_terms that start with `prefix` (an index term, as the tokenizer
// makes it), in byte order; null when there are more than `most`.
std::optional<std::vector<std::string>> SearchTermsWithPrefix(SQLite::Database& db,
                                                              std::string_view prefix, int most);

}  // namespace notestore::store

#endif  // NOTESTORE_LIB_STORE_SEARCH_TERMS_H_
