#include "query/fts_snippet.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>

#include "notestore/error.h"
#include "store/fts5_api.h"

namespace notestore::query {
namespace {

// ---- notestore_instances(): the blob is int32s, host order (it never leaves the process):
// columns, their token counts; phrases, their token counts; instances, (phrase, column,
// offset) each.

void Instances(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int,
               sqlite3_value**) {
  std::vector<int32_t> out;
  const int columns = api->xColumnCount(fts);
  out.push_back(columns);
  int rc = SQLITE_OK;
  for (int c = 0; rc == SQLITE_OK && c < columns; ++c) {
    int tokens = 0;
    rc = api->xColumnSize(fts, c, &tokens);
    out.push_back(tokens);
  }
  const int phrases = api->xPhraseCount(fts);
  out.push_back(phrases);
  for (int p = 0; p < phrases; ++p) out.push_back(api->xPhraseSize(fts, p));
  int instances = 0;
  if (rc == SQLITE_OK) rc = api->xInstCount(fts, &instances);
  out.push_back(instances);
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    out.insert(out.end(), {phrase, column, offset});
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  sqlite3_result_blob(ctx, out.data(), static_cast<int>(out.size() * sizeof(int32_t)),
                      SQLITE_TRANSIENT);
}

// ---- Tokens: where each of a column's first tokens starts and ends, and which of them
// begin a sentence, as snippet()'s sentence finder decides (after white space that follows
// a '.' or ':').

struct Token {
  int start = 0;
  int end = 0;
};

struct Tokens {
  std::string_view text;
  size_t wanted = 0;  // Stop after this many.
  std::vector<Token> tokens;
  std::vector<int> sentence_starts;
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

int OnToken(void* context, int flags, const char*, int, int start, int end) {
  auto* t = static_cast<Tokens*>(context);
  if (flags & FTS5_TOKEN_COLOCATED) return SQLITE_OK;
  const int position = static_cast<int>(t->tokens.size());
  if (position == 0) {
    t->sentence_starts.push_back(0);
  } else {
    int i = start - 1;
    while (i >= 0 && IsSpace(t->text[static_cast<size_t>(i)])) --i;
    if (i != start - 1 && i >= 0 &&
        (t->text[static_cast<size_t>(i)] == '.' || t->text[static_cast<size_t>(i)] == ':')) {
      t->sentence_starts.push_back(position);
    }
  }
  t->tokens.push_back({start, end});
  return t->tokens.size() >= t->wanted ? SQLITE_DONE : SQLITE_OK;
}

// ---- Choosing the window, as snippet() does: every instance, and the start of its
// sentence, is tried as a window's start; a window scores 1000 per phrase it holds and 1
// per repeat, a sentence start 100 more (120 for the column's first token).

struct Window {
  int score = 0;
  int column = 0;
  int start = 0;
};

int Score(const RowInstances& row, int column, int start, int tokens, int* adjusted) {
  std::vector<char> seen(row.phrase_tokens.size(), 0);
  const int64_t end = int64_t{start} + tokens;
  int score = 0, first = -1, last = 0;
  for (const RowInstances::Instance& in : row.instances) {
    if (in.column != column || in.offset < start || in.offset >= end) continue;
    score += seen[static_cast<size_t>(in.phrase)] ? 1 : 1000;
    seen[static_cast<size_t>(in.phrase)] = 1;
    if (first < 0) first = in.offset;
    last = in.offset + row.phrase_tokens[static_cast<size_t>(in.phrase)];
  }
  if (adjusted) {
    const int size = row.column_tokens[static_cast<size_t>(column)];
    int64_t a = first - (tokens - (last - first)) / 2;
    if (a + tokens > size) a = size - tokens;
    *adjusted = static_cast<int>(std::max<int64_t>(a, 0));
  }
  return score;
}

void TryColumn(const RowInstances& row, int column, const std::vector<int>& sentence_starts,
               int tokens, Window* best) {
  const int size = row.column_tokens[static_cast<size_t>(column)];
  for (const RowInstances::Instance& in : row.instances) {
    if (in.column != column) continue;
    int adjusted = 0;
    int score = Score(row, column, in.offset, tokens, &adjusted);
    if (score > best->score) *best = {score, column, adjusted};
    if (sentence_starts.empty() || size <= tokens) continue;
    size_t j = 0;
    while (j + 1 < sentence_starts.size() && sentence_starts[j + 1] <= in.offset) ++j;
    const int sentence = sentence_starts[j];
    if (sentence >= in.offset) continue;
    score = Score(row, column, sentence, tokens, nullptr) + (sentence == 0 ? 120 : 100);
    if (score > best->score) *best = {score, column, sentence};
  }
}

// ---- Highlighting: instances that overlap are marked as one.

struct Span {
  int first = -1;
  int last = -1;
};

class Coalesced {
 public:
  Coalesced(const RowInstances& row, int column) : row_(row), column_(column) { Next(); }
  const Span& span() const { return span_; }
  void Next() {
    span_ = Span();
    for (; next_ < row_.instances.size(); ++next_) {
      const RowInstances::Instance& in = row_.instances[next_];
      if (in.column != column_) continue;
      const int last = in.offset - 1 + row_.phrase_tokens[static_cast<size_t>(in.phrase)];
      if (span_.first < 0) {
        span_ = {in.offset, last};
      } else if (in.offset <= span_.last) {
        span_.last = std::max(span_.last, last);
      } else {
        break;
      }
    }
  }

