#include "parse/inline_syntax.h"

#include "util/text.h"
#include "util/utf8.h"

namespace notestore::parse {
namespace {

using util::IsSpace;

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Letters of the scripts notes are written in. Symbols, punctuation and emoji are not.
bool IsNonAsciiLetter(char32_t cp) {
  return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x370 && cp <= 0x52F) ||
         (cp >= 0x590 && cp <= 0x6FF) || (cp >= 0x900 && cp <= 0xDFF) ||
         (cp >= 0x1E00 && cp <= 0x1FFF) || (cp >= 0x3040 && cp <= 0x30FF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF);
}
bool IsUpperNonAscii(char32_t cp) {
  return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3A9) ||
         (cp >= 0x410 && cp <= 0x42F);
}

// Non-ASCII characters that end a tag: Latin-1 punctuation, general punctuation,
// CJK punctuation and full-width ASCII punctuation.
bool EndsTag(char32_t cp) {
  return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) ||
         (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
         cp == util::kReplacementChar;
}

// The closing bracket of every '[' and '(' of a line, found in one pass so that lines of
// thousands of unbalanced brackets stay linear. Brackets pair only with their own kind;
// escaped ones ("\\[") are text.
class BracketPairs {
 public:
  explicit BracketPairs(std::string_view s) : close_(s.size(), std::string_view::npos) {
    std::vector<size_t> square;
    std::vector<size_t> round;
    for (size_t i = 0; i < s.size(); ++i) {
      switch (s[i]) {
        case '\\':
          ++i;
          break;
        case '[':
          square.push_back(i);
          break;
        case '(':
          round.push_back(i);
          break;
        case ']':
          Pop(&square, i);
          break;
        case ')':
          Pop(&round, i);
          break;
        default:
          break;
      }
    }
  }
  // The index of the bracket closing the one at `open`, or npos when it is unbalanced.
  size_t CloseOf(size_t open) const { return close_[open]; }

 private:
  void Pop(std::vector<size_t>* opens, size_t at) {
    if (opens->empty()) return;
    close_[opens->back()] = at;
    opens->pop_back();
  }
  std::vector<size_t> close_;
};

std::string PercentDecode(std::string_view s) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      const int hi = hex(s[i + 1]);
      const int lo = hex(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

bool HasUrlScheme(std::string_view dest) {
  size_t i = 0;
  if (dest.empty() || !((dest[0] >= 'a' && dest[0] <= 'z') || (dest[0] >= 'A' && dest[0] <= 'Z'))) {
    return false;
  }
  while (i < dest.size() && i < 33 &&
         (IsAsciiAlnum(dest[i]) || dest[i] == '+' || dest[i] == '.' || dest[i] == '-')) {
    ++i;
  }
  return i >= 2 && i < dest.size() && dest[i] == ':';
}

// Splits "target#sub" into its parts.
void SplitSubpath(std::string_view left, std::string* target, std::string* subpath) {
  const size_t hash = left.find('#');
  if (hash == std::string_view::npos) {
    *target = std::string(util::Trim(left));
    subpath->clear();
  } else {
    *target = std::string(util::Trim(left.substr(0, hash)));
    *subpath = std::string(util::Trim(left.substr(hash + 1)));
  }
}

bool IsFieldKeyChar(char c) {
  return IsAsciiAlnum(c) || c == ' ' || c == '_' || c == '-' || c == '/' || c == '.' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool ValidFieldKey(std::string_view key) {
  key = util::Trim(key);
  if (key.empty() || key.size() > 64) return false;
  for (char c : key) {
    if (!IsFieldKeyChar(c)) return false;
  }
  return true;
}

// Reads one word of a name at s[i]: letters, digits and ' . - _ inside. Returns its end.
size_t NameWordEnd(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size()) {
    const char c = s[j];
    if (IsAsciiAlnum(c) || c == '\'' || c == '-' || c == '_' || c == '.') {
      ++j;
      continue;
    }
    if (static_cast<unsigned char>(c) >= 0x80) {
      size_t k = j;
      if (IsNonAsciiLetter(util::DecodeUtf8(s, &k))) {
        j = k;
        continue;
      }
    }
    break;
  }
  while (j > i && (s[j - 1] == '.' || s[j - 1] == '-' || s[j - 1] == '\'' || s[j - 1] == '_')) --j;
  return j;
}

bool StartsNameWord(std::string_view s, size_t i, bool must_be_upper) {
  if (i >= s.size()) return false;
  const char c = s[i];
  if (static_cast<unsigned char>(c) < 0x80) {
    return must_be_upper ? IsAsciiUpper(c) : (IsAsciiAlnum(c) && !IsDigit(c));
  }
  size_t k = i;
  const char32_t cp = util::DecodeUtf8(s, &k);
  return must_be_upper ? IsUpperNonAscii(cp) : IsNonAsciiLetter(cp);
}

}  // namespace

