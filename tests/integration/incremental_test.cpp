// A second ingest re-parses only what changed and leaves the store exactly as a fresh
// ingest of the same files would (compared through CanonicalDump).
#include <SQLiteCpp/Database.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "notestore/notestore.h"
#include "support/test_support.h"

namespace notestore {
namespace {

using testing::CanonicalDump;
using testing::QueryValue;

class Incremental : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::CopyTree(testing::FixturePath("vault"), dir_.Join("vault"));
    db_ = dir_.Join("live.db");
  }

  IngestReport Ingest(const std::string& me = "Dana Whitfield") {
    IngestOptions options;
    options.me = me;
    return Store::open(db_).ingest(vault(), options);
  }

  // A fresh database built from the vault as it is now must equal the live one.
  void ExpectSameAsFresh() {
    const std::string fresh = dir_.Join("fresh-" + std::to_string(++fresh_count_) + ".db");
    IngestOptions options;
    options.me = "Dana Whitfield";
    Store::open(fresh).ingest(vault(), options);
    EXPECT_EQ(testing::DumpDifference(CanonicalDump(db_), CanonicalDump(fresh)), "");
  }

  // Sets a file's modification time explicitly, so tests do not depend on clock ticks.
  void SetMtime(const std::string& rel, time_t seconds) {
    struct timespec times[2] = {{seconds, 0}, {seconds, 0}};
    ASSERT_EQ(utimensat(AT_FDCWD, (vault() + "/" + rel).c_str(), times, 0), 0);
  }

  std::string vault() const { return dir_.Join("vault"); }

  testing::TempDir dir_;
  std::string db_;
  int fresh_count_ = 0;
};

// The writer's FTS5 replays tokens recorded on the parsing threads (store/token_replay.h);
// SQLite's own tokenizer, on a plain connection, must find the index it would have made,
// after a first ingest and after notes changed and went.
TEST_F(Incremental, TheSearchIndexIsTheOneSqlitesOwnTokenizerMakes) {
  Ingest();
  dir_.Write(
      "vault/Notes/Scratch.md",
      "---\naliases: [Brouillon]\n---\n# Rewritten café notes\n\n"
      "Naïve rôle of the Zürich team.\n\n- [ ] Draft the quixotré @Priya Raman 📅 2024-05-01\n"
      "\n## Decisions\n\n- Ship it on Tuesday.\n");
  dir_.Remove("vault/Notes/Broken yaml.md");
  Ingest();
  SQLite::Database plain(db_, SQLite::OPEN_READWRITE);
  EXPECT_NO_THROW(plain.exec("INSERT INTO search(search, rank) VALUES('integrity-check', 1)"));
  EXPECT_EQ(QueryValue(db_, "SELECT count(*) FROM search WHERE search MATCH 'zurich'"), "1");
  EXPECT_EQ(QueryValue(db_, "SELECT group_concat(kind) FROM search WHERE search MATCH 'quixotre'"),
            "note,task");
}

// The segments of the search index: its structure record, in FTS5's file format, is a
// 4-byte cookie and then (SQLite varints) the number of levels and of segments.
int SearchSegments(const std::string& db) {
  SQLite::Database plain(db, SQLite::OPEN_READONLY);
  SQLite::Statement q(plain, "SELECT block FROM search_data WHERE id = 10");
  if (!q.executeStep()) return -1;
  const auto* p = static_cast<const unsigned char*>(q.getColumn(0).getBlob()) + 4;
  auto varint = [&p] {
    int64_t v = 0;
    for (int i = 0; i < 9; ++i) {
      const unsigned char b = *p++;
      if (i == 8) return (v << 8) | b;
      v = (v << 7) | (b & 0x7f);
      if (b < 0x80) break;
    }
    return v;
  };
  varint();  // Levels.
  return static_cast<int>(varint());
}

