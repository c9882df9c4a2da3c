// Where Dataview's data comes from: FROM sources translated to SQL over the store, and
// the pages and tasks of the selected notes read into Dataview values.
#ifndef NOTESTORE_LIB_DATAVIEW_STORE_PAGES_H_
#define NOTESTORE_LIB_DATAVIEW_STORE_PAGES_H_

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "dataview/ast.h"
#include "dataview/value.h"
#include "resolve/link_index.h"

namespace notestore::dataview {

// SQL that selects note ids, with its parameters in order.
struct SourceSql {
  std::string sql;
  std::vector<std::string> params;
};

// What of a page to read: the link lists and tasks cost a query each.
struct PageNeeds {
  bool links = false;  // file.inlinks, file.outlinks
  bool tasks = false;  // file.tasks, file.lists, and TASK queries
};

// One selected note: its page object (fields, `file`) and its tasks.
struct Page {
  int64_t note_id = 0;
  Value object;
  std::vector<Value> tasks;  // Task objects, in line order.
};

class StorePages {
 public:
  explicit StorePages(SQLite::Database& db) : db_(db) {}

  // `source` as SQL (null: every note). `this_note` is the id of the note holding the
  // query (0 if none), for [[]] sources. A link to a note that does not exist selects
  // the notes linking to that name (FROM [[Fiction]] when no note Fiction exists).
  SourceSql Translate(const Source* source, int64_t this_note);

  // The pages `sql` selects, in path order.
  std::vector<Page> Load(const SourceSql& sql, const PageNeeds& needs);

  // The note holding the query (0: none): links are resolved from it, as Obsidian
  // resolves them from the note they are written in.
  void SetSourceNote(int64_t note_id);

  // The note a link target names, by the rule stored links follow (resolve::LinkIndex:
  // a path, ".md" optional, else a file name only one note has). 0 when none.
  int64_t FindNote(const std::string& target);
  // A link as written, made to point at the note's path (unchanged if no note matches).
  LinkValue Resolve(const LinkValue& link);
  // The page object of one note (cached), or null for note id 0.
  Value PageOf(int64_t note_id, const PageNeeds& needs);

 private:
  const resolve::LinkIndex& Index();  // Built on first use.

  SQLite::Database& db_;
  std::optional<resolve::LinkIndex> index_;
  std::unordered_map<int64_t, std::string> paths_;  // Note id -> path, with the index.
  std::string source_path_;
  std::map<std::tuple<int64_t, bool, bool>, Value> pages_;
};

// Text of a field as notes write it, typed as Dataview types it: numbers, booleans,
// dates, [[links]] (resolved by `pages` when given), else the string.
Value TypedValue(const std::string& text, StorePages* pages);

}  // namespace notestore::dataview

#endif  // NOTESTORE_LIB_DATAVIEW_STORE_PAGES_H_
