// Results of Dataview queries (DQL) run on the store: Store::dataview() and
// Store::render(). docs/dataview.md lists what is supported.
#ifndef NOTESTORE_DATAVIEW_H_
#define NOTESTORE_DATAVIEW_H_

#include <string>
#include <vector>

namespace notestore {

// One task in the result of a TASK query.
struct DataviewTask {
  std::string path;    // The note that holds it.
  int line = 0;        // 1-based line in the file.
  std::string status;  // The character between the brackets: " ", "x", "?", ...
  std::string text;    // The line after its checkbox, as written.
};

// Tasks under one heading: the note they are in, or the GROUP BY key.
struct DataviewTaskGroup {
  std::string heading;  // Markdown: "[[Customers/Acme|Acme]]", or the key's text.
  std::vector<DataviewTask> tasks;
};

struct DataviewResult {
  enum class Type { kList, kTable, kTask };
  Type type = Type::kList;

  // LIST and TABLE: the column headings and the rows, each cell as Markdown text as
  // Obsidian would show it (links as [[...]], dates as "October 26, 2025", nothing as "-").
  // The first column is the note (or the GROUP BY key) unless WITHOUT ID was given; a
  // LIST has at most one more column, for its expression.
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;

  // TASK: the tasks, grouped by note in the order of the query (or by the GROUP BY key).
  std::vector<DataviewTaskGroup> task_groups;

  // The whole result rendered as Markdown: a list, a table, or task lists under a
  // heading per note.
  std::string markdown;

  // The SQL that selected the notes for FROM, for inspection.
  std::string from_sql;
};

}  // namespace notestore

#endif  // NOTESTORE_DATAVIEW_H_