// FTS5 writes the terms it holds out as a new segment at every statement that opens a
// savepoint, as updating a changed note's row does (a trigger watches its account).
// Written with each note, a re-sync made a segment per changed note, merged again and
// again; a batch's search rows are written together, and make one.
TEST_F(Incremental, AResyncOfManyNotesWritesOneSearchSegment) {
  Ingest();
  {
    // No merging, so that every segment written is there to count.
    SQLite::Database plain(db_, SQLite::OPEN_READWRITE);
    plain.exec("INSERT INTO search(search, rank) VALUES('automerge', 0)");
    plain.exec("INSERT INTO search(search, rank) VALUES('crisismerge', 1999)");
  }
  const int before = SearchSegments(db_);
  ASSERT_GT(before, 0);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(vault())) {
    if (entry.path().extension() != ".md") continue;
    std::ofstream(entry.path(), std::ios::app) << "\n- [ ] Count the segments @Priya Raman\n";
  }
  const IngestReport report = Ingest();
  ASSERT_GE(report.files_parsed, 8);
  EXPECT_EQ(SearchSegments(db_), before + 1);
  EXPECT_EQ(QueryValue(
                db_, "SELECT count(*) FROM search WHERE search MATCH 'segments' AND kind = 'note'"),
            std::to_string(report.files_parsed));
  ExpectSameAsFresh();
}

// Search rows go with the batch that commits their notes: small batches, the note with
// the highest id removed and a new one (which may take its id) added in the same run.
TEST_F(Incremental, SearchRowsGoWithTheirBatchAndANotesIdTakenAgain) {
  IngestOptions options;
  options.me = "Dana Whitfield";
  options.batch_size = 2;
  Store::open(db_).ingest(vault(), options);
  const std::string last =
      QueryValue(db_, "SELECT path FROM notes WHERE id = (SELECT max(id) FROM notes)");
  dir_.Remove("vault/" + last);
  dir_.Write("vault/Notes/Zebra crossing.md",
             "# Zebra crossing\n\nThe quagga survey moved to May.\n\n"
             "- [ ] Book the quagga boat @Priya Raman\n");
  Store::open(db_).ingest(vault(), options);
  EXPECT_EQ(QueryValue(db_, "SELECT count(*) FROM search WHERE kind = 'note'"),
            QueryValue(db_, "SELECT count(*) FROM notes"));
  EXPECT_EQ(QueryValue(db_, "SELECT group_concat(kind) FROM search WHERE search MATCH 'quagga'"),
            "note,task");
  SQLite::Database plain(db_, SQLite::OPEN_READWRITE);
  EXPECT_NO_THROW(plain.exec("INSERT INTO search(search, rank) VALUES('integrity-check', 1)"));
  ExpectSameAsFresh();
}

TEST_F(Incremental, NothingChangedParsesNothing) {
  EXPECT_EQ(Ingest().files_parsed, 10);
  const IngestReport again = Ingest();
  EXPECT_EQ(again.files_parsed, 0);
  EXPECT_EQ(again.files_unchanged, 10);
  EXPECT_FALSE(again.resolved);
  ExpectSameAsFresh();
}

std::vector<std::string> StepNames(const IngestReport& report) {
  std::vector<std::string> names;
  for (const IngestStep& step : report.steps) names.push_back(step.name);
  return names;
}

// IngestReport::steps: the steps that ran, in order, each timed, within the whole.
TEST_F(Incremental, ReportsTheStepsThatRan) {
  const IngestReport first = Ingest();
  EXPECT_EQ(
      StepNames(first),
      (std::vector<std::string>{"scan", "write", "people", "accounts", "links", "meetings", "tasks",
                                "decisions", "counts", "statistics", "commit", "report"}));
  double sum = 0;
  for (const IngestStep& step : first.steps) {
    EXPECT_GE(step.seconds, 0) << step.name;
    sum += step.seconds;
  }
  EXPECT_LE(sum, first.seconds);
  // Nothing changed: no pass.
  EXPECT_EQ(StepNames(Ingest()), (std::vector<std::string>{"scan", "write", "commit", "report"}));
  // One note changed: the pass runs again.
  dir_.Write("vault/Notes/Scratch.md", "# Rewritten\n\n- [ ] Only task now @Priya Raman\n");
  const std::vector<std::string> changed = StepNames(Ingest());
  EXPECT_NE(std::find(changed.begin(), changed.end(), "meetings"), changed.end());
  EXPECT_EQ(changed.front(), "scan");
  EXPECT_EQ(changed.back(), "report");
}

