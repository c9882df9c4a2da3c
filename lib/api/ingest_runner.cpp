#include "api/ingest_runner.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <future>
#include <optional>
#include <system_error>
#include <vector>

#include "api/prepared_file.h"
#include "notestore/error.h"
#include "resolve/vault_resolver.h"
#include "scan/vault_scanner.h"
#include "store/bulk_indexes.h"
#include "store/change_set.h"
#include "store/ingest_log.h"
#include "store/note_writer.h"
#include "store/row_count_tracker.h"
#include "store/row_counts.h"
#include "store/schema.h"
#include "store/sqlite_errors.h"
#include "store/statement_binding.h"
#include "util/ordered_parallel.h"
#include "util/step_times.h"

namespace notestore::api {
namespace {

using Clock = std::chrono::steady_clock;

// Notes written into an empty store from which indexes are built at the end rather than
// kept up as rows go in (measured at 20,000 notes: 13.4 s -> 11.3 s, index builds
// included). Below this, building them would cost more than it saves.
constexpr int kBulkLoadFrom = 1000;

void ValidateOptions(const IngestOptions& options) {
  if (options.extensions.empty()) {
    throw Error(ErrorCode::kInvalidArgument, "at least one file extension is needed");
  }
  for (const std::string& ext : options.extensions) {
    if (ext.size() < 2 || ext[0] != '.' || ext.find('/') != std::string::npos) {
      throw Error(ErrorCode::kInvalidArgument,
                  "extension '" + ext + "' must start with a dot, like \".md\"");
    }
  }
  for (const std::string& path : options.paths) scan::CheckRelativePath(path);
  if (options.threads < 0) {
    throw Error(ErrorCode::kInvalidArgument, "threads must be 0 (all cores) or more");
  }
  if (options.batch_size < 1) {
    throw Error(ErrorCode::kInvalidArgument, "batch_size must be at least 1");
  }
  if (options.parser_niceness < 0 || options.parser_niceness > 19) {
    throw Error(ErrorCode::kInvalidArgument, "parser_niceness must be from 0 to 19");
  }
  auto positive = [](int64_t value, const char* name) {
    if (value < 1)
      throw Error(ErrorCode::kInvalidArgument, std::string(name) + " must be positive");
  };
  positive(options.max_file_bytes, "max_file_bytes");
  positive(options.max_frontmatter_values, "max_frontmatter_values");
  positive(options.max_frontmatter_depth, "max_frontmatter_depth");
  positive(options.max_table_columns, "max_table_columns");
  positive(options.max_table_cells, "max_table_cells");
  positive(options.max_table_bytes, "max_table_bytes");
}

// A note the store holds, with what the ingest compares to skip its file.
struct StoredNote {
  std::string path;
  StoredFile file;
};

// The notes stored at or under `paths` (all of them when empty), sorted by path (bytewise,
// as the scan sorts files), read from the notes_file index rather than the table, whose
// rows hold the bodies. The range test on path uses it too: '0' is the character after '/'.
// Room for `expected` notes is made at once: a list grown by doubling touches twice its
// size in fresh pages, each a page fault.
std::vector<StoredNote> LoadStoredFiles(SQLite::Database& db, const std::vector<std::string>& paths,
                                        size_t expected) {
  std::vector<StoredNote> out;
  if (paths.empty()) out.reserve(expected);
  SQLite::Statement q(
      db, paths.empty() ? "SELECT id, path, file_size, file_mtime_ns, content_hash "
                          "FROM notes INDEXED BY notes_file ORDER BY path"
                        : "SELECT id, path, file_size, file_mtime_ns, content_hash FROM notes "
                          "WHERE path = ?1 OR (path > ?1 || '/' AND path < ?1 || '0')");
  auto read = [&] {
    while (q.executeStep()) {
      out.push_back(StoredNote{q.getColumn(1).getString(),
                               StoredFile{q.getColumn(0).getInt64(), q.getColumn(2).getInt64(),
                                          q.getColumn(3).getInt64(), q.getColumn(4).getInt64()}});
    }
  };
  if (paths.empty()) read();
  for (const std::string& scope : paths) {
    q.bind(1, scope);
    read();
    q.reset();
  }
  if (!paths.empty()) {  // Scopes may overlap (a folder and a file in it).
    auto by_path = [](const StoredNote& a, const StoredNote& b) { return a.path < b.path; };
    std::sort(out.begin(), out.end(), by_path);
    out.erase(
        std::unique(out.begin(), out.end(),
                    [](const StoredNote& a, const StoredNote& b) { return a.path == b.path; }),
        out.end());
  }
  return out;
}

// Pairs each scanned file with its stored note (null for a new file), both lists being
// sorted by path; the stored notes left over are those whose files are gone.
struct Matched {
  std::vector<const StoredFile*> known;  // Parallel to the scan's files.
  std::vector<const StoredNote*> gone;
};
Matched MatchStored(const scan::ScanResult& scan, const std::vector<StoredNote>& stored) {
  Matched out;
  out.known.assign(scan.files.size(), nullptr);
  size_t j = 0;
  for (size_t i = 0; i < scan.files.size(); ++i) {
    const std::string& path = scan.files[i].rel_path;
    while (j < stored.size() && stored[j].path < path) out.gone.push_back(&stored[j++]);
    if (j < stored.size() && stored[j].path == path) out.known[i] = &stored[j++].file;
  }
  while (j < stored.size()) out.gone.push_back(&stored[j++]);
  return out;
}

class IngestRun {
 public:
  IngestRun(SQLite::Database& db, const IngestOptions& options, int64_t run)
      : db_(db),
        options_(options),
        run_(run),
        parse_options_(ParseOptionsFor(options)),
        start_(Clock::now()) {}

