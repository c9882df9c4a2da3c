// Running a Dataview query on the store: FROM becomes SQL (store_pages.h); WHERE, SORT,
// GROUP BY, FLATTEN and LIMIT then run in order over the pages or tasks it selected,
// with Dataview's dynamic typing (evaluator.h), which SQL's types cannot express.
#ifndef NOTESTORE_LIB_DATAVIEW_EXECUTOR_H_
#define NOTESTORE_LIB_DATAVIEW_EXECUTOR_H_

#include <SQLiteCpp/Database.h>

#include <string>
#include <string_view>

#include "notestore/dataview.h"

namespace notestore::dataview {

// Runs `query`; `context_note` (a path or a note's name, may be empty) is `this`.
// Throws Error(kQuery) for a malformed or unsupported query, Error(kNotFound) when
// `context_note` names no note.
DataviewResult RunQuery(SQLite::Database& db, std::string_view query,
                        const std::string& context_note);

// The note at `path` (as its body, without frontmatter) with each ```dataview block
// replaced by its result, or by an error callout when the query fails.
std::string RenderNote(SQLite::Database& db, const std::string& path);

}  // namespace notestore::dataview

#endif  // NOTESTORE_LIB_DATAVIEW_EXECUTOR_H_
