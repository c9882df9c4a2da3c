// YAML frontmatter: finding the block at the top of a note and reading it with
// yaml-cpp into flat properties, tags, aliases and links.
#ifndef NOTESTORE_LIB_PARSE_FRONTMATTER_H_
#define NOTESTORE_LIB_PARSE_FRONTMATTER_H_

#include <string>
#include <string_view>

#include "parse/parsed_note.h"

namespace notestore::parse {

struct FrontmatterSplit {
  bool found = false;
  std::string_view yaml;    // Between the fences.
  int yaml_first_line = 0;  // Line number of the first YAML line.
  std::string_view body;    // After the closing fence (the whole text if none).
  int body_first_line = 1;
};

// Finds a frontmatter block: a first line "---" and a later line "---" (or "...").
// An opening fence that is never closed is not frontmatter; the note is all body, and a
// diagnostic says so.
FrontmatterSplit SplitFrontmatter(std::string_view text, Diagnostics* diagnostics);

struct FrontmatterLimits {
  int max_depth = 32;          // Nesting deeper than this is cut off.
  int max_properties = 10000;  // Values beyond this are dropped (alias bombs).
};

// Parses `yaml` into note->properties, tags, aliases and frontmatter links. Invalid YAML
// sets note->frontmatter_valid = false and adds an "invalid-yaml" diagnostic with the
// line of the error; nothing is thrown.
void ParseFrontmatter(std::string_view yaml, int first_line, const FrontmatterLimits& limits,
                      ParsedNote* note);

}  // namespace notestore::parse

#endif  // NOTESTORE_LIB_PARSE_FRONTMATTER_H_
