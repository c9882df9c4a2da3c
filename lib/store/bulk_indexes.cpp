#include "store/bulk_indexes.h"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "store/schema.h"

namespace notestore::store {
namespace {

constexpr const char* kKey = "dropped_indexes";

}  // namespace

void DropIndexesForBulkLoad(SQLite::Database& db) {
  // Kept: notes_file (written in path order, so cheaply) and diagnostics_path (each note
  // replaces its diagnostics by path). Indexes of UNIQUE and PRIMARY KEY constraints
  // have no sql and cannot be dropped.
  SQLite::Statement q(db,
                      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT "
                      "NULL AND name NOT IN ('notes_file', 'diagnostics_path') ORDER BY name");
  std::vector<std::string> names;
  nlohmann::json definitions = nlohmann::json::array();
  while (q.executeStep()) {
    names.push_back(q.getColumn(0).getString());
    definitions.push_back(q.getColumn(1).getString());
  }
  q.reset();
  if (names.empty()) return;
  nlohmann::json all = nlohmann::json::parse(GetMeta(db, kKey, "[]"));
  for (const auto& d : definitions) all.push_back(d);
  SetMeta(db, kKey, all.dump());
  for (const std::string& name : names) db.exec("DROP INDEX \"" + name + "\"");
}

void RestoreIndexes(SQLite::Database& db) {
  const std::string saved = GetMeta(db, kKey);
  if (saved.empty()) return;
  for (const auto& sql : nlohmann::json::parse(saved)) db.exec(sql.get<std::string>());
  db.exec(std::string("DELETE FROM meta WHERE key = '") + kKey + "'");
}

}  // namespace notestore::store
