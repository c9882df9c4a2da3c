// The result of parsing one note: everything the file says, before any meaning is
// attached (that is the extract stage's job). Plain data; line numbers are 1-based
// lines of the whole file, frontmatter included.
#ifndef NOTESTORE_LIB_PARSE_PARSED_NOTE_H_
#define NOTESTORE_LIB_PARSE_PARSED_NOTE_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostic.h"
#include "notestore/task.h"

namespace notestore::parse {

enum class PropertySource { kFrontmatter, kInline, kTable };
const char* PropertySourceName(PropertySource source);

// One value of a frontmatter key or inline field. A list becomes one Property per
// element with idx 0, 1, ...; a nested map becomes dotted keys ("a.b").
struct Property {
  std::string key;
  std::optional<std::string> value;  // Nothing for YAML null.
  int idx = -1;                      // Position in a list; -1 for a single value.
  int line = 0;
  PropertySource source = PropertySource::kFrontmatter;
};

struct Heading {
  int level = 1;
  std::string text;  // As written, without the #s.
  int line = 0;
};

struct Tag {
  std::string name;  // Without '#', case as written.
  int line = 0;
  bool in_frontmatter = false;
};

enum class LinkStyle { kWiki, kMarkdown, kFrontmatter };
const char* LinkStyleName(LinkStyle style);

struct Link {
  std::string target;   // Path or name as written ("People/Sam", "Sam.md"); may be empty.
  std::string display;  // Alias or link text; empty when none was given.
  std::string subpath;  // "heading", "heading#sub" or "^block"; empty when none.
  bool embed = false;   // ![[...]] or ![...](...).
  int line = 0;
  LinkStyle style = LinkStyle::kWiki;
};

// The status a checkbox character stands for: " " open, "x"/"X" done, "-" cancelled,
// "/" in progress, anything else open.
TaskStatus StatusFromChar(const std::string& c);

// Metadata read from a task's line (Obsidian Tasks emoji and Dataview fields).
struct TaskFields {
  std::string text;   // Description without signifiers, owner, tags and fields.
  std::string owner;  // Name after '@' as written ("Jack", "Sam Hopewell"); may be empty.
  std::optional<std::string> due, scheduled, start, created, done, cancelled;
  std::optional<std::string> priority;    // highest, high, medium, low, lowest.
  std::optional<std::string> recurrence;  // "every week on Monday".
  std::optional<std::string> task_id;     // 🆔 / [id:: ].
  std::optional<std::string> depends_on;  // ⛔ ids, comma-separated.
  std::optional<std::string> block_id;    // ^block at the end of the line.
  std::vector<std::string> tags;
  Diagnostics diagnostics;  // Bad dates and the like, with line 0 (caller sets it).
};

// Any list item; tasks are the items with a [c] checkbox.
struct ListItem {
  int line = 0;
  int end_line = 0;
  int parent = -1;        // Index of the enclosing list item, -1 at top level.
  int depth = 0;          // 0 for a top-level item.
  int heading = -1;       // Index into ParsedNote::headings of the section, -1 if none.
  bool in_quote = false;  // Inside a block quote or callout.
  std::optional<std::string> status_char;  // Set for tasks: " ", "x", "?", ...
  std::string text;  // First paragraph as written, without marker and checkbox.
};

struct Task {
  int item = -1;  // Index into ParsedNote::items.
  int line = 0;
  std::string status_char;
  TaskStatus status = TaskStatus::kOpen;
  int parent_task = -1;  // Index into ParsedNote::tasks of the nearest task above it.
  TaskFields fields;
  std::string raw;  // The whole line as written.
};

struct TableRow {
  int table = 0;  // Index of the table within the note.
  int line = 0;
  int heading = -1;
  // Cell text by column header, in column order; markup removed, [[a|b]] shown as b.
  std::vector<std::pair<std::string, std::string>> cells;
};

struct ParsedNote {
  std::optional<std::string> frontmatter;  // The YAML text as written, if any.
  bool frontmatter_valid = true;
  std::string body;                  // Text after the frontmatter.
  std::vector<Property> properties;  // Frontmatter, inline fields, field tables.
  std::vector<std::string> aliases;  // From `aliases:` / `alias:`.
  std::vector<Heading> headings;
  std::vector<Tag> tags;
  std::vector<Link> links;
  std::vector<ListItem> items;
  std::vector<Task> tasks;
  std::vector<TableRow> table_rows;
  Diagnostics diagnostics;

  // Values of a frontmatter key (case-insensitive), in order; empty when absent.
  std::vector<std::string> FrontmatterValues(const std::string& key) const;
  // First frontmatter value of `key`, if any.
  std::optional<std::string> FrontmatterValue(const std::string& key) const;
  // Inline field values (`key:: v`, `**Key**: v`) of `key`, case-insensitive.
  std::vector<std::pair<std::string, int>> InlineValues(const std::string& key) const;
  // The heading text a line sits under (nearest heading above), empty if none.
  const Heading* HeadingAt(int index) const {
    return index >= 0 && index < static_cast<int>(headings.size()) ? &headings[index] : nullptr;
  }
};

}  // namespace notestore::parse

#endif  // NOTESTORE_LIB_PARSE_PARSED_NOTE_H_
