// Keeping cmark-gfm's table extension linear. The extension Debian ships parses a row's
// cells into a list it walks to the end for every cell (quadratic in the cells of a
// line) and pads every short row to the header's width (columns x rows nodes). Before a
// body reaches cmark, tables wider or larger than the limits are cut down here, on a
// copy: the note's text, its line numbers and everything read from its lines are
// unchanged; only the rows past a limit are read as plain text, with a diagnostic.
#ifndef NOTESTORE_LIB_PARSE_TABLE_GUARD_H_
#define NOTESTORE_LIB_PARSE_TABLE_GUARD_H_

#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.h"

namespace notestore::parse {

struct TableLimits {
  int max_columns = 256;       // A table with more is read as text.
  int64_t max_cells = 250000;  // Columns x rows; later rows are read as text.
};

// Returns the body cmark should parse when `body` holds a table over `limits` or a table
// row with more cells than its header (the excess, which GFM ignores, is not split), and
// adds a diagnostic per table cut; nothing when the body is fine as it is. `first_line`
// is the file line of the body's first line.
std::optional<std::string> GuardTables(std::string_view body, int first_line,
                                       const TableLimits& limits, Diagnostics* diagnostics);

}  // namespace notestore::parse

#endif  // NOTESTORE_LIB_PARSE_TABLE_GUARD_H_
