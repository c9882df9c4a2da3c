#include "store/schema.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <mutex>

#include "notestore/error.h"
#include "notestore/version.h"
#include "store/row_counts.h"
#include "store/schema_sql.h"
#include "store/sqlite_errors.h"
#include "store/token_replay.h"

namespace notestore::store {
namespace {

// SQLite counts every allocation under a global mutex unless told not to; that costs an
// ingest about 8% of its time. Only possible before SQLite initializes: if the host
// program already used SQLite, this does nothing.
void DisableMemoryStatistics() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

// PRAGMA application_id marks the file as ours ("NTST"), as Fossil and GeoPackage do.
constexpr int kApplicationId = 0x4E545354;

bool FileExists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

void CreateSchema(SQLite::Database& db) {
  SQLite::Transaction txn(db, SQLite::TransactionBehavior::IMMEDIATE);
  db.exec(kSchemaV1);
  for (const char* migration : kMigrations) db.exec(migration);
  db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
  db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
  SetMeta(db, "notestore_version", NOTESTORE_VERSION_STRING);
  SetMeta(db, "parser_version", std::to_string(kParserVersion));
  txn.commit();
}

static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == kSchemaVersion - 1,
              "one migration per schema version after the first");

// The schema made by the latest migration that makes indexes (8 -> 9).
constexpr int kLastIndexMigrationTo = 9;

// Migrates a database of an older schema, in one transaction. Returns what it did.
std::string Upgrade(SQLite::Database& db, const std::string& path) {
  SQLite::Transaction txn(db, SQLite::TransactionBehavior::IMMEDIATE);
  // Read again under the write lock: another process may have upgraded it meanwhile.
  const int from = SchemaVersion(db);
  if (from >= kSchemaVersion) return "";
  for (int v = from; v < kSchemaVersion; ++v) db.exec(kMigrations[v - 1]);
  if (from < 4) {  // The counts schema 4 added.
    db.exec(kPeopleCounts);
    db.exec(kAccountCounts);
  }
  // A dropped index takes its statistics with it, and the planner, knowing the other
  // indexes but not the new ones, then picks plans 10-30 times slower (schema 6 rebuilt
  // eleven). Gathered again as the ingest does, if it ever had; not after only the later
  // migrations, which make no index (9 -> 10 edits CHECKs: instant, rather than seconds).
  if (from < kLastIndexMigrationTo && db.tableExists("sqlite_stat1")) {
    db.exec("PRAGMA analysis_limit = 400; ANALYZE");
  }
  db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
  SetMeta(db, "notestore_version", NOTESTORE_VERSION_STRING);
  ForgetRowCounts(db);  // A migration may add or drop rows.
  txn.commit();
  return path + ": upgraded the database schema from version " + std::to_string(from) + " to " +
         std::to_string(kSchemaVersion);
}

// Returns a message when the database was upgraded, "" otherwise.
std::string CheckSchema(SQLite::Database& db, const std::string& path, bool read_only) {
  const int version = SchemaVersion(db);
  if (version > kSchemaVersion) {
    throw Error(ErrorCode::kSchemaMismatch,
                path + " has schema version " + std::to_string(version) +
                    ", newer than this notestore understands (" + std::to_string(kSchemaVersion) +
                    "); upgrade notestore to open it");
  }
  if (version == 0) {
    const int objects = db.execAndGet("SELECT count(*) FROM sqlite_master").getInt();
    if (objects > 0) {
      throw Error(ErrorCode::kCorrupt, path + " is an SQLite database but not a notestore one");
    }
    if (read_only) {
      throw Error(ErrorCode::kCorrupt, path + " is empty: ingest a vault into it first");
    }
    CreateSchema(db);
    return "";
  }
  const int app_id = db.execAndGet("PRAGMA application_id").getInt();
  if (app_id != kApplicationId) {
    throw Error(ErrorCode::kCorrupt, path + " is an SQLite database but not a notestore one");
  }
  if (version == kSchemaVersion) return "";
  if (read_only) {
    throw Error(ErrorCode::kSchemaMismatch,
                path + " has schema version " + std::to_string(version) +
                    ", older than this notestore's (" + std::to_string(kSchemaVersion) +
                    "); open it for writing (run notestore ingest) to upgrade it");
  }
  return Upgrade(db, path);
}

}  // namespace

std::unique_ptr<SQLite::Database> OpenDatabase(const std::string& path,
                                               const ConnectionOptions& options,
                                               std::string* upgrade_message) {
  const bool exists = FileExists(path);
  if (!exists && (options.read_only || !options.create_if_missing)) {
    throw Error(ErrorCode::kNotFound, "database not found: " + path);
  }
  const int flags =
      options.read_only ? SQLite::OPEN_READONLY : (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  DisableMemoryStatistics();
  try {
    auto db = std::make_unique<SQLite::Database>(path, flags | SQLite::OPEN_NOMUTEX,
                                                 options.busy_timeout_ms);
    if (!options.read_only) {
      // Before WAL mode, which fixes the page size once the file has a page; SQLite
      // ignores it for a database that has pages already.
      db->exec("PRAGMA page_size = " + std::to_string(options.page_bytes));
      db->exec("PRAGMA journal_mode = WAL");
      db->exec("PRAGMA synchronous = NORMAL");
    }
    // Negative: a size in KiB rather than in pages.
    db->exec("PRAGMA cache_size = " + std::to_string(-(options.cache_bytes / 1024)));
    // Before anything opens the search table, whose tokenizer FTS5 makes then: it
    // replays the writer's tokens and reads a prefix search's verbatim terms.
    InstallTokenReplay(*db);
    std::string message = CheckSchema(*db, path, options.read_only);
    // After any upgrade, which reads the whole file and should not map it (as an ingest).
    db->exec("PRAGMA mmap_size = " + std::to_string(options.mmap_bytes));
    if (upgrade_message) *upgrade_message = std::move(message);
    return db;
  } catch (const SQLite::Exception& e) {
    RethrowSqlite(e, "cannot open " + path);
  }
}

int SchemaVersion(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

std::string GetMeta(SQLite::Database& db, const std::string& key, const std::string& fallback) {
  SQLite::Statement q(db, "SELECT value FROM meta WHERE key = ?");
  q.bind(1, key);
  return q.executeStep() ? q.getColumn(0).getString() : fallback;
}

void SetMeta(SQLite::Database& db, const std::string& key, const std::string& value) {
  SQLite::Statement q(db,
                      "INSERT INTO meta(key, value) VALUES(?, ?) "
                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  q.bind(1, key);
  q.bind(2, value);
  q.exec();
}

}  // namespace notestore::store
