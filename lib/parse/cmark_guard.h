// Keeping cmark-gfm linear in time and modest in memory, whatever a note holds.
//
// cmark-gfm parses inlines whether or not we use them, and builds a node for nearly every
// bracket, star or backtick: a line of 700 KB of "[[" costs it 120 MB. The table
// extension Debian ships parses a row's cells into a list it walks for every cell
// (quadratic in the cells of a line) and pads every short row to the header's width
// (columns x rows nodes). So before a body reaches cmark, a copy of it is cut down:
//   - tables wider or larger than the limits are read as text from the limit on, with a
//     diagnostic, and cells past a row's header count (which GFM ignores) are not split;
//   - in a body dense with inline markup, that markup is blanked on lines where it cannot
//     change the block structure (cmark reads blocks before inlines, and we read nothing
//     but blocks and table cells from it).
// The note's own text, its line numbers and everything read from its lines are unchanged.
#ifndef NOTESTORE_LIB_PARSE_CMARK_GUARD_H_
#define NOTESTORE_LIB_PARSE_CMARK_GUARD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.h"

namespace notestore::parse {

struct TableLimits {
  int max_columns = 256;                 // A table with more is read as text.
  int64_t max_cells = 250000;            // Columns x rows; later rows are read as text.
  int64_t max_bytes = int64_t{4} << 20;  // Bytes of one table; later rows are read as text.
};

// Returns the body cmark should parse, or nothing when `body` can go as it is. Adds a
// diagnostic per table cut. `first_line` is the file line of the body's first line.
std::optional<std::string> GuardForCmark(std::string_view body, int first_line,
                                         const TableLimits& limits, Diagnostics* diagnostics);

}  // namespace notestore::parse

#endif  // NOTESTORE_LIB_PARSE_CMARK_GUARD_H_
