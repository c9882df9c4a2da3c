#include "store/token_replay.h"

#include <cstring>

#include "notestore/error.h"
#include "store/fts5_api.h"

namespace notestore::store {
namespace {

// The search table's tokenizer is 'porter unicode61 remove_diacritics 2' (schema_sql.h):
// porter, given these arguments for the tokenizer it wraps. Replay only for a table
// made with the same ones.
constexpr const char* kSearchTokenizerArgs[] = {"unicode61", "remove_diacritics", "2"};
constexpr int kSearchTokenizerArgCount = 3;

bool AreSearchTokenizerArgs(const char** args, int count) {
  if (count != kSearchTokenizerArgCount) return false;
  for (int i = 0; i < count; ++i) {
    if (args[i] == nullptr || std::strcmp(args[i], kSearchTokenizerArgs[i]) != 0) return false;
  }
  return true;
}

void PutVarint(std::string* out, uint32_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

// The porter tokenizer of `fts5`: its methods and the context xCreate takes.
void FindPorter(fts5_api* fts5, fts5_tokenizer* api, void** context) {
  if (fts5->xFindTokenizer(fts5, "porter", context, api) != SQLITE_OK || api->xCreate == nullptr ||
      api->xTokenize == nullptr) {
    throw Error(ErrorCode::kInternal, "this SQLite's FTS5 has no porter tokenizer");
  }
}

// One tokenizer that FTS5 made through the replay: SQLite's own, for texts not expected.
struct ReplayInstance {
  TokenReplay* replay;
  Fts5Tokenizer* builtin;
  bool replays;  // Made with the search table's arguments.
};

}  // namespace

void TokenList::Add(int flags, const char* token, int size, int start, int end) {
  PutVarint(&data_, static_cast<uint32_t>(size));
  data_.append(token, static_cast<size_t>(size));
  PutVarint(&data_, static_cast<uint32_t>(start));
  PutVarint(&data_, static_cast<uint32_t>(end - start));
  data_.push_back(static_cast<char>(flags));
  ++count_;
}

int TokenList::Replay(void* context, int (*emit)(void*, int, const char*, int, int, int)) const {
  const char* p = data_.data();
  const char* const end = p + data_.size();
  while (p < end) {
    const auto size = static_cast<int>(GetVarint(&p));
    const char* token = p;
    p += size;
    const auto start = static_cast<int>(GetVarint(&p));
    const auto length = static_cast<int>(GetVarint(&p));
    const int flags = static_cast<unsigned char>(*p++);
    const int rc = emit(context, flags, token, size, start, start + length);
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

struct TokenRecorder::Impl {
  SQLite::Database db{":memory:"};
  fts5_tokenizer api{};
  Fts5Tokenizer* tokenizer = nullptr;
};

TokenRecorder::TokenRecorder() : impl_(std::make_unique<Impl>()) {
  void* context = nullptr;
  FindPorter(Fts5Api(impl_->db), &impl_->api, &context);
  if (impl_->api.xCreate(context, const_cast<const char**>(kSearchTokenizerArgs),
                         kSearchTokenizerArgCount, &impl_->tokenizer) != SQLITE_OK) {
    throw Error(ErrorCode::kInternal, "could not create the search tokenizer");
  }
}

TokenRecorder::~TokenRecorder() {
  if (impl_->tokenizer) impl_->api.xDelete(impl_->tokenizer);
}

TokenList TokenRecorder::Tokenize(std::string_view text, int flags) const {
  TokenList out;
  out.set_text_size(static_cast<int64_t>(text.size()));
  auto record = [](void* list, int token_flags, const char* token, int size, int start, int end) {
    static_cast<TokenList*>(list)->Add(token_flags, token, size, start, end);
    return SQLITE_OK;
  };
  const int rc = impl_->api.xTokenize(impl_->tokenizer, &out, flags, text.data(),
                                      static_cast<int>(text.size()), record);
  if (rc != SQLITE_OK) {
    throw Error(ErrorCode::kInternal,
                "tokenizing search text failed: " + std::string(sqlite3_errstr(rc)));
  }
  return out;
}

void InstallTokenReplay(SQLite::Database& db) {
  if (TokenReplay::Of(db) != nullptr) return;
  fts5_api* fts5 = Fts5Api(db);
  auto replay = std::make_unique<TokenReplay>();
  FindPorter(fts5, &replay->builtin_, &replay->builtin_context_);
  fts5_tokenizer methods{TokenReplay::Create, TokenReplay::Delete, TokenReplay::Tokenize};
  // FTS5 looks tokenizers up newest first, so this one stands for "porter" from now on.
  if (fts5->xCreateTokenizer(fts5, "porter", replay.get(), &methods,
                             [](void* r) { delete static_cast<TokenReplay*>(r); }) != SQLITE_OK) {
    throw Error(ErrorCode::kInternal, "could not register the search tokenizer");
  }
  static_cast<void>(replay.release());  // The connection owns it now.
}

TokenReplay* TokenReplay::Of(SQLite::Database& db) {
  fts5_api* fts5 = Fts5Api(db);
  void* context = nullptr;
  fts5_tokenizer api{};
  if (fts5->xFindTokenizer(fts5, "porter", &context, &api) != SQLITE_OK ||
      api.xTokenize != &TokenReplay::Tokenize) {
    return nullptr;
  }
  return static_cast<TokenReplay*>(context);
}

void TokenReplay::Expect(std::string_view text, const TokenList& tokens) {
  if (tokens.text_size() != static_cast<int64_t>(text.size())) return;  // Not its tokens.
  if (expected_count_ < kMaxExpected) expected_[expected_count_++] = Expected{text, &tokens};
}

const TokenList* TokenReplay::Find(const char* text, int size) const {
  for (int i = 0; i < expected_count_; ++i) {
    const Expected& e = expected_[i];
    if (e.text.size() == static_cast<size_t>(size) &&
        (e.text.data() == text || std::memcmp(e.text.data(), text, e.text.size()) == 0)) {
      return e.tokens;
    }
  }
  return nullptr;
}

int TokenReplay::Create(void* replay, const char** args, int arg_count, Fts5Tokenizer** out) {
  auto* self = static_cast<TokenReplay*>(replay);
  auto instance = std::make_unique<ReplayInstance>(
      ReplayInstance{self, nullptr, AreSearchTokenizerArgs(args, arg_count)});
  const int rc =
      self->builtin_.xCreate(self->builtin_context_, args, arg_count, &instance->builtin);
  if (rc != SQLITE_OK) return rc;
  *out = reinterpret_cast<Fts5Tokenizer*>(instance.release());
  return SQLITE_OK;
}

void TokenReplay::Delete(Fts5Tokenizer* tokenizer) {
  std::unique_ptr<ReplayInstance> instance(reinterpret_cast<ReplayInstance*>(tokenizer));
  instance->replay->builtin_.xDelete(instance->builtin);
}

int TokenReplay::Tokenize(Fts5Tokenizer* tokenizer, void* context, int flags, const char* text,
                          int size, int (*emit)(void*, int, const char*, int, int, int)) {
  auto* instance = reinterpret_cast<ReplayInstance*>(tokenizer);
  TokenReplay* self = instance->replay;
  if ((flags & FTS5_TOKENIZE_QUERY) != 0 && size > 1 && text[0] == kVerbatimTerm &&
      instance->replays) {
    return emit(context, 0, text + 1, size - 1, 0, size);
  }
  // Only a document's text was recorded: queries and auxiliary functions tokenize as ever.
  if (flags == FTS5_TOKENIZE_DOCUMENT && size > 0) {
    if (const TokenList* tokens = instance->replays ? self->Find(text, size) : nullptr) {
      ++self->replayed_;
      return tokens->Replay(context, emit);
    }
    ++self->tokenized_;
  }
  return self->builtin_.xTokenize(instance->builtin, context, flags, text, size, emit);
}

}  // namespace notestore::store
