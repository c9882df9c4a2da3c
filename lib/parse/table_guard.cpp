#include "parse/table_guard.h"

#include <vector>

#include "util/text.h"

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

class Guard {
 public:
  Guard(std::string_view body, int first_line, const TableLimits& limits, Diagnostics* diags)
      : body_(body), first_line_(first_line), limits_(limits), diags_(diags) {
    size_t start = 0;
    while (start <= body.size()) {
      const size_t nl = body.find('\n', start);
      const size_t end = nl == std::string_view::npos ? body.size() : nl;
      lines_.push_back({start, end});
      if (nl == std::string_view::npos) break;
      start = nl + 1;
    }
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
      i = Rows(i, columns);
    }
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
    size_t j = delimiter + 1;
    for (; j < lines_.size() && !IsBlank(Line(j)); ++j) {
      cells += columns;  // cmark pads short rows to the header's width.
      if (cells > limits_.max_cells) {
        for (size_t k = lines_[j].first; k < lines_[j].second; ++k) Copy()[k] = ' ';
        AddDiagnostic(diags_, Severity::kWarning, "table-too-large",
                      "table has more than " + std::to_string(limits_.max_cells) +
                          " cells; rows from line " + std::to_string(FileLine(j)) +
                          " on are read as text",
                      FileLine(delimiter - 1));
        return j;
      }
      // GFM ignores cells past the header's count; leave them unsplit.
      const std::vector<size_t> pipes = CellPipes(Line(j));
      for (size_t p = static_cast<size_t>(columns) + 1; p < pipes.size(); ++p) {
        Copy()[lines_[j].first + pipes[p]] = ' ';
      }
    }
    return j;
  }

  std::string_view body_;
  int first_line_;
  const TableLimits& limits_;
  Diagnostics* diags_;
  std::vector<std::pair<size_t, size_t>> lines_;  // [begin, end) of each line.
  std::optional<std::string> copy_;
};

}  // namespace

std::optional<std::string> GuardTables(std::string_view body, int first_line,
                                       const TableLimits& limits, Diagnostics* diagnostics) {
  if (body.find('|') == std::string_view::npos) return std::nullopt;
  return Guard(body, first_line, limits, diagnostics).Run();
}

}  // namespace notestore::parse
