// A prefix search as the index terms it starts.
//
// FTS5 answers "clus*" by merging the whole list of every term that starts with "clus"
// before it yields a row, however few rows are asked for (4-5 ms for a common word at
// 20,000 notes). The terms named one by one, ("cluster" OR "clusters"), are walked
// lazily, newest row first, and the walk stops at max_ranked. The store's vocabulary
// (store/search_terms.h) says which terms there are.
#ifndef NOTESTORE_LIB_QUERY_PREFIX_TERMS_H_
#define NOTESTORE_LIB_QUERY_PREFIX_TERMS_H_

#include <string>
#include <string_view>

#include "query/statement_cache.h"

namespace notestore::query {

// The most terms a prefix is replaced by. A prefix that starts more (a letter or two)
// is left to FTS5: an OR of that many lists costs more per row than the merge saves.
constexpr int kMostPrefixTerms = 32;

// For the prefix search `word`* (as the user typed it, without the '*'): an FTS5
// expression of the index terms it starts, ("t1" OR "t2" ...), each verbatim (store::
// kVerbatimTerm), which matches the same rows. "" when FTS5's own prefix search should
// be kept: the word is more than one token, or starts no term or more than
// kMostPrefixTerms. The cache's connection must have the store's tokenizer
// (store::InstallTokenReplay), which reads verbatim terms, for the query this goes in.
// Not for raw queries: FTS5 ranks an OR of terms, each with its own weight, rather than
// one phrase.
std::string ExpandPrefix(StatementCache& cache, std::string_view word);

}  // namespace notestore::query

#endif  // NOTESTORE_LIB_QUERY_PREFIX_TERMS_H_
