#include "table.h"

#include <algorithm>
#include <cstdlib>
#include <numeric>

#include "terminal.h"

namespace notestore::cli {

size_t DisplayWidth(const std::string& s) {
  size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;  // Count lead bytes only.
  }
  return n;
}

std::string Truncate(const std::string& s, size_t width) {
  if (DisplayWidth(s) <= width) return s;
  if (width == 0) return "";
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool lead = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    if (lead && ++chars > width - 1) break;
    out.push_back(s[i]);
  }
  return out + "…";
}

int OutputWidth() {
  if (StdoutIsTerminal()) return TerminalWidth();
  if (const char* columns = std::getenv("COLUMNS")) {
    const int n = std::atoi(columns);
    if (n > 20) return n;
  }
  return 0;
}

void Table::AddRow(std::vector<std::string> cells) {
  cells.resize(columns_.size());
  for (std::string& c : cells) std::replace(c.begin(), c.end(), '\n', ' ');
  rows_.push_back(std::move(cells));
}

std::string Table::Render(int width) const {
  const size_t n = columns_.size();
  std::vector<size_t> widths(n);
  for (size_t c = 0; c < n; ++c) {
    widths[c] = DisplayWidth(columns_[c].header);
    for (const auto& row : rows_) widths[c] = std::max(widths[c], DisplayWidth(row[c]));
  }
  const size_t gaps = n > 0 ? 2 * (n - 1) : 0;
  size_t total = std::accumulate(widths.begin(), widths.end(), gaps);
  // Shrink the widest flexible column, a character at a time, until the table fits.
  while (width > 0 && total > static_cast<size_t>(width)) {
    size_t widest = n;
    for (size_t c = 0; c < n; ++c) {
      if (columns_[c].flexible && widths[c] > 8 && (widest == n || widths[c] > widths[widest])) {
        widest = c;
      }
    }
    if (widest == n) break;
    --widths[widest];
    --total;
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (size_t c = 0; c < n; ++c) {
      const std::string cell = Truncate(cells[c], widths[c]);
      const std::string pad(widths[c] - DisplayWidth(cell), ' ');
      if (c > 0) out += "  ";
      out += columns_[c].right_align ? pad + cell : (c + 1 == n ? cell : cell + pad);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::vector<std::string> headers;
  for (const Column& c : columns_) headers.push_back(c.header);
  std::string out = line(headers);
  std::vector<std::string> rule;
  for (size_t w : widths) rule.push_back(std::string(w, '-'));
  out += line(rule);
  for (const auto& row : rows_) out += line(row);
  return out;
}

}  // namespace notestore::cli
