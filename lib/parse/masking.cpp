#include "parse/masking.h"

#include <algorithm>

#include "util/text.h"

namespace notestore::parse {
namespace {

// Answers "is line N inside a code block" for lines visited in increasing order.
class CodeLineCursor {
 public:
  explicit CodeLineCursor(const LineRanges& ranges) : ranges_(ranges) {}
  bool Contains(int line) {
    while (next_ < ranges_.size() && ranges_[next_].second < line) ++next_;
    return next_ < ranges_.size() && ranges_[next_].first <= line;
  }

 private:
  const LineRanges& ranges_;
  size_t next_ = 0;
};

void Blank(std::string* s, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) {
    if ((*s)[i] != '\n') (*s)[i] = ' ';
  }
}

size_t BacktickRun(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size() && s[j] == '`') ++j;
  return j - i;
}

// Blanks CommonMark code spans in one run of consecutive non-blank lines.
void MaskCodeSpans(std::string* text, size_t begin, size_t end) {
  const std::string_view s(*text);
  size_t i = begin;
  while (i < end) {
    if (s[i] == '\\') {
      i += 2;
      continue;
    }
    if (s[i] != '`') {
      ++i;
      continue;
    }
    const size_t n = BacktickRun(s, i);
    size_t j = i + n;
    size_t close = std::string_view::npos;
    while (j < end) {
      if (s[j] == '`') {
        const size_t m = BacktickRun(s, j);
        if (m == n) {
          close = j;
          break;
        }
        j += m;
      } else {
        ++j;
      }
    }
    if (close == std::string_view::npos) {
      i += n;  // No closer: the backticks are literal.
      continue;
    }
    Blank(text, i, close + n);
    i = close + n;
  }
}

}  // namespace

std::string BlankComments(std::string_view body, int first_line, const LineRanges& code_lines,
                          bool* changed) {
  std::string out(body);
  *changed = false;
  CodeLineCursor code(code_lines);
  enum class State { kText, kObsidian, kHtml } state = State::kText;
  size_t comment_start = 0;
  size_t pos = 0;
  int line = first_line;
  while (pos < body.size()) {
    size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) eol = body.size();
    const bool in_code = code.Contains(line);
    size_t i = pos;
    while (i < eol) {
      if (state == State::kText) {
        if (in_code) break;
        if (body[i] == '`') {  // Skip a code span on this line.
          const size_t n = BacktickRun(body, i);
          const size_t close = body.find(std::string(n, '`'), i + n);
          i = (close != std::string_view::npos && close < eol) ? close + n : i + n;
          continue;
        }
        if (body.compare(i, 2, "%%") == 0) {
          state = State::kObsidian;
          comment_start = i;
          i += 2;
          continue;
        }
        if (body.compare(i, 4, "<!--") == 0) {
          state = State::kHtml;
          comment_start = i;
          i += 4;
          continue;
        }
        ++i;
      } else {
        const std::string_view closer = state == State::kObsidian ? "%%" : "-->";
        if (body.compare(i, closer.size(), closer) == 0) {
          Blank(&out, comment_start, i + closer.size());
          *changed = true;
          state = State::kText;
          i += closer.size();
          continue;
        }
        ++i;
      }
    }
    pos = eol + 1;
    ++line;
  }
  if (state != State::kText) {
    Blank(&out, comment_start, out.size());
    *changed = true;
  }
  return out;
}

std::string MaskCode(std::string_view body, int first_line, const LineRanges& code_lines) {
  std::string out(body);
  CodeLineCursor code(code_lines);
  size_t pos = 0;
  int line = first_line;
  size_t run_start = std::string::npos;  // Start of the current run of text lines.
  while (pos <= body.size()) {
    size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) eol = body.size();
    const bool in_code = code.Contains(line);
    const bool blank = util::Trim(body.substr(pos, eol - pos)).empty();
    if (in_code || blank) {
      if (run_start != std::string::npos) MaskCodeSpans(&out, run_start, pos);
      run_start = std::string::npos;
      if (in_code) Blank(&out, pos, eol);
    } else if (run_start == std::string::npos) {
      run_start = pos;
    }
    if (eol == body.size()) break;
    pos = eol + 1;
    ++line;
  }
  if (run_start != std::string::npos) MaskCodeSpans(&out, run_start, out.size());
  return out;
}

}  // namespace notestore::parse