 private:
  const RowInstances& row_;
  int column_;
  size_t next_ = 0;
  Span span_;
};

}  // namespace

RowInstances RowInstances::Decode(const void* blob, int bytes) {
  RowInstances row;
  if (blob == nullptr || bytes < 0) return row;
  std::vector<int32_t> v(static_cast<size_t>(bytes) / sizeof(int32_t));
  if (!v.empty()) std::memcpy(v.data(), blob, v.size() * sizeof(int32_t));
  size_t i = 0;
  auto take = [&](std::vector<int>* out) {
    if (i >= v.size() || v[i] < 0 || v.size() - i - 1 < static_cast<size_t>(v[i])) return false;
    out->assign(v.begin() + static_cast<ptrdiff_t>(i + 1),
                v.begin() + static_cast<ptrdiff_t>(i + 1 + static_cast<size_t>(v[i])));
    i += 1 + static_cast<size_t>(v[i]);
    return true;
  };
  if (!take(&row.column_tokens) || !take(&row.phrase_tokens) || i >= v.size() || v[i] < 0 ||
      (v.size() - i - 1) / 3 < static_cast<size_t>(v[i])) {
    return RowInstances();
  }
  const size_t n = static_cast<size_t>(v[i++]);
  for (size_t k = 0; k < n; ++k, i += 3) {
    const Instance in{v[i], v[i + 1], v[i + 2]};
    if (in.phrase < 0 || static_cast<size_t>(in.phrase) >= row.phrase_tokens.size() ||
        in.column < 0 || static_cast<size_t>(in.column) >= row.column_tokens.size() ||
        in.offset < 0) {
      return RowInstances();
    }
    row.instances.push_back(in);
  }
  return row;
}

void RegisterInstancesFunction(SQLite::Database& db) {
  fts5_api* fts5 = store::Fts5Api(db);
  if (fts5->xCreateFunction(fts5, "notestore_instances", nullptr, Instances, nullptr) !=
      SQLITE_OK) {
    throw Error(ErrorCode::kInternal, "could not register notestore_instances()");
  }
}

struct SnippetBuilder::Impl {
  fts5_tokenizer api{};
  Fts5Tokenizer* tokenizer = nullptr;

