#include "store/bulk_indexes.h"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "store/schema.h"

namespace notestore::store {
namespace {

constexpr const char* kKey = "dropped_indexes";

// Indexes of the reference columns the vault-wide pass assigns (and does not read).
// Not notes_account: the writer sets that column, and the pass reads it from the index.
const std::set<std::string> kReferences = {"tasks_owner",
                                           "person_mentions_person",
                                           "meeting_attendees_person",
                                           "account_mentions_account",
                                           "meetings_account",
                                           "meetings_account_latest",
                                           "decisions_account",
                                           "decisions_account_latest",
                                           "links_target_note"};

std::string IndexName(const std::string& sql) {  // "CREATE INDEX name ON ..."
  const std::string prefix = "CREATE INDEX ";
  if (sql.compare(0, prefix.size(), prefix) != 0) return "";
  return sql.substr(prefix.size(), sql.find(' ', prefix.size()) - prefix.size());
}

int Restore(SQLite::Database& db, bool references) {
  const std::string saved = GetMeta(db, kKey);
  if (saved.empty()) return 0;
  int built = 0;
  nlohmann::json later = nlohmann::json::array();
  SQLite::Statement exists(db, "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?");
  for (const auto& entry : nlohmann::json::parse(saved)) {
    const std::string sql = entry.get<std::string>();
    const std::string name = IndexName(sql);
    exists.bind(1, name);
    // A schema upgrade after the drop (by the ingest that died mid-load, or since) may
    // have made it anew.
    const bool made = exists.executeStep();
    exists.reset();
    if (made) continue;
    if (!references && kReferences.count(name)) {
      later.push_back(sql);
    } else {
      db.exec(sql);
      ++built;
    }
  }
  if (later.empty()) {
    db.exec(std::string("DELETE FROM meta WHERE key = '") + kKey + "'");
  } else {
    SetMeta(db, kKey, later.dump());
  }
  return built;
}

}  // namespace

void DropIndexesForBulkLoad(SQLite::Database& db) {
  // Kept: notes_file and notes_path (written in path and id order, so cheaply; profile
  // queries name notes_path, so it must always exist) and diagnostics_path (each note
  // replaces its diagnostics by path). Indexes of UNIQUE and PRIMARY KEY constraints
  // have no sql and cannot be dropped.
  SQLite::Statement q(db,
                      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT "
                      "NULL AND name NOT IN ('notes_file', 'notes_path', 'diagnostics_path') "
                      "ORDER BY name");
  std::vector<std::string> names;
  nlohmann::json definitions = nlohmann::json::parse(GetMeta(db, kKey, "[]"));
  while (q.executeStep()) {
    names.push_back(q.getColumn(0).getString());
    definitions.push_back(q.getColumn(1).getString());
  }
  q.reset();
  if (names.empty()) return;
  SetMeta(db, kKey, definitions.dump());
  for (const std::string& name : names) db.exec("DROP INDEX \"" + name + "\"");
}

int RestoreIndexes(SQLite::Database& db) { return Restore(db, true); }

int RestoreIndexesButReferences(SQLite::Database& db) { return Restore(db, false); }

}  // namespace notestore::store
