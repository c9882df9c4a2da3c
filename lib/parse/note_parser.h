// Stage 3, parse: one note's text to a ParsedNote. Pure and thread-safe: it touches no
// shared state, so notes can be parsed in parallel.
#ifndef NOTESTORE_LIB_PARSE_NOTE_PARSER_H_
#define NOTESTORE_LIB_PARSE_NOTE_PARSER_H_

#include <string_view>

#include "parse/cmark_guard.h"
#include "parse/frontmatter.h"
#include "parse/parsed_note.h"

namespace notestore::parse {

// Bounds on what one note can cost to parse, whatever it holds.
struct ParseOptions {
  FrontmatterLimits frontmatter;
  TableLimits tables;
};

// `text` is decoded UTF-8 with LF line ends (see decode/note_text.h). Never throws on
// any content; problems become diagnostics in the result.
ParsedNote ParseNote(std::string_view text, const ParseOptions& options = ParseOptions());

}  // namespace notestore::parse

#endif  // NOTESTORE_LIB_PARSE_NOTE_PARSER_H_