// An ingest of several batches commits its last one before the vault-wide pass, as it
// did the others (a reader sees every note when the pass starts, and the checkpoint
// thread copies them back meanwhile); an ingest of one batch stays one transaction.
TEST_F(Incremental, ALongRunCommitsItsLastBatchBeforeThePass) {
  for (int batch_size : {256, 3}) {
    SCOPED_TRACE("batch_size " + std::to_string(batch_size));
    std::remove(db_.c_str());
    IngestOptions options;
    options.me = "Dana Whitfield";
    options.batch_size = batch_size;
    std::string seen_at_pass;
    options.on_progress = [&](const IngestProgress& p) {
      if (p.phase == IngestProgress::Phase::kResolving && seen_at_pass.empty()) {
        seen_at_pass = QueryValue(db_, "SELECT count(*) FROM notes");
      }
    };
    const IngestReport report = Store::open(db_).ingest(vault(), options);
    const std::vector<std::string> steps = StepNames(report);
    const bool published = std::find(steps.begin(), steps.end(), "publish") != steps.end();
    EXPECT_EQ(published, batch_size == 3);
    EXPECT_EQ(seen_at_pass, batch_size == 3 ? "10" : "0");
    ExpectSameAsFresh();
  }
}

// IngestOptions::count_rows: the totals of the whole store, or none at all.
TEST_F(Incremental, CountsRowsUnlessToldNot) {
  const IngestReport counted = Ingest();
  EXPECT_EQ(counted.table_rows.at("notes"), 10);
  EXPECT_EQ(std::to_string(counted.table_rows.at("tasks")),
            QueryValue(db_, "SELECT count(*) FROM tasks"));
  EXPECT_EQ(std::to_string(counted.diagnostics.at("warning")),
            QueryValue(db_, "SELECT count(*) FROM diagnostics WHERE severity = 'warning'"));
  dir_.Write("vault/Notes/Scratch.md", "# Rewritten\n\n- [ ] Only task now @Priya Raman\n");
  IngestOptions options;
  options.count_rows = false;
  const IngestReport uncounted = Store::open(db_).ingest(vault(), options);
  EXPECT_EQ(uncounted.files_parsed, 1);
  EXPECT_TRUE(uncounted.table_rows.empty());
  EXPECT_TRUE(uncounted.diagnostics.empty());
  EXPECT_EQ(StepNames(uncounted).back(), "commit");
  ExpectSameAsFresh();
}

const char* const kCountedTables[] = {
    "notes",    "properties",        "headings", "tags",      "links", "people",     "accounts",
    "meetings", "meeting_attendees", "tasks",    "decisions", "facts", "table_rows", "diagnostics"};

