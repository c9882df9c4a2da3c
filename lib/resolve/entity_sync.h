// Writing resolved results back with as few changes as possible, so that ids of people
// and accounts stay stable across ingests and unchanged rows are not rewritten.
#ifndef NOTESTORE_LIB_RESOLVE_ENTITY_SYNC_H_
#define NOTESTORE_LIB_RESOLVE_ENTITY_SYNC_H_

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace notestore::resolve {

// One row of `people` or `accounts`: both have id, name, name_key, note_id and two
// descriptive columns (role/company, status/industry).
struct EntityRow {
  std::string key;
  std::string name;
  int64_t note_id = 0;  // 0 for none.
  std::optional<std::string> first;
  std::optional<std::string> second;
};

struct EntityTable {
  const char* table;          // "people"
  const char* first_column;   // "role"
  const char* second_column;  // "company"
};

// Makes `table` hold exactly `rows`: rows with a known key keep their id and are updated
// only if they differ, new keys are inserted (in key order), missing keys deleted.
// Returns key -> id.
std::map<std::string, int64_t> SyncEntities(SQLite::Database& db, const EntityTable& table,
                                            std::vector<EntityRow> rows);

struct EntitySyncResult {
  std::map<std::string, int64_t> ids;                    // Key -> id of the rows kept or added.
  std::vector<std::pair<std::string, int64_t>> removed;  // Keys deleted, with their ids.
};

// The same for the rows of `keys` only: `rows` (whose keys are among `keys`) is what
// they should be, and the other rows of `table` are left alone. The same ids result as
// from SyncEntities over the whole table, since new keys are inserted in key order
// before anything is deleted.
EntitySyncResult SyncSomeEntities(SQLite::Database& db, const EntityTable& table,
                                  const std::set<std::string>& keys, std::vector<EntityRow> rows);

// A reference column to set: row `rowid` holds `current` and should hold `wanted`.
struct Assignment {
  int64_t rowid = 0;
  std::optional<int64_t> current;
  std::optional<int64_t> wanted;
};

// Runs `update_sql` ("UPDATE tasks SET owner_id = ?1 WHERE id = ?2") for each
// assignment whose value changes. Returns how many rows changed.
int64_t ApplyAssignments(SQLite::Database& db, const char* update_sql,
                         const std::vector<Assignment>& assignments);

}  // namespace notestore::resolve

#endif  // NOTESTORE_LIB_RESOLVE_ENTITY_SYNC_H_
