#include "dataview/parser.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>

#include "notestore/error.h"
#include "util/text.h"
#include "util/utf8.h"

namespace notestore::dataview {
namespace {

bool IsIdentStart(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return std::isalpha(u) || c == '_' || u >= 0x80;  // Letters of any script, emoji.
}
bool IsIdentChar(char c) {
  return IsIdentStart(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '-';
}

const char* const kCommandWords[] = {"from", "where", "sort", "group", "flatten", "limit"};

// Bounds on what one query may hold, so that a hostile query in a note (render runs
// them all) costs bounded time and stack: parsing and evaluation recurse per level.
constexpr size_t kMaxQueryBytes = 64 * 1024;
constexpr int kMaxDepth = 100;        // Nested parentheses, lists, calls, !, -.
constexpr int kMaxNodes = 2000;       // Expression nodes in the whole query.
constexpr size_t kMaxNodeText = 120;  // Kept of each node's text (headings, errors).

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {
    if (s_.size() > kMaxQueryBytes) {
      throw Error(ErrorCode::kQuery, "dataview query of " + std::to_string(s_.size()) +
                                         " bytes is too long (at most 64 KiB)");
    }
    if (!util::IsValidUtf8(s_)) throw Error(ErrorCode::kQuery, "dataview query is not valid UTF-8");
    for (size_t i = 0; i < s_.size(); ++i) {
      if (s_[i] == '\n') line_starts_.push_back(i + 1);
    }
  }

  Query ParseQuery() {
    Query q;
    Skip();
    const size_t start = pos_;
    const std::string type = util::ToLowerAscii(Word());
    if (type == "list") {
      q.type = Query::Type::kList;
    } else if (type == "table") {
      q.type = Query::Type::kTable;
    } else if (type == "task") {
      q.type = Query::Type::kTask;
    } else if (type == "calendar") {
      Fail(start, "CALENDAR queries are not supported (LIST, TABLE and TASK are)");
    } else {
      Fail(start, "expected LIST, TABLE or TASK", type.empty() ? Found() : "'" + type + "'");
    }
    if (q.type != Query::Type::kTask && Keyword("without")) {
      if (!Keyword("id")) Fail(pos_, "expected ID after WITHOUT", Found());
      q.without_id = true;
    }
    if (q.type == Query::Type::kList && !AtCommandOrEnd()) {
      q.list_value = ParseColumn();
    } else if (q.type == Query::Type::kTable && !AtCommandOrEnd()) {
      do {
        q.columns.push_back(ParseColumn());
      } while (Consume(","));
    }
    if (q.type == Query::Type::kTable && q.without_id && q.columns.empty()) {
      Fail(pos_, "TABLE WITHOUT ID needs at least one column", Found());
    }
    if (Keyword("from")) q.from = ParseSourceOr();
    while (true) {
      Skip();
      if (pos_ >= s_.size()) break;
      const size_t at = pos_;
      if (Keyword("where")) {
        Command c;
        c.kind = Command::Kind::kWhere;
        c.expr = ParseExpr();
        q.commands.push_back(std::move(c));
      } else if (Keyword("sort")) {
        Command c;
        c.kind = Command::Kind::kSort;
        do {
          SortKey key;
          key.expr = ParseExpr();
          if (Keyword("desc") || Keyword("descending")) {
            key.ascending = false;
          } else if (!Keyword("asc")) {
            Keyword("ascending");
          }
          c.keys.push_back(std::move(key));
        } while (Consume(","));
        q.commands.push_back(std::move(c));
      } else if (Keyword("group")) {
        if (!Keyword("by")) Fail(pos_, "expected BY after GROUP", Found());
        q.commands.push_back(NamedCommand(Command::Kind::kGroupBy));
      } else if (Keyword("flatten")) {
        q.commands.push_back(NamedCommand(Command::Kind::kFlatten));
      } else if (Keyword("limit")) {
        Command c;
        c.kind = Command::Kind::kLimit;
        Skip();
        const size_t n = pos_;
        while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
        if (n == pos_) Fail(n, "expected a number after LIMIT", Found());
        c.limit = std::atoll(std::string(s_.substr(n, pos_ - n)).c_str());
        q.commands.push_back(std::move(c));
      } else if (Keyword("from")) {
        Fail(at, "FROM must come right after the query type and its fields");
      } else {
        Fail(at, "expected WHERE, SORT, GROUP BY, FLATTEN or LIMIT", Found());
      }
    }
    return q;
  }

  ExprPtr ParseWholeExpression() {
    ExprPtr e = ParseExpr();
    Skip();
    if (pos_ < s_.size()) Fail(pos_, "expected the end of the expression", Found());
    return e;
  }

 private:
  // "line L, column C" of offset `at` (columns count bytes).
  std::string Where(size_t at) const {
    const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), at);
    const size_t line = static_cast<size_t>(next - line_starts_.begin());
    const size_t column = at - line_starts_[line - 1] + 1;
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
  }