// The totals a run reports are the store's: stored when it wrote nothing, carried
// forward through its writes when the last run stored some, counted otherwise.
TEST_F(Incremental, ReportedTotalsAreTheStoresThroughEveryKindOfChange) {
  auto expect_true_totals = [&](const IngestReport& r, const std::string& step) {
    SCOPED_TRACE(step);
    for (const char* table : kCountedTables) {
      EXPECT_EQ(std::to_string(r.table_rows.at(table)),
                QueryValue(db_, std::string("SELECT count(*) FROM ") + table))
          << table;
    }
    for (const char* severity : {"error", "warning", "info"}) {
      EXPECT_EQ(std::to_string(r.diagnostics.at(severity)),
                QueryValue(db_, std::string("SELECT count(*) FROM diagnostics WHERE severity = '") +
                                    severity + "'"))
          << severity;
    }
  };
  IngestOptions quiet;
  quiet.me = "Dana Whitfield";
  quiet.count_rows = false;
  expect_true_totals(Ingest(), "first ingest");
  // Stored totals are what a run that changes nothing reports, and what later runs
  // carry forward (a planted one shows it; the store's own are never off).
  SQLite::Database(db_, SQLite::OPEN_READWRITE)
      .exec(
          "UPDATE meta SET value = replace(value, 'notes=10 ', 'notes=11 ') "
          "WHERE key = 'row_counts'");
  EXPECT_EQ(Ingest().table_rows.at("notes"), 11);
  dir_.Write("vault/Notes/Scratch.md", "# Rewritten\n\n- [ ] Only task now @Priya Raman\n");
  EXPECT_EQ(Ingest().table_rows.at("notes"), 11);
  SQLite::Database(db_, SQLite::OPEN_READWRITE)
      .exec("UPDATE meta SET value = '' WHERE key = 'row_counts'");
  expect_true_totals(Ingest(), "forgotten, so counted");

  // Changes of every kind, some by runs that report nothing; each run after them
  // reports the true totals.
  dir_.Write("vault/Meetings/2024-04-02 Harbor review.md",
             "---\ntype: meeting\n---\n# Harbor review\n\n**Date**: 2024-04-02\n"
             "**Account**: [[Harborline]]\n**Attendees**: Priya Raman, Ines Moreau\n\n"
             "## Action Items\n\n- [ ] Send the draft @Ines Moreau 📅 2024-04-09\n\n"
             "## Decisions\n\n- Keep the Rotterdam scope for the pilot.\n\n"
             "| Person | Role |\n|---|---|\n| Ines Moreau | Buyer |\n");
  expect_true_totals(Ingest(), "a meeting added, with a new person and a repeated decision");
  dir_.Remove("vault/People/Tomasz Wojcik.md");
  Store::open(db_).ingest(vault(), quiet);
  expect_true_totals(Ingest(), "a person note removed by a run that reports nothing");
  dir_.Write("vault/Notes/Scratch.md", "---\ntags: [a, b]\n---\n# Scratch\n\n[[Nowhere]]\n");
  ASSERT_EQ(symlink("nothing-here.md", dir_.Join("vault/Notes/Ghost.md").c_str()), 0);
  expect_true_totals(Ingest(), "tasks gone, tags and a link added, a broken link");
  ASSERT_EQ(unlink(dir_.Join("vault/Notes/Ghost.md").c_str()), 0);
  Store::open(db_).ingest(vault(), quiet);
  expect_true_totals(Ingest(), "the broken link gone, by a run that reports nothing");
  dir_.Remove("vault/Meetings/2024-04-02 Harbor review.md");
  dir_.Write("vault/Notes/Broken yaml.md", "---\ntitle: fixed\n---\n# Fixed\n");
  expect_true_totals(Ingest(), "a meeting removed, a broken note fixed");
  // A run limited to some paths, as a file watcher's are.
  dir_.Write("vault/Notes/Scratch.md", "# Scratch\n\n- [ ] Back again @Priya Raman\n");
  IngestOptions scoped;
  scoped.paths = {"Notes/Scratch.md", "Notes/Gone.md"};
  const IngestReport one = Store::open(db_).ingest(vault(), scoped);
  EXPECT_EQ(one.files_parsed, 1);
  expect_true_totals(one, "one path, as a watcher syncs it");
  expect_true_totals(Ingest("Priya Raman"), "another --me: the whole pass again");
  expect_true_totals(Ingest(), "and back");
  ExpectSameAsFresh();
}

TEST_F(Incremental, TouchedButSameContentIsNotReparsed) {
  Ingest();
  SetMtime("Notes/Scratch.md", 1700000000);
  const IngestReport r = Ingest();
  EXPECT_EQ(r.files_parsed, 0);
  EXPECT_EQ(r.files_unchanged, 10);
  ExpectSameAsFresh();
}

