// Blanking the parts of a note that must not be read as tags, links, fields or tasks:
// comments (%% ... %% and <!-- ... -->), code blocks and code spans. Blanked bytes
// become spaces and newlines stay, so offsets and line numbers do not move.
#ifndef NOTESTORE_LIB_PARSE_MASKING_H_
#define NOTESTORE_LIB_PARSE_MASKING_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace notestore::parse {

using LineRanges = std::vector<std::pair<int, int>>;  // Inclusive, file line numbers.

// Returns `body` with Obsidian (%%) and HTML comments outside code blanked. An unclosed
// comment runs to the end of the note, as in Obsidian. Sets *changed when any was found.
std::string BlankComments(std::string_view body, int first_line, const LineRanges& code_lines,
                          bool* changed);

// Returns `body` with code blocks (the given lines) and inline code spans blanked.
std::string MaskCode(std::string_view body, int first_line, const LineRanges& code_lines);

}  // namespace notestore::parse

#endif  // NOTESTORE_LIB_PARSE_MASKING_H_
