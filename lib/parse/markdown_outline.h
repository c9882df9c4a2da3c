// The block structure of a note body, read with cmark-gfm (table and tasklist
// extensions on): where headings, list items, tables and code are. Inline syntax is
// left to inline_syntax.h, which works on the raw lines.
#ifndef NOTESTORE_LIB_PARSE_MARKDOWN_OUTLINE_H_
#define NOTESTORE_LIB_PARSE_MARKDOWN_OUTLINE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diag/diagnostic.h"
#include "parse/cmark_guard.h"

namespace notestore::parse {

struct OutlineHeading {
  int level = 1;
  int line = 0;
  int end_line = 0;  // Approximate for setext headings (see note_parser.cpp).
};

struct OutlineItem {
  int line = 0;
  int column = 0;  // 1-based byte column of the list marker.
  int end_line = 0;
  int parent = -1;  // Index of the enclosing item.
  int depth = 0;
  bool in_quote = false;
  int para_first = 0;  // Lines of the item's first paragraph; 0 when it has none.
  int para_last = 0;
};

struct OutlineTable {
  int line = 0;
  std::vector<std::string> header;                             // Plain cell text.
  std::vector<std::pair<int, std::vector<std::string>>> rows;  // (line, cells)
};

struct Outline {
  std::vector<std::pair<int, int>> code_lines;  // Inclusive line ranges of code blocks.
  std::vector<OutlineHeading> headings;
  std::vector<OutlineItem> items;
  std::vector<OutlineTable> tables;
};

// Parses `body`, whose first line is line `first_line` of the file. Never throws for
// any input. Tables over `limits` are cut short (see cmark_guard.h), with diagnostics
// added to `diagnostics`.
Outline BuildOutline(std::string_view body, int first_line, const TableLimits& limits,
                     Diagnostics* diagnostics);

}  // namespace notestore::parse

#endif  // NOTESTORE_LIB_PARSE_MARKDOWN_OUTLINE_H_