TEST_F(Incremental, ChangedNoteKeepsItsIdAndReplacesItsRows) {
  Ingest();
  const std::string id_before =
      QueryValue(db_, "SELECT id FROM notes WHERE path = 'Notes/Scratch.md'");
  dir_.Write("vault/Notes/Scratch.md", "# Rewritten\n\n- [ ] Only task now @Priya Raman\n");
  const IngestReport r = Ingest();
  EXPECT_EQ(r.files_parsed, 1);
  EXPECT_TRUE(r.resolved);
  EXPECT_EQ(QueryValue(db_, "SELECT id FROM notes WHERE path = 'Notes/Scratch.md'"), id_before);
  EXPECT_EQ(QueryValue(db_, "SELECT count(*) FROM tasks WHERE note_id = " + id_before), "1");
  EXPECT_EQ(QueryValue(db_, "SELECT count(*) FROM search WHERE note_id = " + id_before), "2");
  ExpectSameAsFresh();
}

// Rows of a changed note that came back the same are kept, ids and all: a task added at
// the end rewrites the tasks and the note's search row, not its links or decisions.
TEST_F(Incremental, AChangedNoteRewritesOnlyTheRowsThatChanged) {
  Ingest();
  const std::string path = "Meetings/2024-03-12 - Harbor weekly.md";
  const std::string of_note = "(SELECT id FROM notes WHERE path = '" + path + "')";
  auto ids = [&](const std::string& table) {
    return QueryValue(db_, "SELECT group_concat(id) FROM (SELECT id FROM " + table +
                               " WHERE note_id = " + of_note + " ORDER BY id)");
  };
  const std::string links = ids("links"), decisions = ids("decisions"), tasks = ids("tasks");
  ASSERT_NE(links, "NULL");
  ASSERT_NE(decisions, "NULL");
  std::string text = testing::ReadFileText(vault() + "/" + path);
  dir_.Write("vault/" + path, text + "\n## Follow-ups\n\n- [ ] One more thing @Priya Raman\n");
  EXPECT_EQ(Ingest().files_parsed, 1);
  EXPECT_EQ(ids("links"), links);
  EXPECT_EQ(ids("decisions"), decisions);
  EXPECT_NE(ids("tasks"), tasks);
  ExpectSameAsFresh();
}

// A task carries its note's account (schema 8): when the note names another account, or
// none, the tasks it keeps follow, and the accounts' profiles show them where they are now.
TEST_F(Incremental, KeptTasksFollowTheirNotesAccount) {
  Ingest();
  const std::string path = "Meetings/2024-03-12 - Harbor weekly.md";
  const std::string of_note = "(SELECT id FROM notes WHERE path = '" + path + "')";
  auto task_ids = [&] {
    return QueryValue(db_, "SELECT group_concat(id) FROM (SELECT id FROM tasks WHERE note_id = " +
                               of_note + " ORDER BY id)");
  };
  auto accounts_of_tasks = [&] {
    return QueryValue(db_,
                      "SELECT group_concat(DISTINCT coalesce(a.name, '-')) FROM tasks t LEFT JOIN "
                      "accounts a ON a.id = t.account_id WHERE t.note_id = " +
                          of_note);
  };
  auto open_task_notes = [&](const std::string& account) {
    std::set<std::string> paths;
    for (const Task& t : Store::open(db_).account(account).open_tasks) paths.insert(t.path);
    return paths.count(path);
  };
  const std::string tasks = task_ids();
  ASSERT_NE(tasks, "NULL");
  EXPECT_EQ(accounts_of_tasks(), "Harborline");
  EXPECT_EQ(open_task_notes("Harborline"), 1u);

  const std::string text = testing::ReadFileText(vault() + "/" + path);
  const std::string line = "**Account**: [[Harborline]]";
  ASSERT_NE(text.find(line), std::string::npos);
  std::string moved = text;
  moved.replace(moved.find(line), line.size(), "**Account**: [[Northwind Freight]]");
  dir_.Write("vault/" + path, moved);
  EXPECT_EQ(Ingest().files_parsed, 1);
  EXPECT_EQ(task_ids(), tasks);  // Kept, ids and all.
  EXPECT_EQ(accounts_of_tasks(), "Northwind Freight");
  EXPECT_EQ(open_task_notes("Northwind Freight"), 1u);
  EXPECT_EQ(open_task_notes("Harborline"), 0u);
  EXPECT_EQ(testing::InvariantViolations(db_), std::vector<std::string>{});
  ExpectSameAsFresh();

  std::string none = text;
  none.erase(none.find(line), line.size());
  dir_.Write("vault/" + path, none);
  EXPECT_EQ(Ingest().files_parsed, 1);
  EXPECT_EQ(task_ids(), tasks);
  EXPECT_EQ(accounts_of_tasks(), "-");
  EXPECT_EQ(testing::InvariantViolations(db_), std::vector<std::string>{});
  ExpectSameAsFresh();
}

