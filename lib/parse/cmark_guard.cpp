#include "parse/cmark_guard.h"

#include <vector>

#include "util/text.h"
#include "util/utf8.h"

namespace notestore::parse {
namespace {

// A line without its container prefix (indentation and block quote markers).
std::string_view Content(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '>')) ++i;
  return line.substr(i);
}

bool IsBlank(std::string_view line) { return util::Trim(Content(line)).empty(); }

// The columns of a GFM delimiter row ("| --- | :-: |"), or 0 when `line` is not one.
int DelimiterColumns(std::string_view line) {
  bool pipe = false;
  bool dash = false;
  bool in_cell = false;
  int columns = 0;
  for (char c : Content(line)) {
    if (c == '|') {
      pipe = true;
      in_cell = false;
    } else if (c == '-' || c == ':') {
      dash = dash || c == '-';
      if (!in_cell) ++columns;
      in_cell = true;
    } else if (c != ' ' && c != '\t') {
      return 0;
    }
  }
  return pipe && dash ? columns : 0;
}

// Positions of the pipes that separate cells (not "\|").
std::vector<size_t> CellPipes(std::string_view line) {
  std::vector<size_t> out;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
    } else if (line[i] == '|') {
      out.push_back(i);
    }
  }
  return out;
}

// Inline markup that costs cmark a node per character.
constexpr std::string_view kInlineMarkup = "[]*_`!&\\<";
// Bodies with less of it than this go to cmark as they are.
constexpr size_t kDenseMarkup = 100000;
// Lines with a pipe outside any table are left alone up to this length, in case they
// belong to a table this guard does not recognize.
constexpr size_t kLongLine = 4096;

bool IsListMarkerEnd(std::string_view line, size_t i, size_t j) {
  return j > i && (j == line.size() || line[j] == ' ' || line[j] == '\t');
}

// Where a line's inline content starts: after indentation, block quote markers, list
// markers (any number: "- - [ ] x") and a task checkbox.
size_t BlockPrefixEnd(std::string_view line) {
  size_t i = 0;
  while (true) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i < line.size() && line[i] == '>') {
      ++i;
      continue;
    }
    size_t j = i;
    if (j < line.size() && (line[j] == '-' || line[j] == '*' || line[j] == '+')) {
      ++j;
    } else {
      while (j < line.size() && j - i < 9 && line[j] >= '0' && line[j] <= '9') ++j;
      j = j > i && j < line.size() && (line[j] == '.' || line[j] == ')') ? j + 1 : i;
    }
    if (!IsListMarkerEnd(line, i, j)) break;
    i = j;
  }
  if (i + 2 < line.size() && line[i] == '[') {
    size_t k = i + 1;
    util::DecodeUtf8(line, &k);
    if (k < line.size() && line[k] == ']') i = k + 1;
  }
  return i;
}

// Whether blanking the inline markup of `content` (a line from BlockPrefixEnd on) could
// change what cmark makes of the blocks: headings, fences, HTML blocks and their ends,
// thematic breaks, setext underlines, table rows.
bool ShapesBlocks(std::string_view line, std::string_view content) {
  if (content.empty()) return true;
  if (std::string_view("#`~<|").find(content[0]) != std::string_view::npos) return true;
  if (content.find_first_not_of("-*_=:| \t") == std::string_view::npos) return true;
  return line.find("</") != std::string_view::npos || line.find("]]>") != std::string_view::npos;
}

class Guard {
 public:
  Guard(std::string_view body, int first_line, const TableLimits& limits, Diagnostics* diags)
      : body_(body), first_line_(first_line), limits_(limits), diags_(diags) {
    size_t start = 0;
    while (start <= body.size()) {
      const size_t nl = body.find('\n', start);
      const size_t end = nl == std::string_view::npos ? body.size() : nl;
      lines_.emplace_back(start, end);
      if (nl == std::string_view::npos) break;
      start = nl + 1;
    }
    in_table_.assign(lines_.size(), false);
  }