  IngestReport Run(const std::string& vault_dir) {
    Progress(IngestProgress::Phase::kScanning, 0, 0, true);
    // The vault is scanned on another thread while this one reads what the store holds
    // (a fifth of the scan step at 100,000 notes). The highest note id is about as many
    // files as the store held (more after removals), and room for them is made at once;
    // bounded, as a hand-edited id may be anything.
    const int64_t highest_id = db_.execAndGet("SELECT ifnull(max(id), 0) FROM notes").getInt64();
    const scan::ScanOptions scan_options{
        options_.extensions, static_cast<size_t>(std::clamp<int64_t>(highest_id, 0, 1 << 22))};
    auto scan_vault = [&] {
      return options_.paths.empty() ? scan::ScanVault(vault_dir, scan_options)
                                    : scan::ScanPaths(vault_dir, options_.paths, scan_options);
    };
    std::future<scan::ScanResult> scanning;
    try {
      scanning = std::async(std::launch::async, scan_vault);
    } catch (const std::system_error&) {  // No thread to be had: in turn, here.
      scanning = std::async(std::launch::deferred, scan_vault);
    }
    const std::vector<StoredNote> stored =
        LoadStoredFiles(db_, options_.paths, scan_options.expected_files);
    scan::ScanResult scan = scanning.get();
    report_.files_seen = static_cast<int64_t>(scan.files.size());

    const std::string stored_me = store::GetMeta(db_, "me");
    me_ = options_.me.empty() ? stored_me : options_.me;
    const bool reparse_all = options_.force || store::GetMeta(db_, "parser_version") !=
                                                   std::to_string(store::kParserVersion);
    const bool pending = store::GetMeta(db_, "resolve_pending") == "1";
    bool must_resolve = pending || me_ != stored_me;
    // Into an empty store, the writer sets the person ids that need no vault-wide
    // knowledge (store/known_people.h), for a whole-vault pass to check.
    const bool first_ingest = stored.empty() && options_.paths.empty();
    // The vault-wide pass can redo only what this run changes when it is the only
    // change since the last pass: not after a run that died owing one, nor when the
    // meaning of @Me changed, nor after a first ingest's guessed person ids.
    const bool scoped_resolve = !pending && me_ == stored_me && !reparse_all && !first_ingest;
    const Matched matched = MatchStored(scan, stored);
    // The totals the last run stored, if it left any, brought up to date by following
    // this run's writes; not through a rewrite of every note, which would pay for
    // following millions of rows what one count costs.
    if (!first_ingest && !reparse_all) {
      counts_before_ = store::StoredRowCounts(db_);
      if (counts_before_ && store::RowCountTracker::Available()) tracker_.emplace(db_);
    }
    steps_.Lap("scan");
    store::NoteWriter writer(db_, &changes_);
    term_writer_.emplace(db_);
    if (first_ingest) writer.AssignKnownPeople(me_);
    // Notes are written batch_size to a transaction, so readers see each note whole and a
    // crash loses at most one batch. The first batch also holds the removals and the last
    // one the vault-wide pass: an ingest of up to batch_size changed files is one
    // transaction, and readers never see its notes before their owners and links.
    std::optional<SQLite::Transaction> txn;
    txn.emplace(db_, SQLite::TransactionBehavior::IMMEDIATE);
    // Committed with this run's first write, so a run that dies after some batches
    // leaves no totals behind; the run's end stores them again (store/row_counts.h).
    store::ForgetRowCounts(db_);
    RemoveGone(scan, matched.gone, writer);

    // Files whose size and mtime match the store are settled here, without a worker.
    // The rest are read and parsed by workers; this thread, which owns the connection,
    // writes them in scan order. The window bounds the parsed notes waiting in memory.
    const int64_t total = static_cast<int64_t>(scan.files.size());
    std::vector<std::pair<size_t, const StoredFile*>> todo;
    for (size_t i = 0; i < scan.files.size(); ++i) {
      const scan::ScannedFile& file = scan.files[i];
      const StoredFile* known = matched.known[i];
      if (known && !reparse_all && known->size == file.size && known->mtime_ns == file.mtime_ns) {
        ++report_.files_unchanged;
      } else {
        todo.emplace_back(i, known);
      }
    }
    // A first ingest of a vault of any size builds most indexes at the end (bulk_indexes.h);
    // an index a crashed one left undone is built first.
    store::RestoreIndexes(db_);
    const bool bulk = stored.empty() && options_.paths.empty() &&
                      todo.size() >= static_cast<size_t>(kBulkLoadFrom);
    if (bulk) store::DropIndexesForBulkLoad(db_);
    const int threads = util::WorkerThreads(options_.threads);
    const int64_t settled = report_.files_unchanged;
    int64_t in_batch = 0;
    bool batches_committed = false;
    util::OrderedParallelMap<PreparedFile>(
        todo.size(), threads, static_cast<size_t>(threads) * 32,
        [&](size_t k) {
          return PrepareFile(scan.files[todo[k].first], todo[k].second, reparse_all, options_,
                             parse_options_, &term_claims_, k);
        },
        [&](size_t k, PreparedFile&& prepared) {  // Left to a worker to destroy.
          Apply(scan.files[todo[k].first], todo[k].second, prepared, writer);
          Progress(IngestProgress::Phase::kParsing, settled + static_cast<int64_t>(k) + 1, total,
                   false);
          if (++in_batch == options_.batch_size && k + 1 < todo.size()) {
            writer.FlushSearch();
            term_writer_->Flush();  // With the notes that hold them.
            txn->commit();
            txn.emplace(db_, SQLite::TransactionBehavior::IMMEDIATE);
            in_batch = 0;
            batches_committed = true;
          }
        },
        options_.parser_niceness);
    if (todo.empty() && total > 0) Progress(IngestProgress::Phase::kParsing, total, total, true);

    writer.FlushSearch();
    term_writer_->Flush();
    steps_.Lap("write");
    // Before the notes are published: readers then find them with their indexes.
    if (bulk && store::RestoreIndexesButReferences(db_) > 0) steps_.Lap("indexes");
    // A run of several batches has shown readers its earlier ones before the pass; its
    // last one is committed too, so that the checkpoint thread copies its pages back
    // while the pass runs, rather than the closing connection after it.
    bool published = false;
    if (changed_ && (options_.publish_before_resolve || batches_committed)) {
      txn->commit();
      txn.emplace(db_, SQLite::TransactionBehavior::IMMEDIATE);
      steps_.Lap("publish");
      published = true;
    }
    if (changed_ || must_resolve) {
      Progress(IngestProgress::Phase::kResolving, total, total, true);
      report_.resolved_scoped = resolve::ResolveVault(db_, resolve::ResolveOptions{me_, published},
                                                      scoped_resolve ? &changes_ : nullptr, steps_);
      if (Analyze()) steps_.Lap("statistics");
      store::SetMeta(db_, "resolve_pending", "0");
      if (!me_.empty()) store::SetMeta(db_, "me", me_);
      store::SetMeta(db_, "parser_version", std::to_string(store::kParserVersion));
      report_.resolved = true;
    }
    // The vocabulary only grows as notes change; a run that re-parsed them all (--force,
    // a new parser) drops the terms whose rows are gone.
    if (reparse_all && !first_ingest && options_.paths.empty()) {
      store::PruneSearchTerms(db_);
      steps_.Lap("terms");
    }
    store::FinishIngestRun(db_, run_, report_);
    txn->commit();
    steps_.Lap("commit");
    FinishCounts();
    report_.steps = steps_.Take();
    report_.seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    Progress(IngestProgress::Phase::kDone, total, total, true);
    return report_;
  }

