// Stage 5, store: the SQLite schema and opening (creating, upgrading) a database with it.
// docs/schema.md documents every table and view; keep the two in step.
#ifndef NOTESTORE_LIB_STORE_SCHEMA_H_
#define NOTESTORE_LIB_STORE_SCHEMA_H_

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <memory>
#include <string>

namespace notestore::store {

// Bumped when the parser or extractor changes what it stores for the same note, or the
// vault-wide pass resolves the same names otherwise (3: a full name that is a person
// note's alias means that person): a database written by another parser version is
// re-parsed in full, and resolved over the whole vault, on the next ingest. 4: a task
// listed under Decisions or Key Facts gives them its description, not its whole line.
inline constexpr int kParserVersion = 4;

struct ConnectionOptions {
  bool read_only = false;
  bool create_if_missing = true;
  int busy_timeout_ms = 5000;
  int64_t cache_bytes = int64_t{64} << 20;
  int64_t mmap_bytes = 0;
  int page_bytes = 16 << 10;  // Only for a database this open creates.
};

// Opens the database, applies connection settings (WAL, foreign keys, busy timeout),
// creates the schema in a new database and upgrades an older one (setting
// *upgrade_message, when given, to say so). Throws notestore::Error: kNotFound,
// kSchemaMismatch (newer schema, or older and read-only), kCorrupt (not a notestore
// database), kIo.
std::unique_ptr<SQLite::Database> OpenDatabase(const std::string& path,
                                               const ConnectionOptions& options,
                                               std::string* upgrade_message = nullptr);

// PRAGMA user_version of an open database.
int SchemaVersion(SQLite::Database& db);

// Reads and writes the meta table (key/value settings kept with the data).
std::string GetMeta(SQLite::Database& db, const std::string& key, const std::string& fallback = "");
void SetMeta(SQLite::Database& db, const std::string& key, const std::string& value);

}  // namespace notestore::store

#endif  // NOTESTORE_LIB_STORE_SCHEMA_H_
