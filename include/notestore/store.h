// A notestore database: one SQLite file holding a normalized copy of a vault.
//
//   notestore::Store store = notestore::Store::open("vault.db");
//   notestore::IngestReport report = store.ingest("/path/to/vault");
//
// Thread-safety: a Store is not safe to use from several threads at once; give each
// thread its own Store. Any number of Stores, in any processes, may read one database
// while one of them ingests: readers see each batch of notes appear atomically.
// Errors: every method may throw notestore::Error (see error.h).
#ifndef NOTESTORE_STORE_H_
#define NOTESTORE_STORE_H_

#include <memory>
#include <string>

#include "notestore/ingest.h"

namespace notestore {

struct OpenOptions {
  // Open without write access: ingest() throws Error(kReadOnly) and the file is never
  // modified. The database must exist. Default: false.
  bool read_only = false;

  // Create the database file (and its schema) when it does not exist. Ignored when
  // read_only is set. Default: true.
  bool create_if_missing = true;

  // How long to wait for another connection's lock before failing with kBusy, in
  // milliseconds. Default: 5000.
  int busy_timeout_ms = 5000;
};

class Store {
 public:
  // Opens or creates the database at `path`. Throws Error with kNotFound when the file
  // is missing and may not be created, kSchemaMismatch when it was written by a newer
  // notestore, kCorrupt when it is not a notestore database.
  static Store open(const std::string& path, const OpenOptions& options = OpenOptions());

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  ~Store();

  // Brings the store in line with the vault at `vault_dir`: new and changed notes are
  // parsed, notes whose files are gone are removed, and people, accounts, owners and
  // link targets are resolved again. The result equals a fresh ingest of the vault.
  // Problems inside notes become diagnostics; only a failure of the vault as a whole
  // (missing directory, unwritable database) throws.
  IngestReport ingest(const std::string& vault_dir, const IngestOptions& options = IngestOptions());

  // The path the store was opened with.
  const std::string& path() const;

  // The schema version of the open database (kSchemaVersion once written).
  int schema_version() const;

  struct Impl;  // Defined in lib/api; opaque to clients.

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace notestore

#endif  // NOTESTORE_STORE_H_