std::vector<TagMatch> FindTags(std::string_view s) {
  std::vector<TagMatch> out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '#' || (i > 0 && !IsSpace(s[i - 1]))) continue;
    size_t j = i + 1;
    bool has_non_digit = false;
    while (j < s.size()) {
      const char c = s[j];
      if (static_cast<unsigned char>(c) < 0x80) {
        if (!(IsAsciiAlnum(c) || c == '_' || c == '-' || c == '/')) break;
        if (!IsDigit(c)) has_non_digit = true;
        ++j;
        continue;
      }
      size_t k = j;
      if (EndsTag(util::DecodeUtf8(s, &k))) break;
      has_non_digit = true;
      j = k;
    }
    if (j > i + 1 && has_non_digit) {
      out.push_back(TagMatch{{i, j}, std::string(s.substr(i + 1, j - i - 1))});
      i = j - 1;
    }
  }
  return out;
}

std::vector<LinkMatch> FindWikilinks(std::string_view s) {
  std::vector<LinkMatch> out;
  size_t pos = 0;
  while ((pos = s.find("[[", pos)) != std::string_view::npos) {
    const size_t close = s.find("]]", pos + 2);
    if (close == std::string_view::npos) break;
    const size_t inner_open = s.rfind("[[", close);  // "[[a [[b]]" links to b.
    std::string inner(s.substr(inner_open + 2, close - inner_open - 2));
    if (util::Trim(inner).empty()) {
      pos = close + 2;
      continue;
    }
    LinkMatch m;
    m.embed = inner_open > 0 && s[inner_open - 1] == '!';
    m.span = {m.embed ? inner_open - 1 : inner_open, close + 2};
    // Obsidian reads a '|' right after "[[" as part of the target ("[[|alias]]").
    size_t bar = inner.find("\\|", 1);
    size_t bar_len = 2;
    const size_t plain_bar = inner.find('|', 1);
    if (bar == std::string::npos || (plain_bar != std::string::npos && plain_bar < bar)) {
      bar = plain_bar;
      bar_len = 1;
    }
    std::string_view left = inner;
    if (bar != std::string::npos) {
      left = std::string_view(inner).substr(0, bar);
      m.display = std::string(util::Trim(std::string_view(inner).substr(bar + bar_len)));
    }
    SplitSubpath(left, &m.target, &m.subpath);
    out.push_back(std::move(m));
    pos = close + 2;
  }
  return out;
}

std::vector<LinkMatch> FindMarkdownLinks(std::string_view s) {
  std::vector<LinkMatch> out;
  if (s.find("](") == std::string_view::npos) return out;
  const BracketPairs pairs(s);
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
      continue;
    }
    if (s[i] != '[') continue;
    if (i + 1 < s.size() && s[i + 1] == '[') {  // A wikilink: skip past it.
      const size_t close = s.find("]]", i + 2);
      if (close == std::string_view::npos) return out;
      i = close + 1;
      continue;
    }
    const size_t text_end = pairs.CloseOf(i);
    if (text_end == std::string_view::npos) continue;
    if (text_end + 1 >= s.size() || s[text_end + 1] != '(') {
      continue;
    }
    const size_t dest_open = text_end + 1;
    const size_t dest_close = pairs.CloseOf(dest_open);
    if (dest_close == std::string_view::npos) continue;
    std::string_view dest = util::Trim(s.substr(dest_open + 1, dest_close - dest_open - 1));
    if (!dest.empty() && dest.front() == '<') {
      const size_t gt = dest.find('>');
      dest = gt == std::string_view::npos ? dest.substr(1) : dest.substr(1, gt - 1);
    } else {
      const size_t space = dest.find_first_of(" \t");
      if (space != std::string_view::npos) dest = dest.substr(0, space);  // Drop a "title".
    }
    const bool embed = i > 0 && s[i - 1] == '!';
    if (!dest.empty() && !HasUrlScheme(dest)) {
      LinkMatch m;
      m.wiki = false;
      m.embed = embed;
      m.span = {embed ? i - 1 : i, dest_close + 1};
      m.display = std::string(util::Trim(s.substr(i + 1, text_end - i - 1)));
      SplitSubpath(PercentDecode(dest), &m.target, &m.subpath);
      out.push_back(std::move(m));
    }
    i = dest_close;
  }
  return out;
}

std::vector<FieldMatch> FindBracketFields(std::string_view s) {
  std::vector<FieldMatch> out;
  if (s.find("::") == std::string_view::npos) return out;
  const BracketPairs pairs(s);
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '[' && s[i] != '(') continue;
    if (s[i] == '[' && i + 1 < s.size() && s[i + 1] == '[') {
      ++i;  // Wikilinks are not fields.
      continue;
    }
    const size_t close = pairs.CloseOf(i);
    if (close == std::string_view::npos) continue;
    const std::string_view inner = s.substr(i + 1, close - i - 1);
    const size_t sep = inner.find("::");
    if (sep == std::string_view::npos || !ValidFieldKey(inner.substr(0, sep)) ||
        IsSpace(inner.front())) {
      continue;
    }
    out.push_back(FieldMatch{{i, close + 1},
                             std::string(util::Trim(inner.substr(0, sep))),
                             std::string(util::Trim(inner.substr(sep + 2)))});
    i = close;
  }
  return out;
}

