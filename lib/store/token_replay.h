// Stage 5, store: tokenizing search text on the parsing threads, and replaying those
// tokens when the writing thread indexes the text.
//
// FTS5 tokenizes each text it indexes on the thread that inserts it: the one writing
// thread, which bounds a first ingest, while the parsing threads are mostly idle. So the
// parsing threads record the tokens of the texts the writer will index (TokenRecorder),
// and the writer's connection has a tokenizer registered under the name "porter"
// (InstallTokenReplay) that hands FTS5 the recorded tokens of a text it was told to
// expect, and passes any other text to SQLite's own porter tokenizer. Recorded tokens
// come from SQLite's own tokenizer with the search table's arguments, so the index is
// the same, byte for byte, as without replay, and other SQLite clients (which tokenize
// with the builtin) query and update it alike.
//
// The same tokenizer reads a query term that starts with kVerbatimTerm as the index term
// that follows, untouched: a prefix search names the index's terms it stands for
// (query/prefix_terms.h), and those are stems, which porter would stem again.
#ifndef NOTESTORE_LIB_STORE_TOKEN_REPLAY_H_
#define NOTESTORE_LIB_STORE_TOKEN_REPLAY_H_

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace notestore::store {

// The tokens one text gave, as FTS5's tokenizer callback received them.
class TokenList {
 public:
  // Appends one token: its flags, bytes, and byte offsets in the text.
  void Add(int flags, const char* token, int size, int start, int end);
  // Passes each token to `emit` (an FTS5 xToken callback) with `context`; stops at and
  // returns the first result that is not SQLITE_OK.
  int Replay(void* context, int (*emit)(void*, int, const char*, int, int, int)) const;
  // How many tokens were added.
  int64_t count() const { return count_; }
  // Calls `visit(std::string_view token)` for each token, in order.
  template <typename Visit>
  void ForEachToken(Visit visit) const {
    const char* p = data_.data();
    const char* const end = p + data_.size();
    while (p < end) {
      const auto size = GetVarint(&p);
      visit(std::string_view(p, size));
      p += size;
      GetVarint(&p);  // start
      GetVarint(&p);  // length
      ++p;            // flags
    }
  }
  // The size in bytes of the text these tokens are of (TokenRecorder sets it); a replay
  // hands them out only for a text of that size. -1 for a list of no recorded text.
  int64_t text_size() const { return text_size_; }
  void set_text_size(int64_t size) { text_size_ = size; }

 private:
  static uint32_t GetVarint(const char** p) {
    uint32_t v = 0;
    for (int shift = 0;; shift += 7) {
      const auto byte = static_cast<unsigned char>(*(*p)++);
      v |= static_cast<uint32_t>(byte & 0x7f) << shift;
      if (byte < 0x80) return v;
    }
  }

  std::string data_;  // Each token: varint size, its bytes, varint start, varint length, flags.
  int64_t count_ = 0;
  int64_t text_size_ = -1;
};

// SQLite's porter tokenizer with the search table's arguments (schema_sql.h), on a private
// in-memory connection of its own. Not thread-safe: make one per thread. The constructor
// throws notestore::Error (kInternal) when this SQLite's FTS5 lacks the tokenizer.
class TokenRecorder {
 public:
  TokenRecorder();
  ~TokenRecorder();
  TokenRecorder(const TokenRecorder&) = delete;
  TokenRecorder& operator=(const TokenRecorder&) = delete;

  // The tokens FTS5 indexes for `text` (or, with other FTS5_TOKENIZE_* flags, makes of a
  // query's term). Throws notestore::Error (kInternal) if the tokenizer fails (it does
  // not on valid UTF-8 or otherwise).
  TokenList Tokenize(std::string_view text, int flags = FTS5_TOKENIZE_DOCUMENT) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Starts a query term (a quoted FTS5 string) that the connection's tokenizer hands FTS5
// as it is, one token, when InstallTokenReplay was called on it. A control character,
// which a user's query never holds (query/fts_query.h turns them into spaces).
constexpr char kVerbatimTerm = '\x01';

// Registers the replaying "porter" tokenizer on `db`; a second call is a no-op. Call it
// before the connection first opens the search table: FTS5 makes a table's tokenizer
// then, and a table opened earlier keeps the builtin (the same index, only not faster).
// Throws notestore::Error (kInternal) when the connection has no FTS5 porter tokenizer.
void InstallTokenReplay(SQLite::Database& db);

// The replay of one connection: which texts it hands out recorded tokens for. Owned by
// the connection (freed when it closes). Use it on the connection's own thread.
class TokenReplay {
 public:
  // `db`'s replay, or null when InstallTokenReplay was not called on it.
  static TokenReplay* Of(SQLite::Database& db);

  // Until Forget(), a text with the same bytes as `text` is tokenized as `tokens`, which
  // must be TokenRecorder's for `text` (lists recorded for a text of another size are
  // ignored). Neither is copied: both must outlive the Forget() call. At most a few texts
  // at once (one statement's columns); further ones are not replayed.
  void Expect(std::string_view text, const TokenList& tokens);
  void Forget() { expected_count_ = 0; }

  // How many documents' texts (not empty) were tokenized by replay, and how many by the
  // builtin tokenizer, since the connection opened (for tests).
  int64_t replayed() const { return replayed_; }
  int64_t tokenized() const { return tokenized_; }

 private:
  friend void InstallTokenReplay(SQLite::Database& db);
  struct Expected {
    std::string_view text;
    const TokenList* tokens;
  };
  static constexpr int kMaxExpected = 4;

  // The tokenizer's methods, which FTS5 calls (the context of Create is the TokenReplay).
  static int Create(void* replay, const char** args, int arg_count, Fts5Tokenizer** out);
  static void Delete(Fts5Tokenizer* tokenizer);
  static int Tokenize(Fts5Tokenizer* tokenizer, void* context, int flags, const char* text,
                      int size, int (*emit)(void*, int, const char*, int, int, int));
  // The recorded tokens of `text`, or null.
  const TokenList* Find(const char* text, int size) const;

  Expected expected_[kMaxExpected];
  int expected_count_ = 0;
  int64_t replayed_ = 0;
  int64_t tokenized_ = 0;
  fts5_tokenizer builtin_{};  // SQLite's own porter, which this wraps, and its context.
  void* builtin_context_ = nullptr;
};

// Forgets a replay's expected texts when it goes out of scope (a statement that throws
// included). `replay` may be null.
class ExpectedTokens {
 public:
  explicit ExpectedTokens(TokenReplay* replay) : replay_(replay) {}
  ~ExpectedTokens() {
    if (replay_) replay_->Forget();
  }
  ExpectedTokens(const ExpectedTokens&) = delete;
  ExpectedTokens& operator=(const ExpectedTokens&) = delete;

  // Expects `text` to tokenize as `*tokens`; a null `tokens` expects nothing.
  void Add(std::string_view text, const TokenList* tokens) {
    if (replay_ && tokens) replay_->Expect(text, *tokens);
  }

 private:
  TokenReplay* replay_;
};

}  // namespace notestore::store

#endif  // NOTESTORE_LIB_STORE_TOKEN_REPLAY_H_