 private:
  // Fresh statistics let the query planner start from the selective index (notes of
  // an account, tasks of a person) rather than scan. Sampled, but still most of a second
  // at 100,000 notes, so they are refreshed only when the store has grown or shrunk by a
  // tenth since they were taken, or a tenth of it changed. Returns whether it did.
  bool Analyze() {
    const int64_t notes = db_.execAndGet("SELECT count(*) FROM notes").getInt64();
    const int64_t analyzed = std::stoll(store::GetMeta(db_, "analyzed_notes", "0"));
    const auto changed = static_cast<int64_t>(changes_.notes.size());
    if (analyzed > 0 && std::abs(notes - analyzed) * 10 < analyzed && changed * 10 < notes) {
      return false;
    }
    db_.exec("PRAGMA analysis_limit = 400; ANALYZE");
    store::SetMeta(db_, "analyzed_notes", std::to_string(notes));
    return true;
  }

  // Whether this run examined `rel_path`: always, unless options_.paths limits it.
  bool InScope(const std::string& rel_path) const {
    if (options_.paths.empty()) return true;
    for (const std::string& scope : options_.paths) {
      if (scan::InScope(rel_path, scope)) return true;
    }
    return false;
  }

  // Problems found by the scan replace those of the previous scan of the same paths;
  // notes whose files are gone are removed.
  void RemoveGone(const scan::ScanResult& scan, const std::vector<const StoredNote*>& gone,
                  store::NoteWriter& writer) {
    if (options_.paths.empty()) {
      db_.exec("DELETE FROM diagnostics WHERE stage = 'read' AND note_id IS NULL");
    } else {
      SQLite::Statement clear(db_,
                              "DELETE FROM diagnostics WHERE stage = 'read' AND note_id IS NULL "
                              "AND (path = ?1 OR substr(path, 1, length(?1) + 1) = ?1 || '/')");
      for (const std::string& scope : options_.paths) store::Exec(clear, scope);
    }
    for (const scan::ScanProblem& p : scan.problems)
      writer.WriteFileProblem(p.rel_path, 0, {p.diagnostic});
    for (const StoredNote* note : gone) {
      if (InScope(note->path)) {
        writer.Remove(note->file.id);
        ++report_.files_removed;
      }
    }
    if (report_.files_removed > 0) MarkChanged();
  }

