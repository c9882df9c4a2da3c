#include "resolve/repeat_items.h"

#include "store/statement_binding.h"

namespace notestore::resolve {

void WriteResults(SQLite::Database& db, const char* kind, const char* update_sql,
                  const Results& results) {
  ApplyAssignments(db, update_sql, results.changes);
  SQLite::Statement insert(
      db,
      "INSERT INTO duplicates(kind, id, canonical_id, similarity, search_rowid, "
      "canonical_search_rowid) VALUES(?,?,?,?,?,?)");
  for (const Link& l : results.links) {
    store::Exec(insert, kind, l.id, l.canonical_id, l.similarity, l.search_rowid,
                l.canonical_search_rowid);
  }
}

void TouchCounted(SQLite::Database& db, const char* sql, const Results& results, Scope& scope) {
  if (scope.full()) return;  // Everything is counted again.
  SQLite::Statement q(db, sql);
  for (const Assignment& a : results.changes) {
    q.bind(1, a.rowid);
    if (q.executeStep()) {
      if (!q.getColumn(0).isNull()) scope.people_touched.insert(q.getColumn(0).getInt64());
      if (!q.getColumn(1).isNull()) scope.accounts_touched.insert(q.getColumn(1).getInt64());
    }
    q.reset();
  }
}

}  // namespace notestore::resolve
