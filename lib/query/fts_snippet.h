// Snippets for search hits without a second walk of the matches.
//
// FTS5's snippet() needs a cursor on the row within a MATCH query, so a page of hits used
// to cost one more walk of the matches (for a phrase, a position check per row; for a
// prefix, merging the list of every word it starts again). Instead the scoring walk keeps
// each row's phrase instances (notestore_instances(), a few bytes per match) and the page
// builds its snippets here from the row's text, exactly as snippet() builds them: the same
// choice of column and window (sentence starts, phrases seen, the window centred on its
// matches), the same highlighting of coalesced instances, the same ellipses. The text is
// tokenized only up to the end of the window, where snippet() tokenizes every column twice.
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace notestore::query {

// Where a query matched one row: what FTS5's xInst, xPhraseSize and xColumnSize report.
struct RowInstances {
  struct Instance {
    int phrase = 0;
    int column = 0;
    int offset = 0;  // In tokens from the start of the column.
  };
  std::vector<int> column_tokens;   // Tokens per column.
  std::vector<int> phrase_tokens;   // Tokens per query phrase.
  std::vector<Instance> instances;  // In xInst order (by column, then offset).

  // From notestore_instances()'s blob; empty when the blob is malformed.
  static RowInstances Decode(const void* blob, int bytes);
};

// Registers notestore_instances(search): the current row's RowInstances as a blob. Call
// once per connection; throws notestore::Error (kInternal) without FTS5.
void RegisterInstancesFunction(SQLite::Database& db);

struct SnippetStyle {
  std::string open = "[";
  std::string close = "]";
  std::string ellipsis = "…";
  int tokens = 16;  // The most tokens in the window, as snippet()'s last argument.
};

// Builds snippets as snippet(search, -1, open, close, ellipsis, tokens) would. Owns an FTS5
// tokenizer configured as the search table's ("unicode61 remove_diacritics 2"; porter only
// changes a token's text, never where tokens are). Not thread-safe; the connection it was
// made from must outlive it.
class SnippetBuilder {
 public:
  // Throws notestore::Error (kInternal) when the connection has no FTS5 tokenizer.
  explicit SnippetBuilder(SQLite::Database& db);
  ~SnippetBuilder();
  SnippetBuilder(const SnippetBuilder&) = delete;
  SnippetBuilder& operator=(const SnippetBuilder&) = delete;

  // `columns` holds the row's text per column, in the table's order.
  std::string Build(const RowInstances& row, const std::vector<std::string_view>& columns,
                    const SnippetStyle& style);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace notestore::query