  // The first change of a run records that the vault-wide pass is owed, in the same
  // transaction, so a crash before that pass still leaves the debt on record.
  void MarkChanged() {
    if (changed_) return;
    changed_ = true;
    store::SetMeta(db_, "resolve_pending", "1");
  }

  // Applies what a worker prepared for `file` (see PrepareFile) to the store.
  void Apply(const scan::ScannedFile& file, const StoredFile* stored, PreparedFile& prepared,
             store::NoteWriter& writer) {
    const int64_t stored_id = stored ? stored->id : 0;
    switch (prepared.outcome) {
      case PreparedFile::Outcome::kRestat:
        writer.UpdateFileStat(stored_id, file.size, file.mtime_ns);
        ++report_.files_unchanged;
        return;
      case PreparedFile::Outcome::kVanished:
        if (stored_id) {
          writer.Remove(stored_id);
          MarkChanged();
          ++report_.files_removed;
        }
        writer.WriteFileProblem(file.rel_path, 0, prepared.read_diagnostics);
        return;
      case PreparedFile::Outcome::kSkipped:
        Skip(file, stored_id, prepared.read_diagnostics, writer);
        return;
      case PreparedFile::Outcome::kFailed:
        writer.WriteFileProblem(file.rel_path, stored_id, prepared.read_diagnostics);
        ++report_.files_failed;
        return;
      case PreparedFile::Outcome::kParsed:
        break;
    }
    MarkChanged();
    writer.Write(
        store::FileState{file.rel_path, file.size, file.mtime_ns, prepared.hash, prepared.repairs},
        *prepared.note, *prepared.record, prepared.read_diagnostics, prepared.meeting_words,
        prepared.search_tokens ? &*prepared.search_tokens : nullptr);
    term_writer_->Add(std::move(prepared.new_search_terms));
    ++report_.files_parsed;
  }