  // The first `wanted` tokens of `text`.
  Tokens Tokenize(std::string_view text, size_t wanted) {
    Tokens t;
    t.text = text;
    t.wanted = std::max<size_t>(wanted, 1);
    const int rc = api.xTokenize(tokenizer, &t, FTS5_TOKENIZE_DOCUMENT, text.data(),
                                 static_cast<int>(text.size()), OnToken);
    if (rc != SQLITE_OK && rc != SQLITE_DONE) {
      throw Error(ErrorCode::kInternal,
                  "tokenizing a snippet failed: " + std::string(sqlite3_errstr(rc)));
    }
    return t;
  }
};

SnippetBuilder::SnippetBuilder(SQLite::Database& db) : impl_(std::make_unique<Impl>()) {
  fts5_api* fts5 = store::Fts5Api(db);
  void* user = nullptr;
  const char* args[] = {"remove_diacritics", "2"};  // As the search table's (schema_sql.h).
  if (fts5->xFindTokenizer(fts5, "unicode61", &user, &impl_->api) != SQLITE_OK ||
      impl_->api.xCreate(user, args, 2, &impl_->tokenizer) != SQLITE_OK) {
    throw Error(ErrorCode::kInternal, "no unicode61 tokenizer for snippets");
  }
}

SnippetBuilder::~SnippetBuilder() {
  if (impl_->tokenizer) impl_->api.xDelete(impl_->tokenizer);
}

std::string SnippetBuilder::Build(const RowInstances& row,
                                  const std::vector<std::string_view>& columns,
                                  const SnippetStyle& style) {
  const int n = style.tokens;
  const int column_count = static_cast<int>(row.column_tokens.size());
  // Each column with matches, tokenized as far as any window over them can reach.
  std::vector<Tokens> tokens(static_cast<size_t>(column_count));
  Window best;
  for (int c = 0; c < column_count && static_cast<size_t>(c) < columns.size(); ++c) {
    int last = -1;
    for (const RowInstances::Instance& in : row.instances) {
      if (in.column == c) last = std::max(last, in.offset);
    }
    if (last < 0) continue;
    tokens[static_cast<size_t>(c)] =
        impl_->Tokenize(columns[static_cast<size_t>(c)], static_cast<size_t>(last) + n);
    TryColumn(row, c, tokens[static_cast<size_t>(c)].sentence_starts, n, &best);
  }
  if (static_cast<size_t>(best.column) >= columns.size() || best.column >= column_count) {
    return "";
  }
  const std::string_view text = columns[static_cast<size_t>(best.column)];
  Tokens& t = tokens[static_cast<size_t>(best.column)];
  if (t.tokens.empty()) t = impl_->Tokenize(text, static_cast<size_t>(best.start) + n);
  const int size = row.column_tokens[static_cast<size_t>(best.column)];
  const int range_start = best.start;
  const int range_end = best.start + n - 1;

  std::string out;
  auto append = [&](size_t from, size_t to) { out.append(text.substr(from, to - from)); };
  if (range_start > 0) out += style.ellipsis;
  Coalesced spans(row, best.column);
  while (spans.span().first >= 0 && spans.span().first < range_start) spans.Next();
  size_t at = 0;  // Bytes of `text` already written.
  for (int p = range_start; p <= range_end && static_cast<size_t>(p) < t.tokens.size(); ++p) {
    const Token& token = t.tokens[static_cast<size_t>(p)];
    const size_t start = static_cast<size_t>(token.start), end = static_cast<size_t>(token.end);
    if (range_start > 0 && p == range_start) at = start;
    if (p == spans.span().first) {
      append(at, start);
      out += style.open;
      at = start;
    }
    if (p == spans.span().last) {
      if (spans.span().first < range_start) out += style.open;
      append(at, end);
      out += style.close;
      at = end;
      spans.Next();
    }
    if (p == range_end) {
      append(at, end);
      at = end;
      if (p >= spans.span().first && p < spans.span().last) out += style.close;
    }
  }
  if (range_end >= size - 1) {
    append(at, text.size());
  } else {
    out += style.ellipsis;
  }
  return out;
}

}  // namespace notestore::query