TEST_F(Incremental, RemovedNotesAndTheirPeopleGo) {
  Ingest();
  dir_.Remove("vault/People/Tomasz Wojcik.md");
  dir_.Remove("vault/Meetings/2024-03-05 Harbor kickoff.md");
  const IngestReport r = Ingest();
  EXPECT_EQ(r.files_removed, 2);
  EXPECT_EQ(QueryValue(db_, "SELECT count(*) FROM people WHERE name = 'Tomasz Wojcik'"), "0");
  ExpectSameAsFresh();
}

TEST_F(Incremental, ChangeInOneNoteReResolvesOthers) {
  Ingest();
  // A new alias on Priya's note changes who "@Pri" means in a note that did not change.
  dir_.Write("vault/Notes/Other.md", "- [ ] Call the port @Pri\n");
  Ingest();
  EXPECT_EQ(QueryValue(db_,
                       "SELECT p.name FROM tasks t JOIN people p ON p.id = t.owner_id "
                       "WHERE t.text = 'Call the port'"),
            "Pri");
  std::string priya = testing::ReadFileText(vault() + "/People/Priya Raman.md");
  priya.replace(priya.find("aliases: [PR"), 12, "aliases: [PR, Pri");
  dir_.Write("vault/People/Priya Raman.md", priya);
  const IngestReport r = Ingest();
  EXPECT_EQ(r.files_parsed, 1);
  EXPECT_EQ(QueryValue(db_,
                       "SELECT p.name FROM tasks t JOIN people p ON p.id = t.owner_id "
                       "WHERE t.text = 'Call the port'"),
            "Priya Raman");
  EXPECT_EQ(QueryValue(db_, "SELECT count(*) FROM people WHERE name = 'Pri'"), "0");
  ExpectSameAsFresh();
}

TEST_F(Incremental, PeopleKeepTheirIdsAcrossIngests) {
  Ingest();
  const std::string lena = QueryValue(db_, "SELECT id FROM people WHERE name = 'Lena Ortiz'");
  dir_.Write("vault/Notes/New person.md", "**Attendees**: Aaron Abbott\n**Date**: 2024-04-01\n");
  Ingest();
  EXPECT_EQ(QueryValue(db_, "SELECT id FROM people WHERE name = 'Lena Ortiz'"), lena);
  EXPECT_EQ(QueryValue(db_, "SELECT count(*) FROM people WHERE name = 'Aaron Abbott'"), "1");
}

// Whether the space-separated numbers of `list` go up.
bool Ascending(const std::string& list) {
  std::istringstream in(list);
  int64_t previous = 0, id = 0;
  while (in >> id) {
    if (id <= previous) return false;
    previous = id;
  }
  return true;
}