  // Counts one level of nesting for as long as it lives.
  class Nesting {
   public:
    Nesting(Parser* p) : p_(p) {
      if (++p_->depth_ > kMaxDepth) {
        p_->Fail(p_->pos_, "the query nests deeper than " + std::to_string(kMaxDepth) + " levels");
      }
    }
    ~Nesting() { --p_->depth_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;

   private:
    Parser* p_;
  };

  [[noreturn]] void Fail(size_t at, const std::string& what, const std::string& found = "") {
    // At the end, point just after the last word rather than at trailing blank lines.
    size_t end = s_.size();
    while (end > 0 && std::isspace(static_cast<unsigned char>(s_[end - 1]))) --end;
    at = std::min(at, end);
    throw Error(ErrorCode::kQuery, "dataview query, " + Where(at) + ": " + what +
                                       (found.empty() ? "" : ", found " + found));
  }

  std::string Found() {
    Skip();
    if (pos_ >= s_.size()) return "the end of the query";
    size_t end = pos_ + 1;
    if (IsIdentChar(s_[pos_])) {
      while (end < s_.size() && IsIdentChar(s_[end])) ++end;
    }
    return "'" + std::string(s_.substr(pos_, end - pos_)) + "'";
  }

  void Skip() {
    while (pos_ < s_.size()) {
      if (std::isspace(static_cast<unsigned char>(s_[pos_]))) {
        ++pos_;
      } else if (s_.compare(pos_, 2, "//") == 0) {  // A comment to the end of the line.
        while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
      } else {
        break;
      }
    }
  }

  // The identifier at pos_, consumed ("" if none).
  std::string Word() {
    Skip();
    const size_t start = pos_;
    if (pos_ < s_.size() && IsIdentStart(s_[pos_])) {
      while (pos_ < s_.size() && IsIdentChar(s_[pos_])) ++pos_;
    }
    return std::string(s_.substr(start, pos_ - start));
  }

  // Consumes `word` (any case) when it is the next identifier.
  bool Keyword(const char* word) {
    Skip();
    const size_t save = pos_;
    if (util::EqualsIgnoreCase(Word(), word)) return true;
    pos_ = save;
    return false;
  }

  bool Consume(std::string_view token) {
    Skip();
    if (s_.compare(pos_, token.size(), token) != 0) return false;
    pos_ += token.size();
    return true;
  }

  void Expect(std::string_view token, const char* what) {
    if (!Consume(token)) Fail(pos_, std::string("expected ") + what, Found());
  }

  bool AtCommandOrEnd() {
    Skip();
    if (pos_ >= s_.size()) return true;
    const size_t save = pos_;
    const std::string w = util::ToLowerAscii(Word());
    pos_ = save;
    for (const char* k : kCommandWords) {
      if (w == k) return true;
    }
    return false;
  }

  Column ParseColumn() {
    Column c;
    Skip();
    const size_t start = pos_;
    c.expr = ParseExpr();
    c.heading = Span(start);
    if (Keyword("as")) c.heading = ParseName();
    return c;
  }

  // An AS name: an identifier or a "quoted string".
  std::string ParseName() {
    Skip();
    if (pos_ < s_.size() && s_[pos_] == '"') return ParseString();
    const std::string w = Word();
    if (w.empty()) Fail(pos_, "expected a name after AS", Found());
    return w;
  }

  Command NamedCommand(Command::Kind kind) {
    Command c;
    c.kind = kind;
    Skip();
    const size_t start = pos_;
    c.expr = ParseExpr();
    c.name = Span(start);
    if (Keyword("as")) c.name = ParseName();
    return c;
  }

  // --- FROM sources ---

  SourcePtr ParseSourceOr() {
    SourcePtr left = ParseSourceAnd();
    while (Keyword("or") || Consume("|")) {
      auto s = std::make_shared<Source>();
      s->kind = Source::Kind::kOr;
      s->parts = {left, ParseSourceAnd()};
      left = s;
    }
    return left;
  }

  SourcePtr ParseSourceAnd() {
    SourcePtr left = ParseSourceUnary();
    while (Keyword("and") || Consume("&")) {
      auto s = std::make_shared<Source>();
      s->kind = Source::Kind::kAnd;
      s->parts = {left, ParseSourceUnary()};
      left = s;
    }
    return left;
  }