  // A file that is not a note (too large, binary): its diagnostics stay, and a note
  // stored from an earlier version of the file goes, since the file no longer holds it.
  void Skip(const scan::ScannedFile& file, int64_t stored_id, const Diagnostics& diags,
            store::NoteWriter& writer) {
    if (stored_id) {
      writer.Remove(stored_id);
      MarkChanged();
    }
    writer.WriteFileProblem(file.rel_path, 0, diags);
    ++report_.files_failed;
  }

  // Reports the first step of each phase, then at most ten a second.
  void Progress(IngestProgress::Phase phase, int64_t done, int64_t total, bool force) {
    if (!options_.on_progress) return;
    const auto now = Clock::now();
    if (!force && phase == last_phase_ && now - last_progress_ < std::chrono::milliseconds(100)) {
      return;
    }
    last_progress_ = now;
    last_phase_ = phase;
    options_.on_progress(IngestProgress{phase, done, total});
  }

  // The store's totals after the run (store/row_counts.h): those stored when it began
  // brought up to date by the tracker that followed its writes, else counted. Stored
  // for the next run, and reported with count_rows.
  void FinishCounts() {
    std::optional<store::RowCounts> counts;
    if (tracker_) counts = tracker_->Apply(*counts_before_);  // All of it committed now.
    tracker_.reset();  // Unhooked before the statements below.
    if (!counts && options_.count_rows) counts = store::CountRows(db_);
    if (counts) store::StoreRowCounts(db_, *counts);
    if (!options_.count_rows) return;
    report_.table_rows = std::move(counts->tables);
    report_.diagnostics = std::move(counts->diagnostics);
    steps_.Lap("report");
  }

  SQLite::Database& db_;
  const IngestOptions& options_;
  const int64_t run_;  // This ingest's row in ingest_runs.
  const parse::ParseOptions parse_options_;
  const Clock::time_point start_;
  util::StepTimes steps_;  // Started with the run, as start_ is.
  Clock::time_point last_progress_{};
  IngestProgress::Phase last_phase_ = IngestProgress::Phase::kDone;
  IngestReport report_;
  store::ChangeSet changes_;  // What this run wrote, for the vault-wide pass.
  std::string me_;
  bool changed_ = false;
  std::optional<store::RowCounts> counts_before_;       // As stored when the run began.
  store::SearchTermClaims term_claims_;                 // The terms this run's notes gave.
  std::optional<store::SearchTermWriter> term_writer_;  // Writes them, once the run writes.
  std::optional<store::RowCountTracker> tracker_;       // Following the writes since then.
};

}  // namespace

IngestReport RunIngest(SQLite::Database& db, const std::string& vault_dir,
                       const IngestOptions& options) {
  ValidateOptions(options);
  int64_t run = 0;
  try {
    run = store::BeginIngestRun(db, vault_dir);
    return IngestRun(db, options, run).Run(vault_dir);
  } catch (const SQLite::Exception& e) {
    store::FailIngestRun(db, run, e.what());
    store::RethrowSqlite(e, "ingest of " + vault_dir + " failed");
  } catch (const std::exception& e) {
    store::FailIngestRun(db, run, e.what());
    throw;
  }
}

}  // namespace notestore::api