  std::optional<std::string> Run() {
    for (size_t i = 1; i < lines_.size(); ++i) {
      const int columns = DelimiterColumns(Line(i));
      if (columns == 0 || IsBlank(Line(i - 1))) continue;
      if (CellPipes(Line(i - 1)).size() > static_cast<size_t>(columns) + 1) {
        Defuse(i);  // The header has more cells than the delimiter row: no table.
        continue;
      }
      if (columns > limits_.max_columns) {
        Defuse(i);
        AddDiagnostic(diags_, Severity::kWarning, "table-too-wide",
                      "table of " + std::to_string(columns) + " columns is over the limit of " +
                          std::to_string(limits_.max_columns) + "; read as text",
                      FileLine(i - 1));
        continue;
      }
      in_table_[i - 1] = in_table_[i] = true;
      i = Rows(i, columns);
    }
    if (CountInlineMarkup() >= kDenseMarkup) BlankInlineMarkup();
    if (!copy_) return std::nullopt;
    return std::move(*copy_);
  }

 private:
  std::string_view Line(size_t i) const {
    return body_.substr(lines_[i].first, lines_[i].second - lines_[i].first);
  }
  int FileLine(size_t i) const { return first_line_ + static_cast<int>(i); }
  std::string& Copy() {
    if (!copy_) copy_ = std::string(body_);
    return *copy_;
  }

  // Spoils the delimiter row so cmark does not start a table (and parse its cells) there.
  void Defuse(size_t i) {
    const size_t dash = Line(i).find_first_of("-:");
    Copy()[lines_[i].first + dash] = 'x';
  }

  // Walks the rows after the delimiter row at `delimiter`; returns the last line looked at.
  size_t Rows(size_t delimiter, int columns) {
    int64_t cells = columns;  // The header.
    int64_t bytes = static_cast<int64_t>(Line(delimiter - 1).size() + Line(delimiter).size());
    size_t j = delimiter + 1;
    for (; j < lines_.size() && !IsBlank(Line(j)); ++j) {
      cells += columns;  // cmark pads short rows to the header's width.
      bytes += static_cast<int64_t>(Line(j).size()) + 1;
      if (cells > limits_.max_cells || bytes > limits_.max_bytes) {
        for (size_t k = lines_[j].first; k < lines_[j].second; ++k) Copy()[k] = ' ';
        const std::string limit = cells > limits_.max_cells
                                      ? std::to_string(limits_.max_cells) + " cells"
                                      : std::to_string(limits_.max_bytes) + " bytes";
        AddDiagnostic(diags_, Severity::kWarning, "table-too-large",
                      "table has more than " + limit + "; rows from line " +
                          std::to_string(FileLine(j)) + " on are read as text",
                      FileLine(delimiter - 1));
        return j;
      }
      in_table_[j] = true;
      // GFM ignores cells past the header's count; leave them unsplit.
      const std::vector<size_t> pipes = CellPipes(Line(j));
      for (size_t p = static_cast<size_t>(columns) + 1; p < pipes.size(); ++p) {
        Copy()[lines_[j].first + pipes[p]] = ' ';
      }
    }
    return j;
  }

  size_t CountInlineMarkup() const {
    size_t n = 0;
    for (char c : body_) n += kInlineMarkup.find(c) != std::string_view::npos;
    return n;
  }

  // Turns inline markup into plain letters on every line where that cannot change the
  // blocks, so cmark makes one text node of it instead of one per character.
  void BlankInlineMarkup() {
    for (size_t i = 0; i < lines_.size(); ++i) {
      const std::string_view line = Line(i);
      if (in_table_[i]) continue;  // Table cells are read from cmark.
      if (line.find('|') != std::string_view::npos && line.size() < kLongLine) continue;
      const size_t start = BlockPrefixEnd(line);
      if (ShapesBlocks(line, line.substr(start))) continue;
      for (size_t k = start; k < line.size(); ++k) {
        if (kInlineMarkup.find(line[k]) != std::string_view::npos) {
          Copy()[lines_[i].first + k] = 'x';
        }
      }
    }
  }

  std::string_view body_;
  int first_line_;
  const TableLimits& limits_;
  Diagnostics* diags_;
  std::vector<std::pair<size_t, size_t>> lines_;  // [begin, end) of each line.
  std::vector<bool> in_table_;                    // Lines of tables cmark will read.
  std::optional<std::string> copy_;
};

}  // namespace

std::optional<std::string> GuardForCmark(std::string_view body, int first_line,
                                         const TableLimits& limits, Diagnostics* diagnostics) {
  if (body.size() < kDenseMarkup && body.find('|') == std::string_view::npos) {
    return std::nullopt;  // Neither a table nor enough markup to matter.
  }
  return Guard(body, first_line, limits, diagnostics).Run();
}

}  // namespace notestore::parse