  SourcePtr ParseSourceUnary() {
    const Nesting nesting(this);
    if (Consume("-") || Consume("!")) {
      auto s = std::make_shared<Source>();
      s->kind = Source::Kind::kNot;
      s->parts = {ParseSourceUnary()};
      return s;
    }
    Skip();
    auto s = std::make_shared<Source>();
    const size_t at = pos_;
    if (Consume("(")) {
      SourcePtr inner = ParseSourceOr();
      Expect(")", "')'");
      return inner;
    }
    if (Consume("#")) {
      const size_t start = pos_;
      while (pos_ < s_.size() && (IsIdentChar(s_[pos_]) || s_[pos_] == '/')) ++pos_;
      if (start == pos_) Fail(start, "expected a tag name after '#'", Found());
      s->kind = Source::Kind::kTag;
      s->text = std::string(s_.substr(start, pos_ - start));
      return s;
    }
    if (pos_ < s_.size() && s_[pos_] == '"') {
      s->kind = Source::Kind::kFolder;
      s->text = ParseString();
      return s;
    }
    if (s_.compare(pos_, 2, "[[") == 0) {
      s->kind = Source::Kind::kIncoming;
      s->text = ParseLinkTarget();
      return s;
    }
    if (Keyword("outgoing")) {
      Expect("(", "'(' after outgoing");
      Skip();
      if (s_.compare(pos_, 2, "[[") != 0) Fail(pos_, "expected a [[link]] in outgoing()", Found());
      s->kind = Source::Kind::kOutgoing;
      s->text = ParseLinkTarget();
      Expect(")", "')'");
      return s;
    }
    if (Keyword("csv")) Fail(at, "csv() sources are not supported");
    Fail(at, "expected a source: #tag, \"folder\", [[link]] or outgoing([[link]])", Found());
  }

  // [[target|display]] at pos_: returns the target (without display).
  std::string ParseLinkTarget() {
    const size_t start = pos_;
    pos_ += 2;
    const size_t end = s_.find("]]", pos_);
    if (end == std::string_view::npos) Fail(start, "expected ']]' to close the link");
    std::string inner(s_.substr(pos_, end - pos_));
    pos_ = end + 2;
    // [[Note|shown]] and [[Note#Heading]] both mean the note.
    return inner.substr(0, std::min(inner.find('|'), inner.find('#')));
  }

  std::string ParseString() {
    const size_t start = pos_;
    ++pos_;  // The opening quote.
    std::string out;
    while (pos_ < s_.size() && s_[pos_] != '"') {
      if (s_[pos_] == '\\' && pos_ + 1 < s_.size()) {
        const char e = s_[++pos_];
        out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
      } else {
        out += s_[pos_];
      }
      ++pos_;
    }
    if (pos_ >= s_.size()) Fail(start, "expected '\"' to close the string");
    ++pos_;
    return out;
  }

  // --- Expressions ---

  ExprPtr Make(Expr::Kind kind, size_t start, std::string name = "",
               std::vector<ExprPtr> args = {}) {
    if (++nodes_ > kMaxNodes) {
      Fail(start, "the query has more than " + std::to_string(kMaxNodes) + " terms");
    }
    auto e = std::make_shared<Expr>();
    e->kind = kind;
    e->name = std::move(name);
    e->args = std::move(args);
    e->where = Where(start);
    e->text = std::string(util::Trim(s_.substr(start, pos_ - start)));
    if (e->text.size() > kMaxNodeText) e->text = util::TruncateUtf8(e->text, kMaxNodeText) + "...";
    return e;
  }

  // The text of the expression that started at `start` and ends at pos_: a heading.
  std::string Span(size_t start) const {
    return std::string(util::Trim(s_.substr(start, pos_ - start)));
  }

  ExprPtr ParseExpr() {
    const Nesting nesting(this);
    return ParseOr();
  }

  ExprPtr ParseOr() {
    Skip();
    const size_t start = pos_;
    ExprPtr left = ParseAnd();
    while (Keyword("or") || Consume("||") || ConsumeSingle('|')) {
      ExprPtr right = ParseAnd();
      left = Make(Expr::Kind::kBinary, start, "or", {left, right});
    }
    return left;
  }

  ExprPtr ParseAnd() {
    Skip();
    const size_t start = pos_;
    ExprPtr left = ParseCompare();
    while (Keyword("and") || Consume("&&") || ConsumeSingle('&')) {
      ExprPtr right = ParseCompare();
      left = Make(Expr::Kind::kBinary, start, "and", {left, right});
    }
    return left;
  }

