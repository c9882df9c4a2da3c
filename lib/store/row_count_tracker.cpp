#include "store/row_count_tracker.h"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <cstring>
#include <string_view>

namespace notestore::store {

#ifdef NOTESTORE_HAVE_PREUPDATE_HOOK

bool RowCountTracker::Available() { return true; }

RowCountTracker::RowCountTracker(SQLite::Database& db) : handle_(db.getHandle()) {
  SQLite::Statement columns(db,
                            "SELECT cid FROM pragma_table_info('diagnostics') "
                            "WHERE name = 'severity'");
  if (columns.executeStep()) severity_column_ = columns.getColumn(0).getInt();
  for (const std::string& table : CountedTables()) tables_[table] = 0;
  sqlite3_preupdate_hook(handle_, &RowCountTracker::OnChange, this);
}

RowCountTracker::~RowCountTracker() { sqlite3_preupdate_hook(handle_, nullptr, nullptr); }

void RowCountTracker::OnChange(void* self, sqlite3* db, int op, const char* schema,
                               const char* table, sqlite3_int64 /*old_rowid*/,
                               sqlite3_int64 /*new_rowid*/) {
  if (op == SQLITE_UPDATE || std::strcmp(schema, "main") != 0) return;
  auto* tracker = static_cast<RowCountTracker*>(self);
  // The FTS5 tables' rows go by too, most of them: a lookup among fourteen names.
  auto it = tracker->tables_.find(std::string_view(table));
  if (it == tracker->tables_.end()) return;
  const int step = op == SQLITE_INSERT ? 1 : -1;
  it->second += step;
  if (tracker->severity_column_ < 0 || std::strcmp(table, "diagnostics") != 0) return;
  sqlite3_value* severity = nullptr;
  const int rc = op == SQLITE_INSERT
                     ? sqlite3_preupdate_new(db, tracker->severity_column_, &severity)
                     : sqlite3_preupdate_old(db, tracker->severity_column_, &severity);
  const unsigned char* text = rc == SQLITE_OK ? sqlite3_value_text(severity) : nullptr;
  if (text == nullptr) return;
  const std::string_view name(reinterpret_cast<const char*>(text));
  auto found = tracker->diagnostics_.find(name);
  if (found == tracker->diagnostics_.end()) found = tracker->diagnostics_.emplace(name, 0).first;
  found->second += step;
}

#else  // A SQLite built without SQLITE_ENABLE_PREUPDATE_HOOK.

bool RowCountTracker::Available() { return false; }
RowCountTracker::RowCountTracker(SQLite::Database& db) : handle_(db.getHandle()) {}
RowCountTracker::~RowCountTracker() = default;
void RowCountTracker::OnChange(void*, sqlite3*, int, const char*, const char*, sqlite3_int64,
                               sqlite3_int64) {}

#endif

RowCounts RowCountTracker::Apply(const RowCounts& before) const {
  RowCounts after = before;
  for (const auto& [table, delta] : tables_) after.tables[table] += delta;
  for (const auto& [severity, delta] : diagnostics_) after.diagnostics[severity] += delta;
  return after;
}

}  // namespace notestore::store
