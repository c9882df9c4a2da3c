// Options for, progress of, and the report of one ingest of a vault.
#ifndef NOTESTORE_INGEST_H_
#define NOTESTORE_INGEST_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace notestore {

// Where an ingest is: sent to IngestOptions::on_progress.
struct IngestProgress {
  enum class Phase { kScanning, kParsing, kResolving, kDone };
  Phase phase = Phase::kScanning;
  int64_t files_done = 0;   // Files examined so far in this phase.
  int64_t files_total = 0;  // Files found by the scan (0 while scanning).
};

struct IngestOptions {
  // File name extensions, with the dot, compared case-insensitively.
  // Default: {".md"}.
  std::vector<std::string> extensions = {".md"};

  // The full name of the vault's owner. Task owners written `@Me` or `@Myself` resolve
  // to this person. Empty keeps the name given to an earlier ingest of the same
  // database (it is remembered); if none was ever given, such tasks stay unowned and a
  // diagnostic says so. Default: empty.
  std::string me;

  // Re-parse every file even when its size, modification time and hash are unchanged.
  // Default: false.
  bool force = false;

  // Undo mojibake (UTF-8 once decoded as Windows-1252, Windows-1254, Latin-1 or MacRoman:
  // "Azureâ€™s", "ğŸ“…") before parsing, so dates and priorities of mangled task lines are
  // read. The file itself is never modified; each repaired note gets an info diagnostic
  // and notes.repairs counts the characters. Default: true.
  bool repair_text = true;

  // Number of notes written per transaction. Readers see the store change one batch at
  // a time; a crash loses at most the batch in progress, which the next ingest redoes.
  // Default: 256.
  int batch_size = 256;

  // Vault-relative paths ('/'-separated) to examine instead of the whole vault: a file
  // is synced, a folder walked, and every stored note at or under a path whose file is
  // gone is removed. Notes elsewhere are left as they are, even if their files changed.
  // For callers that know what changed, such as a file watcher. A path that leaves the
  // vault (absolute, or with a ".." segment) throws Error(kInvalidArgument).
  // Default: empty, which scans the whole vault.
  std::vector<std::string> paths;

  // Commit changed notes before the vault-wide pass that resolves people, accounts,
  // links and repeats, instead of in one transaction with it, so readers can find a
  // changed note (search, tasks, facts) as soon as it is written; its owners,
  // attendees and repeats are filled in when the pass commits. An ingest of more than
  // batch_size changed files does so whatever this says (its batches are committed as
  // they are written, the last one too). A pass after such a commit may compare the
  // vault's decisions on a thread of its own, through a second, read-only connection to
  // the database file, while it resolves the rest. Default: false.
  bool publish_before_resolve = false;

  // Report the store's totals in IngestReport::table_rows and ::diagnostics. The store
  // keeps them up to date as ingests write rows, so this costs nothing, except when it
  // holds none: after a first ingest or a full re-parse, an ingest that died, or an
  // ingest with this option off that found none either, they are counted (a walk of
  // one index per table, about 0.3 s at 100,000 notes). With false the report's maps
  // are empty and nothing is counted. Default: true.
  bool count_rows = true;

  // Threads that read and parse files while the calling thread writes them to the
  // database; 0 means one per core. Default: 0.
  int threads = 0;

  // How far below the calling thread's CPU priority those threads run, as a Linux nice
  // increment, 0 to 19 (capped at nice 19). The writing thread, the caller's, bounds an
  // ingest; at 19 the parsing threads never take a core from it, nor from the rest of the
  // machine (a first ingest of 20,000 notes on 2 cores: write step 18.7-20.4 s at 0,
  // 13.3-14.9 s at 19). The price: while other work keeps every core busy, parsing runs
  // slowly and the writer waits for it. 0 keeps the caller's priority. Default: 19.
  int parser_niceness = 19;

