#include "query/fts_query.h"

#include <vector>

#include "notestore/error.h"
#include "util/text.h"

namespace notestore::query {
namespace {

enum class TokenType { kTerm, kAnd, kOr, kNot, kOpen, kClose };

struct Token {
  TokenType type;
  std::string fts;               // The FTS5 text for a term.
  size_t position;               // 1-based character position in the user's query, for errors.
  std::string column = {};       // A prefix word's column filter ("title : "), if any.
  std::string prefix_word = {};  // For a word that ends in '*': the word without it.
};

bool IsSpace(char c) { return util::IsSpace(c); }

// Whether `text` holds something the tokenizer will index (a letter or digit); a
// term of punctuation alone would match nothing and is dropped.
bool HasWordCharacter(std::string_view text) {
  for (char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        static_cast<unsigned char>(c) >= 0x80) {
      return true;
    }
  }
  return false;
}

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view q) : q_(q) {}

  std::vector<Token> Run() {
    while (pos_ < q_.size()) {
      const char c = q_[pos_];
      if (IsSpace(c)) {
        ++pos_;
      } else if (c == '(' || c == ')') {
        tokens_.push_back({c == '(' ? TokenType::kOpen : TokenType::kClose, "", pos_ + 1});
        ++pos_;
      } else if (c == '"' && q_.find('"', pos_ + 1) != std::string_view::npos) {
        Phrase();
      } else {
        Word();
      }
    }
    return std::move(tokens_);
  }

 private:
  void Phrase() {
    const size_t start = pos_;
    const size_t close = q_.find('"', pos_ + 1);
    const std::string_view inner = q_.substr(pos_ + 1, close - pos_ - 1);
    pos_ = close + 1;
    std::string fts = QuoteFtsString(inner);
    if (pos_ < q_.size() && q_[pos_] == '*') {  // "global names"*
      fts.push_back('*');
      ++pos_;
    }
    if (HasWordCharacter(inner)) tokens_.push_back({TokenType::kTerm, fts, start + 1});
  }

  void Word() {
    const size_t start = pos_;
    while (pos_ < q_.size() && !IsSpace(q_[pos_]) && q_[pos_] != '(' && q_[pos_] != ')') ++pos_;
    std::string_view word = q_.substr(start, pos_ - start);
    if (word == "AND" || word == "OR" || word == "NOT") {
      const TokenType type = word == "AND"  ? TokenType::kAnd
                             : word == "OR" ? TokenType::kOr
                                            : TokenType::kNot;
      tokens_.push_back({type, std::string(word), start + 1});
      return;
    }
    std::string column;
    const size_t colon = word.find(':');
    if (colon != std::string_view::npos) {
      const std::string_view name = word.substr(0, colon);
      if (util::EqualsIgnoreCase(name, "title") || util::EqualsIgnoreCase(name, "body")) {
        column = util::ToLowerAscii(name) + " : ";
        word.remove_prefix(colon + 1);
      }
    }
    bool prefix = false;
    while (!word.empty() && word.back() == '*') {
      word.remove_suffix(1);
      prefix = true;
    }
    if (!HasWordCharacter(word)) return;
    tokens_.push_back({TokenType::kTerm, column + QuoteFtsString(word) + (prefix ? "*" : ""),
                       start + 1, column, prefix ? std::string(word) : std::string()});
  }

  std::string_view q_;
  size_t pos_ = 0;
  std::vector<Token> tokens_;
};

[[noreturn]] void Malformed(const std::string& what, size_t position) {
  throw Error(ErrorCode::kQuery,
              "malformed search query: " + what + " at character " + std::to_string(position));
}

// How deep parentheses may nest. FTS5's parser has a fixed stack of 100 entries, and a
// level written the most expensive way ("a OR b AND c NOT (") takes six of them: 12
// such levels are the most that fit, 13 fail with "parser stack overflow" (found by
// tests/fuzz). 10 leaves a margin.
constexpr int kMaxNesting = 10;