  bool ConsumeSingle(char c) {
    Skip();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  ExprPtr ParseCompare() {
    Skip();
    const size_t start = pos_;
    ExprPtr left = ParseAdditive();
    for (const char* op : {"!=", "<=", ">=", "==", "=", "<", ">"}) {
      if (Consume(op)) {
        ExprPtr right = ParseAdditive();
        return Make(Expr::Kind::kBinary, start, op[0] == '=' ? "=" : op, {left, right});
      }
    }
    return left;
  }

  ExprPtr ParseAdditive() {
    Skip();
    const size_t start = pos_;
    ExprPtr left = ParseMultiplicative();
    while (true) {
      Skip();
      if (pos_ >= s_.size() || (s_[pos_] != '+' && s_[pos_] != '-')) break;
      const std::string op(1, s_[pos_++]);
      ExprPtr right = ParseMultiplicative();
      left = Make(Expr::Kind::kBinary, start, op, {left, right});
    }
    return left;
  }

  ExprPtr ParseMultiplicative() {
    Skip();
    const size_t start = pos_;
    ExprPtr left = ParseUnary();
    while (true) {
      Skip();
      if (pos_ >= s_.size() || (s_[pos_] != '*' && s_[pos_] != '/' && s_[pos_] != '%')) break;
      const std::string op(1, s_[pos_++]);
      ExprPtr right = ParseUnary();
      left = Make(Expr::Kind::kBinary, start, op, {left, right});
    }
    return left;
  }

  ExprPtr ParseUnary() {
    Skip();
    const size_t start = pos_;
    if (pos_ < s_.size() && (s_[pos_] == '!' || s_[pos_] == '-') &&
        s_.compare(pos_, 2, "!=") != 0) {
      const Nesting nesting(this);
      const std::string op(1, s_[pos_++]);
      ExprPtr inner = ParseUnary();
      return Make(Expr::Kind::kUnary, start, op, {inner});
    }
    return ParsePostfix();
  }

  ExprPtr ParsePostfix() {
    Skip();
    const size_t start = pos_;
    ExprPtr e = ParsePrimary();
    while (true) {
      if (pos_ < s_.size() && s_[pos_] == '.') {
        ++pos_;
        const std::string name = Word();
        if (name.empty()) Fail(pos_, "expected a field name after '.'", Found());
        e = Make(Expr::Kind::kField, start, name, {e});
      } else if (pos_ < s_.size() && s_[pos_] == '[') {
        ++pos_;
        ExprPtr index = ParseExpr();
        Expect("]", "']'");
        e = Make(Expr::Kind::kIndex, start, "", {e, index});
      } else if (pos_ < s_.size() && s_[pos_] == '(') {
        ++pos_;
        std::vector<ExprPtr> args;
        if (e->kind != Expr::Kind::kVariable) args.push_back(e);
        if (!Consume(")")) {
          do {
            args.push_back(ParseExpr());
          } while (Consume(","));
          Expect(")", "',' or ')'");
        }
        e = Make(Expr::Kind::kCall, start, e->kind == Expr::Kind::kVariable ? e->name : "",
                 std::move(args));
      } else {
        break;
      }
    }
    return e;
  }

  ExprPtr Literal(size_t start, Value v) {
    ExprPtr e = Make(Expr::Kind::kLiteral, start);
    std::const_pointer_cast<Expr>(e)->value = std::move(v);
    return e;
  }

  ExprPtr ParsePrimary() {
    Skip();
    const size_t start = pos_;
    if (pos_ >= s_.size()) Fail(pos_, "expected an expression", Found());
    const char c = s_[pos_];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      while (pos_ < s_.size() &&
             (std::isdigit(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '.')) {
        ++pos_;
      }
      return Literal(start,
                     Value::Number(std::atof(std::string(s_.substr(start, pos_ - start)).c_str())));
    }
    if (c == '"') return Literal(start, Value::String(ParseString()));
    if (s_.compare(pos_, 3, "\u201c") == 0 || s_.compare(pos_, 3, "\u201d") == 0) {
      Fail(start, "curly quotes are not string quotes: write \"text\"");
    }
    if ((s_.compare(pos_, 2, "[[") == 0 || s_.compare(pos_, 3, "![[") == 0) && IsLinkAhead()) {
      const bool embed = c == '!';
      pos_ += embed ? 1 : 0;
      const size_t inner = pos_ + 2;
      const size_t end = s_.find("]]", inner);
      if (end == std::string_view::npos) Fail(start, "expected ']]' to close the link");
      const std::string body(s_.substr(inner, end - inner));
      pos_ = end + 2;
      LinkValue link;
      const size_t bar = body.find('|');
      std::string target = bar == std::string::npos ? body : body.substr(0, bar);
      if (bar != std::string::npos) link.display = body.substr(bar + 1);
      const size_t hash = target.find('#');
      if (hash != std::string::npos) {
        link.subpath = target.substr(hash + 1);
        target.resize(hash);
      }
      link.path = target;  // Resolved to a note's path when evaluated.
      link.embed = embed;
      ExprPtr e = Literal(start, Value::Link(std::move(link)));
      std::const_pointer_cast<Expr>(e)->name = "link-literal";
      return e;
    }
    if (c == '[') {
      ++pos_;
      std::vector<ExprPtr> items;
      if (!Consume("]")) {
        do {
          items.push_back(ParseExpr());
        } while (Consume(","));
        Expect("]", "',' or ']'");
      }
      return Make(Expr::Kind::kList, start, "", std::move(items));
    }
    if (c == '{') {
      ++pos_;
      std::vector<ExprPtr> values;
      std::vector<std::string> names;
      if (!Consume("}")) {
        do {
          Skip();
          names.push_back(pos_ < s_.size() && s_[pos_] == '"' ? ParseString() : Word());
          if (names.back().empty()) Fail(pos_, "expected a key", Found());
          Expect(":", "':'");
          values.push_back(ParseExpr());
        } while (Consume(","));
        Expect("}", "',' or '}'");
      }
      ExprPtr e = Make(Expr::Kind::kObject, start, "", std::move(values));
      std::const_pointer_cast<Expr>(e)->names = std::move(names);
      return e;
    }
    if (c == '(') {
      if (LooksLikeLambda()) Fail(start, "lambdas ((x) => ...) are not supported");
      ++pos_;
      ExprPtr inner = ParseExpr();
      Expect(")", "')'");
      return inner;
    }
    if (IsIdentStart(c)) {
      const std::string word = Word();
      const std::string lower = util::ToLowerAscii(word);
      if (lower == "true" || lower == "false")
        return Literal(start, Value::Boolean(lower == "true"));
      if (lower == "null") return Literal(start, Value());
      if ((lower == "date" || lower == "dur") && pos_ < s_.size() && s_[pos_] == '(') {
        if (ExprPtr literal = RawLiteralCall(start, lower)) return literal;
      }
      return Make(Expr::Kind::kVariable, start, word);
    }
    Fail(start, "expected an expression", Found());
  }

  // date(2025-10-01), date(today), dur(1 week): the argument is text, not an expression.
  ExprPtr RawLiteralCall(size_t start, const std::string& fn) {
    const size_t close = s_.find(')', pos_);
    if (close == std::string_view::npos) return nullptr;
    const std::string raw(util::Trim(s_.substr(pos_ + 1, close - pos_ - 1)));
    bool literal = false;
    if (fn == "date") {
      static const char* const kWords[] = {"today", "now", "tomorrow", "yesterday", "sow",
                                           "eow",   "som", "eom",      "soy",       "eoy"};
      for (const char* w : kWords) literal = literal || util::EqualsIgnoreCase(raw, w);
      literal = literal || ParseDate(raw).has_value();
    } else {
      literal = !raw.empty() && raw[0] != '"' && ParseDuration(raw).has_value();
    }
    if (!literal) return nullptr;
    const size_t arg_start = pos_ + 1;
    pos_ = close + 1;
    ExprPtr arg = Literal(arg_start, Value::String(raw));
    return Make(Expr::Kind::kCall, start, fn, {arg});
  }

  // Whether [[...]] at pos_ is a link: no brackets inside ([[1, 2], [3]] is a list).
  bool IsLinkAhead() const {
    const size_t open = s_.find("[[", pos_) + 2;
    const size_t close = s_.find("]]", open);
    if (close == std::string_view::npos) return true;  // Reported as an unclosed link.
    return s_.substr(open, close - open).find_first_of("[]") == std::string_view::npos;
  }

  bool LooksLikeLambda() {
    const size_t close = s_.find(')', pos_);
    if (close == std::string_view::npos) return false;
    size_t after = close + 1;
    while (after < s_.size() && std::isspace(static_cast<unsigned char>(s_[after]))) ++after;
    return s_.compare(after, 2, "=>") == 0;
  }

  std::string_view s_;
  size_t pos_ = 0;
  std::vector<size_t> line_starts_{0};  // Offsets where lines begin.
  int depth_ = 0;
  int nodes_ = 0;
};

}  // namespace

Query ParseQuery(std::string_view text) { return Parser(text).ParseQuery(); }

ExprPtr ParseExpression(std::string_view text) { return Parser(text).ParseWholeExpression(); }

}  // namespace notestore::dataview