  // Limits that bound the time and memory one note can take, whatever it holds. With
  // them, parsing is linear in a note's size; each limit that cuts a note short adds a
  // diagnostic saying what was left out.
  //
  // Files larger than this are not read: they get a diagnostic and are left out.
  // Default: 64 MiB.
  int64_t max_file_bytes = int64_t{64} << 20;
  // YAML values read from one note's frontmatter; the rest are dropped. An alias bomb
  // ("billion laughs") expands to billions of values from a few lines. Default: 10000.
  int max_frontmatter_values = 10000;
  // Nesting of frontmatter lists and maps; deeper values are dropped. Default: 32.
  int max_frontmatter_depth = 32;
  // A Markdown table with more columns is read as text. Default: 256.
  int max_table_columns = 256;
  // Cells of one table (columns x rows, short rows padded as GFM does); later rows are
  // read as text. Default: 250000.
  int64_t max_table_cells = 250000;
  // Bytes of one table; later rows are read as text. Default: 4 MiB.
  int64_t max_table_bytes = int64_t{4} << 20;

  // Called from the ingesting thread as work advances: on entering each phase (for
  // kParsing, after the first file), then at most ten times a second, and once with
  // Phase::kDone. Must not call back into the Store.
  // Default: none.
  std::function<void(const IngestProgress&)> on_progress;
};

// The wall-clock time of one step of an ingest (IngestReport::steps).
struct IngestStep {
  std::string name;    // Which step: see IngestReport::steps.
  double seconds = 0;  // Its wall-clock time.
};

// What an ingest did. Counts refer to this run, except table_rows and the
// diagnostic totals, which describe the whole store after it.
struct IngestReport {
  int64_t files_seen = 0;       // Files found by the scan.
  int64_t files_parsed = 0;     // New or changed files, parsed and stored.
  int64_t files_unchanged = 0;  // Skipped: same size and mtime, or same content hash.
  int64_t files_removed = 0;    // Notes whose files are gone, deleted from the store.
  int64_t files_failed = 0;     // Files that could not be read or were skipped.
  bool resolved = false;        // Whether people, accounts and links were re-resolved.
  // Whether that vault-wide pass redid only what this run's changes touch (the notes
  // changed, and those whose people, accounts, links or repeats depend on them), rather
  // than the whole vault. False when any part of it went over the whole vault, as the
  // people part does when a change may alter how names in other notes resolve (a full
  // name written for the first time, or a spelling that may be the one a person is shown
  // by). Either way the result is the same.
  bool resolved_scoped = false;
  double seconds = 0;  // Wall-clock time of the whole ingest.
  // Where that time went, in the order the steps ran: "scan" (listing the vault and
  // reading what the store knows of its files), "write" (reading, parsing and storing
  // the new and changed files, and removing notes whose files are gone: the batches'
  // commits included, and any index a crashed ingest left unbuilt), "indexes" (after a
  // first ingest's files, the indexes it builds at the end), "publish" (with
  // publish_before_resolve, or after a run of several batches, committing the last
  // notes); then, when the vault-wide pass runs, "people", "accounts", "links", "indexes"
  // again (a first ingest's indexes of the columns the pass sets), "meetings", "tasks" and
  // "decisions" (finding repeats), "counts" and "statistics" (the query planner's); last
  // "commit" and "report" (the store's totals for table_rows, with count_rows). A step
  // that did no work (no index to build, statistics still fresh) is left out.
  // Informational: names may be added in later versions.
  std::vector<IngestStep> steps;

  // Rows per table after the ingest, keyed by table name ("notes", "tasks", ...).
  // Empty when IngestOptions::count_rows is false.
  std::map<std::string, int64_t> table_rows;
  // Diagnostics in the store after the ingest, keyed by severity
  // ("error", "warning", "info"; each present, 0 when there are none). Empty when
  // IngestOptions::count_rows is false.
  std::map<std::string, int64_t> diagnostics;
};

}  // namespace notestore

#endif  // NOTESTORE_INGEST_H_