// A note's tasks before the first that changed keep their ids, tags, owners and search
// rows; the rest are written anew, numbered after them, so that ids still follow the
// lines as a fresh ingest numbers them.
TEST_F(Incremental, TasksBeforeTheFirstChangedKeepTheirIds) {
  const std::string plan =
      "# Plan\n\n- [ ] Book the venue @Lena Ortiz #ops\n  - [ ] Confirm the caterer\n"
      "- [ ] Draft the agenda\n";
  dir_.Write("vault/Notes/Plan.md", plan);
  Ingest();
  const std::string ids =
      "SELECT group_concat(id, ' ') FROM (SELECT t.id FROM tasks t JOIN notes n ON "
      "n.id = t.note_id WHERE n.path = 'Notes/Plan.md' ORDER BY t.line)";
  auto task_hits = [&](const std::string& word) {
    return QueryValue(
        db_, "SELECT count(*) FROM search WHERE search MATCH '" + word + "' AND kind = 'task'");
  };
  const std::string before = QueryValue(db_, ids);
  ASSERT_EQ(std::count(before.begin(), before.end(), ' '), 2);

  dir_.Write("vault/Notes/Plan.md", plan + "- [ ] Send the invitations #ops\n");
  Ingest();
  const std::string appended = QueryValue(db_, ids);
  EXPECT_EQ(appended.substr(0, before.size() + 1), before + " ");
  EXPECT_TRUE(Ascending(appended)) << appended;
  EXPECT_EQ(QueryValue(db_, "SELECT count(*) FROM task_tags WHERE tag = 'ops'"), "2");
  EXPECT_EQ(QueryValue(db_,
                       "SELECT p.name FROM tasks t JOIN people p ON p.id = t.owner_id "
                       "WHERE t.text = 'Book the venue'"),
            "Lena Ortiz");
  EXPECT_EQ(task_hits("invitations"), "1");
  EXPECT_EQ(task_hits("caterer"), "1");
  ExpectSameAsFresh();

  // The second task changed: the first keeps its id; the second and those after are new.
  std::string florist = plan + "- [ ] Send the invitations #ops\n";
  florist.replace(florist.find("caterer"), 7, "florist");
  dir_.Write("vault/Notes/Plan.md", florist);
  Ingest();
  const std::string changed = QueryValue(db_, ids);
  const std::string first = before.substr(0, before.find(' '));
  EXPECT_EQ(changed.substr(0, first.size() + 1), first + " ");
  EXPECT_TRUE(Ascending(changed)) << changed;
  EXPECT_EQ(task_hits("caterer"), "0");
  EXPECT_EQ(task_hits("florist"), "1");
  EXPECT_EQ(task_hits("invitations"), "1");
  EXPECT_EQ(task_hits("venue"), "1");
  ExpectSameAsFresh();

  // Tasks gone from the end: the others stay as they were.
  dir_.Write("vault/Notes/Plan.md", "# Plan\n\n- [ ] Book the venue @Lena Ortiz #ops\n");
  Ingest();
  EXPECT_EQ(QueryValue(db_, ids), first);
  EXPECT_EQ(task_hits("invitations"), "0");
  EXPECT_EQ(QueryValue(db_, "SELECT count(*) FROM task_tags WHERE tag = 'ops'"), "1");
  ExpectSameAsFresh();
}

TEST_F(Incremental, MeIsRemembered) {
  Ingest("Dana Whitfield");
  dir_.Write("vault/Notes/Mine.md", "- [ ] Mine @Me\n");
  Ingest("");  // No --me this time: the stored name still applies.
  EXPECT_EQ(QueryValue(db_,
                       "SELECT p.name FROM tasks t JOIN people p ON p.id = t.owner_id "
                       "WHERE t.text = 'Mine'"),
            "Dana Whitfield");
  Ingest("Lena Ortiz");  // A new name re-resolves every @Me without re-parsing.
  EXPECT_EQ(QueryValue(db_,
                       "SELECT p.name FROM tasks t JOIN people p ON p.id = t.owner_id "
                       "WHERE t.text = 'Mine'"),
            "Lena Ortiz");
}

TEST_F(Incremental, WithoutMeSelfOwnedTasksStayUnownedWithADiagnostic) {
  Ingest("");
  EXPECT_EQ(QueryValue(db_,
                       "SELECT count(*) FROM tasks WHERE owner_name = 'Myself' "
                       "AND owner_id IS NULL"),
            "2");
  EXPECT_EQ(QueryValue(db_, "SELECT count(*) FROM diagnostics WHERE code = 'owner-is-me-unknown'"),
            "2");
}