// Checks the shape: expr := term+ ((AND|OR|NOT) term+)*, term := word | ( expr ).
class Checker {
 public:
  explicit Checker(const std::vector<Token>& tokens) : tokens_(tokens) {}

  void Run() {
    Expression();
    if (i_ < tokens_.size()) Malformed("unmatched ')'", tokens_[i_].position);
  }

 private:
  void Expression() {
    Terms();
    while (i_ < tokens_.size() && IsOperator(tokens_[i_].type)) {
      const Token& op = tokens_[i_++];
      if (i_ >= tokens_.size() || !StartsTerm(tokens_[i_].type)) {
        Malformed("'" + op.fts + "' needs a word after it", op.position);
      }
      Terms();
    }
  }

  void Terms() {
    if (i_ >= tokens_.size() || !StartsTerm(tokens_[i_].type)) {
      const size_t at = i_ < tokens_.size() ? tokens_[i_].position : 0;
      if (i_ < tokens_.size() && IsOperator(tokens_[i_].type)) {
        Malformed("'" + tokens_[i_].fts + "' needs a word before it", at);
      }
      Malformed("a word is missing", at ? at : (tokens_.empty() ? 1 : tokens_.back().position));
    }
    while (i_ < tokens_.size() && StartsTerm(tokens_[i_].type)) {
      if (tokens_[i_].type == TokenType::kOpen) {
        const size_t open = tokens_[i_++].position;
        if (i_ < tokens_.size() && tokens_[i_].type == TokenType::kClose) {
          Malformed("empty parentheses", open);
        }
        if (++depth_ > kMaxNesting) {
          Malformed("parentheses nested more than " + std::to_string(kMaxNesting) + " deep", open);
        }
        Expression();
        --depth_;
        if (i_ >= tokens_.size() || tokens_[i_].type != TokenType::kClose) {
          Malformed("'(' is never closed", open);
        }
        ++i_;
      } else {
        ++i_;
      }
    }
  }

  static bool IsOperator(TokenType t) {
    return t == TokenType::kAnd || t == TokenType::kOr || t == TokenType::kNot;
  }
  static bool StartsTerm(TokenType t) { return t == TokenType::kTerm || t == TokenType::kOpen; }

  const std::vector<Token>& tokens_;
  size_t i_ = 0;
  int depth_ = 0;
};

}  // namespace

std::string QuoteFtsString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string BuildFtsQuery(std::string_view user_query, const PrefixExpander& expand) {
  // Control characters separate words. A NUL would also end the expression early for
  // FTS5's parser, leaving a quoted term unterminated (found by tests/fuzz).
  std::string query(user_query);
  for (char& c : query) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  const std::vector<Token> tokens = Tokenizer(query).Run();
  bool any_term = false;
  for (const Token& t : tokens) any_term |= t.type == TokenType::kTerm;
  if (!any_term) {
    throw Error(ErrorCode::kInvalidArgument, "the search query has no words to look for");
  }
  Checker(tokens).Run();
  // Adjacent terms get an explicit AND: FTS5 does not accept an implicit one next to
  // parentheses ("a (b OR c)").
  std::string out;
  TokenType previous = TokenType::kAnd;
  for (const Token& t : tokens) {
    const bool ends_operand = previous == TokenType::kTerm || previous == TokenType::kClose;
    const bool starts_operand = t.type == TokenType::kTerm || t.type == TokenType::kOpen;
    if (ends_operand && starts_operand) out += " AND";
    if (!out.empty()) out.push_back(' ');
    if (t.type == TokenType::kOpen) {
      out += "(";
    } else if (t.type == TokenType::kClose) {
      out += ")";
    } else {
      // An expansion in parentheses is one level more than the Checker allows: still
      // within what FTS5's parser holds (see kMaxNesting).
      const std::string expanded =
          expand && !t.prefix_word.empty() ? expand(t.prefix_word) : std::string();
      out += expanded.empty() ? t.fts : t.column + expanded;
    }
    previous = t.type;
  }
  return out;
}

}  // namespace notestore::query
