#include "query/prefix_terms.h"

#include <vector>

#include "query/fts_query.h"
#include "store/token_replay.h"

namespace notestore::query {
namespace {

// The terms of search_terms that start with `prefix` (an index term, as the tokenizer
// makes it), in byte order; at most `most` + 1 of them.
std::vector<std::string> TermsStarting(StatementCache& cache, const std::string& prefix, int most) {
  // [prefix, prefix with its last byte raised): the terms it starts, compared as bytes.
  // Bytes of UTF-8 text are below 0xF5, so the last one can always be raised.
  std::string end = prefix;
  end.back() = static_cast<char>(static_cast<unsigned char>(end.back()) + 1);
  Prepared q(cache,
             "SELECT term FROM search_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?");
  q->bind(1, prefix);
  q->bind(2, end);
  q->bind(3, most + 1);
  std::vector<std::string> terms;
  while (q->executeStep()) terms.push_back(q->getColumn(0).getString());
  return terms;
}

}  // namespace

std::string ExpandPrefix(StatementCache& cache, std::string_view word) {
  // The prefix as FTS5 makes it: the word tokenized for a prefix query (stemmed, folded).
  static thread_local const store::TokenRecorder tokenizer;
  const store::TokenList tokens =
      tokenizer.Tokenize(word, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX);
  if (tokens.count() != 1) return "";
  std::string prefix;
  tokens.ForEachToken([&prefix](std::string_view token) { prefix = token; });
  if (prefix.empty()) return "";
  const std::vector<std::string> terms = TermsStarting(cache, prefix, kMostPrefixTerms);
  if (terms.empty() || terms.size() > static_cast<size_t>(kMostPrefixTerms)) return "";
  std::string out = "(";
  for (const std::string& term : terms) {
    if (out.size() > 1) out += " OR ";
    out += QuoteFtsString(store::kVerbatimTerm + term);
  }
  out += ')';
  return out;
}

}  // namespace notestore::query
