#include "store/bulk_indexes.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/schema.h"
#include "store/scoped_pragma.h"
#include "util/ordered_parallel.h"

namespace notestore::store {
namespace {

constexpr const char* kKey = "dropped_indexes";

// How CREATE INDEX sorts a large table: SQLite's sorter cuts the keys into runs the size
// of the page cache and, with PRAGMA threads, sorts each run on a helper thread while the
// table is still being read (never when temporary files are kept in memory). With the
// whole cache as one run nothing happens in parallel. For a table of a million rows,
// runs of 4 MB on two cores built its indexes in 15-45% less time; for one of 200,000
// they were slower (the runs go through temporary files), so only tables of at least
// kParallelSortRows rows get them (docs/performance.md, nineteenth round).
constexpr int64_t kSortRunKiB = 4096;
constexpr int64_t kMaxSortThreads = 4;
constexpr int64_t kParallelSortRows = 500000;

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

// The table of "CREATE INDEX name ON table(...)", or "" if the text is not so.
std::string IndexTable(const std::string& sql) {
  const size_t on = sql.find(" ON ");
  if (on == std::string::npos) return "";
  const size_t open = sql.find('(', on);
  if (open == std::string::npos) return "";
  return sql.substr(on + 4, open - on - 4);
}

// Roughly how many rows `table` holds (its largest rowid: a look at the last leaf),
// 0 when it has no rowid.
int64_t RowsAbout(SQLite::Database& db, const std::string& table) {
  try {
    SQLite::Statement q(db, "SELECT max(rowid) FROM \"" + table + "\"");
    return q.executeStep() ? q.getColumn(0).getInt64() : 0;
  } catch (const SQLite::Exception&) {
    return 0;
  }
}

// Builds one index, its keys sorted on helper threads when its table is large.
void Build(SQLite::Database& db, const std::string& sql) {
  std::optional<ScopedPragma> runs;
  std::optional<ScopedPragma> helpers;
  if (RowsAbout(db, IndexTable(sql)) >= kParallelSortRows) {
    runs.emplace(db, "cache_size", -kSortRunKiB);  // Negative: KiB.
    helpers.emplace(db, "threads", std::min<int64_t>(util::WorkerThreads(0), kMaxSortThreads));
  }
  db.exec(sql);
}

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
      Build(db, sql);
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