TEST_F(Incremental, PendingResolveAfterACrashIsFinished) {
  Ingest();
  const std::string fresh = CanonicalDump(db_);
  {
    // What a crash between the note batches and the vault-wide pass leaves behind.
    SQLite::Database db(db_, SQLite::OPEN_READWRITE);
    db.exec(
        "UPDATE tasks SET owner_id = NULL; DELETE FROM people; "
        "UPDATE meta SET value = '1' WHERE key = 'resolve_pending'");
  }
  const IngestReport r = Ingest();
  EXPECT_EQ(r.files_parsed, 0);
  EXPECT_TRUE(r.resolved);
  ExpectSameAsFresh();
}

// A first ingest's writer sets the person ids a name alone tells (store/known_people.h),
// for the pass to check. The store must be the one the pass makes alone, as it does for
// a vault ingested into a store that already held part of it.
TEST_F(Incremental, AFirstIngestsGuessedPeopleAreThoseThePassChooses) {
  IngestOptions part;
  part.me = "Dana Whitfield";
  part.paths = {"People", "Customers"};
  Store::open(db_).ingest(vault(), part);  // Then the rest, guessing nothing.
  Ingest();
  ExpectSameAsFresh();
  // Without --me, self names are left to the pass as well (and say they are unknown).
  const std::string without_me = dir_.Join("without-me.db");
  Store::open(without_me).ingest(vault(), IngestOptions());
  EXPECT_EQ(QueryValue(without_me,
                       "SELECT count(*) FROM tasks t JOIN people p ON p.id = t.owner_id "
                       "WHERE t.owner_name IN ('Me', 'me', 'Myself', 'myself')"),
            "0");
  EXPECT_EQ(testing::InvariantViolations(without_me), std::vector<std::string>{});
}

// A person note's alias written as a full name ("Priya R.") means that person, in a first
// ingest's whole-vault pass (which corrects the writer's guess) and in a scoped one.
TEST_F(Incremental, AFullNameThatIsAnAliasMeansItsPerson) {
  auto write = [&](const std::string& rel, const std::string& text) {
    std::ofstream(vault() + "/" + rel) << text;
  };
  write("Meetings/2026-04-01 Berth review.md",
        "---\ntype: meeting\ndate: 2026-04-01\nattendees: [Priya R., Lena Ortiz]\n---\n"
        "# Berth review\n\n- [ ] Confirm the berth window @Priya R.\n");
  Ingest();
  const char* kOwners =
      "SELECT group_concat(p.name, '|') FROM tasks t JOIN people p ON p.id = t.owner_id "
      "WHERE t.owner_name LIKE 'Priya R%' AND t.owner_name != 'Priya Raman'";
  EXPECT_EQ(QueryValue(db_, kOwners), "Priya Raman");
  EXPECT_EQ(
      QueryValue(db_,
                 "SELECT group_concat(p.name) FROM meeting_attendees a JOIN people p ON "
                 "p.id = a.person_id WHERE a.name LIKE 'Priya R%' AND a.name != 'Priya Raman'"),
      "Priya Raman");
  EXPECT_EQ(QueryValue(db_, "SELECT count(*) FROM people WHERE name LIKE 'Priya R'"), "0");
  write("Meetings/2026-04-02 Berth follow-up.md",
        "# Berth follow-up\n\n- [ ] Send the berth plan @Priya R.\n");
  EXPECT_TRUE(Ingest().resolved_scoped);
  EXPECT_EQ(QueryValue(db_, kOwners), "Priya Raman|Priya Raman");
  ExpectSameAsFresh();
}

TEST_F(Incremental, ForceReparsesEverything) {
  Ingest();
  IngestOptions options;
  options.force = true;
  EXPECT_EQ(Store::open(db_).ingest(vault(), options).files_parsed, 10);
  ExpectSameAsFresh();
}

}  // namespace
}  // namespace notestore
