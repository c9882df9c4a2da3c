// Aligned text tables for human output, fitted to the terminal.
#ifndef NOTESTORE_CLI_TABLE_H_
#define NOTESTORE_CLI_TABLE_H_

#include <string>
#include <vector>

namespace notestore::cli {

class Table {
 public:
  // A column; `flexible` columns give up width first when the table is too wide.
  struct Column {
    std::string header;
    bool flexible = false;
    bool right_align = false;
  };

  explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}
  void AddRow(std::vector<std::string> cells);
  bool empty() const { return rows_.empty(); }

  // Renders with two spaces between columns, at most `width` columns wide (0 for any
  // width): flexible columns are cut, with "…", to fit. Width counts characters.
  std::string Render(int width) const;

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

// Characters (not bytes) in a UTF-8 string, as shown on a terminal.
size_t DisplayWidth(const std::string& s);
// Cuts `s` to at most `width` characters, ending in "…" when cut.
std::string Truncate(const std::string& s, size_t width);

// The width human output should fit: the terminal's, else $COLUMNS, else 0 (any).
int OutputWidth();

}  // namespace notestore::cli

#endif  // NOTESTORE_CLI_TABLE_H_
