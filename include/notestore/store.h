// A notestore database: one SQLite file holding a normalized copy of a vault.
//
//   notestore::Store store = notestore::Store::open("vault.db");
//   notestore::IngestReport report = store.ingest("/path/to/vault");
//
// Thread-safety: a Store is not safe to use from several threads at once; give each
// thread its own Store. Any number of Stores, in any processes, may read one database
// while one of them ingests: readers see each batch of notes appear atomically.
// Errors: every method may throw notestore::Error (see error.h). Methods that take a
// person's or account's name throw Error(kNotFound) for a name that matches nothing
// and Error(kInvalidArgument), listing the candidates, for one that matches several.
// Names match case-insensitively, by alias, and (people) by a first name only one
// person has; "me" means the --me person.
#ifndef NOTESTORE_STORE_H_
#define NOTESTORE_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "notestore/account.h"
#include "notestore/dataview.h"
#include "notestore/decision.h"
#include "notestore/diagnostic.h"
#include "notestore/duplicate.h"
#include "notestore/fact.h"
#include "notestore/ingest.h"
#include "notestore/meeting.h"
#include "notestore/note.h"
#include "notestore/person.h"
#include "notestore/profiles.h"
#include "notestore/search.h"
#include "notestore/task.h"

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

  // Most memory this connection's page cache may use, in bytes. It fills only as pages
  // are read; a larger cache saves re-reading the file for repeated queries and keeps
  // an ingest's indexes in memory. Must be at least 1 MiB. Default: 64 MiB.
  int64_t cache_bytes = int64_t{64} << 20;

  // How much of the database file queries read through a memory map (PRAGMA mmap_size)
  // rather than with a read() and a copy per page: for a database larger than the page
  // cache, a query's page reads from the OS cache then cost no system call. Mapped pages
  // are the OS's file cache, shared and not the process's own, but they count in its
  // resident size; an ingest (and a schema upgrade) turns the map off while it runs, so
  // that its memory stays bounded. SQLite caps the map at SQLITE_MAX_MMAP_SIZE (just
  // under 2 GiB by default on 64-bit builds). With a map, an I/O error reading the file
  // arrives as a SIGBUS signal rather than as an Error: set 0 (no map) for a database on
  // storage that may fail or vanish, such as a network file system. Must not be
  // negative (kInvalidArgument). Default: 2 GiB.
  int64_t mmap_bytes = int64_t{2} << 30;

  // Size of a database page, in bytes, for a database this call creates; a database
  // that exists keeps the size it was made with. A power of two from 512 to 65536
  // (kInvalidArgument otherwise). Larger pages make a first ingest faster (fewer pages
  // to write, log and split: 16 KiB against SQLite's 4 KiB, 15% at 20,000 notes) but
  // log more bytes for a small change (a 1% re-sync writes about twice as much). See
  // docs/performance.md. Default: 16 KiB.
  int page_bytes = 16 << 10;
};

class Store {
 public:
  // Opens or creates the database at `path`; upgrades one written by an older notestore
  // (see open_message()). Throws Error with kNotFound when the file is missing and may
  // not be created, kSchemaMismatch when it was written by a newer notestore (or by an
  // older one and read_only is set), kCorrupt when it is not a notestore database.
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
  //
  // From its first ingest to its destruction, the Store keeps one thread of its own
  // (with its own connection to the file) that copies SQLite's write-ahead log back into
  // the database file after commits, so an ingest does not stop for it and may return
  // before the last copy ends. The destructor waits for it; nothing is lost either way.
  // As with any SQLite connection, do not use a Store in a child process made by fork().
  // Destroying one there does not wait for the parent's thread and runs no SQL, but it
  // closes the connection, which SQLite advises against in a child (the close may block
  // on a lock another thread held at the fork, or act on file locks the child does not
  // hold): a child should exec() or _exit() rather than destroy a Store.
  IngestReport ingest(const std::string& vault_dir, const IngestOptions& options = IngestOptions());

  // --- Queries. All read-only; results are plain values the caller owns. ---

  std::vector<Task> tasks(const TaskQuery& query = TaskQuery()) const;
  std::vector<Meeting> meetings(const MeetingQuery& query = MeetingQuery()) const;
  std::vector<Decision> decisions(const DecisionQuery& query = DecisionQuery()) const;
  // Facts of one kind ("blocker"...), or all when `kind` is empty; in vault order.
  std::vector<Fact> facts(const std::string& kind = "") const;
  // Everyone, by name, with meeting and open-task counts.
  std::vector<Person> people() const;
  // Every account, by name.
  std::vector<Account> accounts() const;
  // Groups of repeated meetings, tasks and decisions (`kind` "meeting", "task" or
  // "decision"; empty for all), with each repeat's similarity to the canonical one.
  std::vector<DuplicateGroup> duplicates(const std::string& kind = "") const;
  // Diagnostics at `min_severity` or worse, by path and line.
  std::vector<Diagnostic> diagnostics(Severity min_severity = Severity::kInfo) const;

  // One person with their meetings, open tasks, accounts and notes. Throws
  // Error(kInvalidArgument) for a negative options.limit.
  PersonProfile person(const std::string& name, const ProfileOptions& options = {}) const;
  // One account with its people, meetings, decisions, open tasks and facts.
  AccountProfile account(const std::string& name, const ProfileOptions& options = {}) const;
  // One note (by path, ".md" optional, or by a unique title or file name) with its body,
  // properties, tasks, decisions, facts, outgoing links and backlinks.
  NoteDetail note(const std::string& path) const;
  // Links in the note, and links from other notes to it.
  std::vector<Link> links_from(const std::string& path) const;
  std::vector<Link> backlinks(const std::string& path) const;

  // Full-text search over notes, tasks and decisions, best first (BM25, with title
  // matches weighted above body matches). Plain words are matched as words whatever
  // punctuation they hold; "quoted phrases", prefix* and upper-case AND / OR / NOT with
  // parentheses work too. Throws Error(kQuery) for malformed operators or parentheses
  // (or parentheses nested more than 10 deep), Error(kInvalidArgument) for a query with
  // no words.
  std::vector<SearchHit> search(const std::string& text,
                                const SearchOptions& options = SearchOptions()) const;

  // Runs a Dataview query (DQL) as Obsidian's Dataview plugin would, with `context_note`
  // (a path, or a note's name; "" for none) as the note holding it, which `this` and
  // [[]] refer to. LIST, TABLE and TASK queries with FROM (#tags, "folders", [[links]],
  // outgoing([[links]]), and, or, -), WHERE, SORT, GROUP BY, FLATTEN and LIMIT; see
  // docs/dataview.md for the fields and functions. Throws Error(kQuery) saying where a
  // query is malformed, or naming the unsupported feature it uses; Error(kNotFound) when
  // `context_note` names no note.
  DataviewResult dataview(const std::string& query, const std::string& context_note = "") const;

  // The note at `path` (its body, without frontmatter) with each ```dataview block
  // replaced by its result in Markdown; a block that fails shows its error instead.
  // Throws Error(kNotFound) when no note has that path or name.
  std::string render(const std::string& path) const;

  // The path the store was opened with.
  const std::string& path() const;

  // The schema version of the open database (kSchemaVersion once written).
  int schema_version() const;

  // What open() changed in the file, for the user to see: empty, or a sentence such as
  // "vault.db: upgraded the database schema from version 1 to 2" when it migrated a
  // database written by an older notestore (in one transaction, keeping all its data).
  const std::string& open_message() const;

  struct Impl;  // Defined in lib/api; opaque to clients.

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace notestore

#endif  // NOTESTORE_STORE_H_
