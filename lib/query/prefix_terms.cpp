#include "query/prefix_terms.h"

#include <optional>
#include <vector>

#include "store/search_terms.h"
#include "store/token_replay.h"

namespace notestore::query {

std::string ExpandPrefix(SQLite::Database& db, std::string_view word) {
  // The prefix as FTS5 makes it: the word tokenized for a prefix query (stemmed, folded).
  static thread_local const store::TokenRecorder tokenizer;
  const store::TokenList tokens =
      tokenizer.Tokenize(word, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX);
  if (tokens.count() != 1) return "";
  std::string prefix;
  tokens.ForEachToken([&prefix](std::string_view token) { prefix = token; });
  const std::optional<std::vector<std::string>> terms =
      store::SearchTermsWithPrefix(db, prefix, kMostPrefixTerms);
  if (!terms || terms->empty()) return "";
  std::string out = "(";
  for (const std::string& term : *terms) {
    if (out.size() > 1) out += " OR ";
    out += '"';
    out += store::kVerbatimTerm;
    for (char c : term) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += ')';
  return out;
}

}  // namespace notestore::query