bool MatchLineField(std::string_view s, FieldMatch* out) {
  if (util::StartsWith(s, "**") || util::StartsWith(s, "__")) {
    const std::string_view marker = s.substr(0, 2);
    const size_t close = s.find(marker, 2);
    if (close == std::string_view::npos) return false;
    std::string_view key = s.substr(2, close - 2);
    size_t after = close + 2;
    if (!key.empty() && key.back() == ':') {
      key.remove_suffix(1);  // **Key:** value
      if (util::StartsWith(s.substr(after), ":")) ++after;
    } else if (util::StartsWith(s.substr(after), "::")) {
      after += 2;  // **Key**:: value (Dataview with a bold key)
    } else if (util::StartsWith(s.substr(after), ":")) {
      after += 1;  // **Key**: value
    } else {
      return false;
    }
    const std::string_view value = util::Trim(s.substr(after));
    if (!ValidFieldKey(key) || value.empty()) return false;
    *out = FieldMatch{{0, s.size()}, std::string(util::Trim(key)), std::string(value)};
    return true;
  }
  const size_t sep = s.find("::");
  if (sep == std::string_view::npos || sep == 0 || IsSpace(s[0]) ||
      !ValidFieldKey(s.substr(0, sep))) {
    return false;
  }
  *out = FieldMatch{{0, s.size()},
                    std::string(util::Trim(s.substr(0, sep))),
                    std::string(util::Trim(s.substr(sep + 2)))};
  return true;
}

std::vector<MentionMatch> FindMentions(std::string_view s) {
  std::vector<MentionMatch> out;
  const size_t last_close = s.rfind("]]");  // Bounds the search of every "@[[".
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '@' || (i > 0 && !IsSpace(s[i - 1]) && s[i - 1] != '(')) continue;
    if (util::StartsWith(s.substr(i + 1), "[[")) {
      if (last_close == std::string_view::npos || last_close < i + 3) continue;
      const size_t close = s.find("]]", i + 3);
      std::vector<LinkMatch> links = FindWikilinks(s.substr(i + 1, close + 2 - i - 1));
      if (!links.empty() && !links[0].target.empty()) {
        out.push_back(MentionMatch{{i, close + 2}, links[0].target});
      }
      i = close + 1;
      continue;
    }
    if (!StartsNameWord(s, i + 1, /*must_be_upper=*/false)) continue;
    size_t end = NameWordEnd(s, i + 1);
    for (int words = 1; words < 4; ++words) {
      // A following word joins the name when it is capitalized: "@Sam Hopewell".
      if (end + 1 >= s.size() || s[end] != ' ' || !StartsNameWord(s, end + 1, true)) break;
      const size_t next = NameWordEnd(s, end + 1);
      if (next == end + 1) break;
      end = next;
    }
    out.push_back(MentionMatch{{i, end}, std::string(s.substr(i + 1, end - i - 1))});
    i = end - 1;
  }
  return out;
}

size_t LineContentStart(std::string_view line) {
  size_t i = 0;
  auto skip_spaces = [&] {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  };
  skip_spaces();
  while (i < line.size() && line[i] == '>') {
    ++i;
    skip_spaces();
  }
  const size_t marker = i;
  if (i < line.size() && (line[i] == '-' || line[i] == '*' || line[i] == '+')) {
    ++i;
  } else {
    while (i < line.size() && i - marker < 9 && IsDigit(line[i])) ++i;
    if (i == marker || i >= line.size() || (line[i] != '.' && line[i] != ')')) return marker;
    ++i;
  }
  if (i < line.size() && line[i] != ' ' && line[i] != '\t') return marker;  // "-foo", "1.5"
  skip_spaces();
  if (i < line.size() && line[i] == '[') {
    size_t k = i + 1;
    if (k < line.size()) {
      util::DecodeUtf8(line, &k);
      if (k < line.size() && line[k] == ']' && (k + 1 == line.size() || line[k + 1] == ' ')) {
        i = k + 1;
        skip_spaces();
      }
    }
  }
  return i;
}

std::string PlainText(std::string_view markup) {
  std::string text;
  size_t pos = 0;
  for (const LinkMatch& m : FindWikilinks(markup)) {
    text.append(markup.substr(pos, m.span.begin - pos));
    text.append(m.display.empty() ? m.target : m.display);
    pos = m.span.end;
  }
  text.append(markup.substr(pos));
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size() && !IsAsciiAlnum(text[i + 1])) {
      out.push_back(text[++i]);
      continue;
    }
    if (c == '`') continue;
    if (c == '*' || c == '_' || c == '~') {
      // Emphasis markers sit at word edges; "snake_case" keeps its underscore.
      const bool prev_word = i > 0 && (IsAsciiAlnum(text[i - 1]));
      const bool next_word = i + 1 < text.size() && IsAsciiAlnum(text[i + 1]);
      if (!(prev_word && next_word)) continue;
    }
    out.push_back(c);
  }
  return util::CollapseWhitespace(out);
}

}  // namespace notestore::parse
