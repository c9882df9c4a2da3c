// Reading a task's description: Obsidian Tasks signifiers (📅 ⏳ 🛫 ➕ ✅ ❌ 🔁 🆔 ⛔
// and the priority emoji), Dataview fields ([due:: 2025-10-26]), #tags, the @owner and a ^block id.
#ifndef NOTESTORE_LIB_PARSE_TASK_LINE_H_
#define NOTESTORE_LIB_PARSE_TASK_LINE_H_

#include <string_view>

#include "parse/parsed_note.h"

namespace notestore::parse {

// `text` is the description after the checkbox; `masked` is the same bytes with code
// spans and comments blanked (see masking.h). Signifiers are found anywhere in the
// line. The owner is the @mention among the trailing metadata, else one that starts the
// description; a mention inside the sentence ("ask @Vlad about it") stays in the text.
TaskFields ParseTaskLine(std::string_view text, std::string_view masked);

}  // namespace notestore::parse

#endif  // NOTESTORE_LIB_PARSE_TASK_LINE_H_
