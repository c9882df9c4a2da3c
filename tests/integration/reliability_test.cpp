// Safe by construction: schema upgrades, read-only opens that write nothing, files created
// with the user's umask, one ingest at a time, files that vanish mid-ingest, the log of
// ingests, and text that looks like SQL.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <thread>

#include "notestore/notestore.h"
#include "store/bulk_indexes.h"
#include "store/schema_sql.h"
#include "support/test_support.h"
#include "support/versioned_vault.h"
#include "vault_generator.h"

namespace notestore {
namespace {

namespace fs = std::filesystem;
using testing::Query;
using testing::QueryValue;
using testing::Row;

// A database exactly as notestore 0.1.0 (schema 1) created it, before any ingest.
void CreateSchemaV1(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec(testing::ReadFileText(testing::FixturePath("schema/v1.sql")));
  db.exec("PRAGMA application_id = 1314149204; PRAGMA user_version = 1");
  db.exec(
      "INSERT INTO meta(key, value) VALUES('notestore_version', '0.1.0'), ('parser_version', "
      "'2')");
}

TEST(SchemaUpgrade, TheReleasedVersion1SchemaIsNeverEdited) {
  // New databases are built as version 1 plus the migrations, so an edit of version 1
  // would make them differ from the databases users have. Add a migration instead.
  std::string fixture = testing::ReadFileText(testing::FixturePath("schema/v1.sql"));
  fixture.erase(0, fixture.find('\n') + 1);  // The fixture's own comment line.
  std::string current = store::kSchemaV1;
  current.erase(0, current.find_first_not_of('\n'));
  EXPECT_EQ(current, fixture);
}

TEST(SchemaUpgrade, AVersion1DatabaseIsUpgradedInPlaceAndThenIngestsLikeANewOne) {
  testing::TempDir dir;
  const std::string old_db = dir.Join("old.db");
  CreateSchemaV1(old_db);
  {
    Store store = Store::open(old_db);
    EXPECT_EQ(store.schema_version(), kSchemaVersion);
    EXPECT_NE(store.open_message().find("from version 1 to " + std::to_string(kSchemaVersion)),
              std::string::npos)
        << store.open_message();
    IngestOptions o;
    o.me = "Dana Whitfield";
    store.ingest(testing::FixturePath("vault"), o);
  }
  EXPECT_EQ(Store::open(old_db).open_message(), "");  // Upgraded once.
  const std::string fresh = testing::IngestFixtureVault(dir);
  EXPECT_EQ(testing::DumpDifference(testing::CanonicalDump(old_db), testing::CanonicalDump(fresh)),
            "");
  // The upgraded schema is the current one, object for object.
  const std::string objects = "SELECT type, name, sql FROM sqlite_master ORDER BY name";
  EXPECT_EQ(Query(old_db, objects), Query(fresh, objects));
}

TEST(SchemaUpgrade, DataIsKeptAndReadOnlyOpensAreRefusedUntilUpgraded) {
  testing::TempDir dir;
  const std::string db = testing::IngestFixtureVault(dir);
  const std::string before = testing::CanonicalDump(db);
  testing::DowngradeSchema(db, 1);
  OpenOptions read_only;
  read_only.read_only = true;
  try {
    Store::open(db, read_only);
    FAIL() << "a read-only open cannot upgrade";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kSchemaMismatch);
    EXPECT_NE(std::string(e.what()).find("older"), std::string::npos) << e.what();
  }
  EXPECT_EQ(QueryValue(db, "PRAGMA user_version"), "1");
  Store upgraded = Store::open(db);
  EXPECT_FALSE(upgraded.open_message().empty());
  // The indexes the upgrade made have statistics, as the others do.
  EXPECT_EQ(QueryValue(db,
                       "SELECT count(*) FROM sqlite_stat1 WHERE idx IN ('tasks_owner', "
                       "'notes_account', 'meetings_account')"),
            "3");
  EXPECT_EQ(testing::DumpDifference(testing::CanonicalDump(db), before), "");
  EXPECT_EQ(QueryValue(db, "SELECT count(*) FROM ingest_runs"), "0");
  EXPECT_EQ(Store::open(db, read_only).tasks().size(), upgraded.tasks().size());
}

// Schema 10 states each CHECK of a column's words with OR: an IN list of three or more
// constants makes SQLite build a temporary b-tree every time the statement runs, and the
// writer runs its inserts once a row. The upgrade edits a store of schema 9 in place; the
// checks refuse and accept what they did.
TEST(SchemaUpgrade, ChecksOfAColumnsWordsBuildNoTemporaryTableEachRow) {
  testing::TempDir dir;
  const std::string db = testing::IngestFixtureVault(dir);
  const std::string before = testing::CanonicalDump(db);
  // The temporary b-trees the insert of a task would open.
  // (A read-only connection would leave the checks out.)
  auto temporary_tables = [&db] {
    SQLite::Database rw(db, SQLite::OPEN_READWRITE);
    SQLite::Statement explain(rw,
                              "EXPLAIN INSERT INTO tasks(note_id, line, status, status_char, "
                              "text, raw, priority) VALUES(1, 1, 'open', ' ', 't', 'r', 'high')");
    int count = 0;
    while (explain.executeStep()) count += explain.getColumn(1).getString() == "OpenEphemeral";
    return count;
  };
  EXPECT_EQ(temporary_tables(), 0);
  testing::DowngradeSchema(db, 9);
  EXPECT_EQ(temporary_tables(), 2);  // status and priority, as schema 9 had them.
  // The upgrade reads no table: the statistics are not gathered again (a made-up one stays).
  ASSERT_NE(QueryValue(db, "SELECT count(*) FROM sqlite_stat1"), "0");
  {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec("INSERT INTO sqlite_stat1(tbl, idx, stat) VALUES('tasks', 'made_up', '7 1')");
  }
  EXPECT_NE(Store::open(db).open_message().find("from version 9 to 10"), std::string::npos);
  EXPECT_EQ(QueryValue(db, "SELECT stat FROM sqlite_stat1 WHERE idx = 'made_up'"), "7 1");
  {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec("DELETE FROM sqlite_stat1 WHERE idx = 'made_up'");
  }
  EXPECT_EQ(temporary_tables(), 0);
  // No table checks a list of three or more words with IN; tags' two words cost nothing.
  EXPECT_EQ(QueryValue(db,
                       "SELECT group_concat(name) FROM sqlite_master WHERE type = 'table' "
                       "AND sql GLOB '*CHECK (* IN (*'"),
            "tags");
  EXPECT_EQ(testing::DumpDifference(testing::CanonicalDump(db), before), "");
  // The same definitions as a new store's, table for table.
  const std::string tables = "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY 1";
  testing::TempDir other;
  EXPECT_EQ(Query(db, tables), Query(testing::IngestFixtureVault(other), tables));

  SQLite::Database raw(db, SQLite::OPEN_READWRITE);
  const std::string note = "(SELECT min(id) FROM notes)";
  auto insert_task = [&](const std::string& status, const std::string& priority) {
    raw.exec(
        "INSERT INTO tasks(note_id, line, status, status_char, text, raw, priority) "
        "VALUES(" +
        note + ", 999, " + status + ", ' ', 't', 'r', " + priority + ")");
  };
  EXPECT_NO_THROW(insert_task("'in_progress'", "NULL"));  // No priority is allowed.
  EXPECT_NO_THROW(insert_task("'done'", "'lowest'"));
  EXPECT_THROW(insert_task("'waiting'", "NULL"), SQLite::Exception);
  EXPECT_THROW(insert_task("'open'", "'urgent'"), SQLite::Exception);
  EXPECT_THROW(insert_task("'Open'", "NULL"), SQLite::Exception);  // Case counts, as with IN.
  EXPECT_THROW(raw.exec("UPDATE notes SET kind = 'journal'"), SQLite::Exception);
  EXPECT_THROW(raw.exec("INSERT INTO diagnostics(path, severity, code, message, stage) "
                        "VALUES('x', 'fatal', 'c', 'm', 'read')"),
               SQLite::Exception);
}

// The duplicates fixture, which holds repeated meetings, ingested into a new store.
std::string IngestDuplicates(const testing::TempDir& dir, const IngestOptions& o) {
  const std::string db = dir.Join("d.db");
  Store::open(db).ingest(testing::FixturePath("duplicates"), o);
  EXPECT_NE(QueryValue(db, "SELECT count(*) FROM note_words"), "0");
  EXPECT_NE(QueryValue(db, "SELECT count(*) FROM duplicates WHERE kind = 'meeting'"), "0");
  return db;
}

// note_words caches each meeting's content words; a database upgraded from schema 2 has
// none, and the vault-wide pass computes what it needs from the bodies, with the same
// result.
TEST(SchemaUpgrade, MeetingWordsMissingAfterAnUpgradeAreComputedAgain) {
  testing::TempDir dir;
  IngestOptions o;
  o.me = "Dana Whitfield";
  const std::string db = IngestDuplicates(dir, o);
  const std::string before = testing::CanonicalDump(db);
  testing::DowngradeSchema(db, 2);
  {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec("UPDATE meta SET value = '1' WHERE key = 'resolve_pending'");
  }
  Store store = Store::open(db);
  EXPECT_NE(store.open_message().find("from version 2 to"), std::string::npos);
  EXPECT_TRUE(store.ingest(testing::FixturePath("duplicates"), o).resolved);
  EXPECT_EQ(testing::DumpDifference(testing::CanonicalDump(db), before), "");
  EXPECT_NE(QueryValue(db, "SELECT count(*) FROM note_words"), "0");  // Kept for next time.
  EXPECT_TRUE(testing::InvariantViolations(db).empty());
}

// A note_words row that is not sorted, distinct 32-bit hashes (schema 6's 64-bit ones,
// which an older notestore still ingesting could write after this one upgraded the store)
// is computed again from the body rather than compared as it reads.
TEST(SchemaUpgrade, MeetingWordsOfTheOlderFormatAreComputedAgain) {
  testing::TempDir dir;
  IngestOptions o;
  o.me = "Dana Whitfield";
  const std::string db = IngestDuplicates(dir, o);
  const std::string before = testing::CanonicalDump(db);
  std::map<int64_t, std::string> stored;  // note -> its row as written
  {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    std::vector<std::pair<int64_t, std::string>> rows;
    SQLite::Statement q(raw, "SELECT note_id, words FROM note_words");
    while (q.executeStep()) {
      const SQLite::Column blob = q.getColumn(1);
      const auto* p = static_cast<const char*>(blob.getBlob());
      std::string wide;  // Each hash widened to 8 bytes, as 64-bit ones were stored.
      for (int i = 0; i + 4 <= blob.getBytes(); i += 4) {
        wide.append(p + i, 4);
        wide.append(4, '\0');
      }
      rows.emplace_back(q.getColumn(0).getInt64(), wide);
      stored[q.getColumn(0).getInt64()] = std::string(p, static_cast<size_t>(blob.getBytes()));
    }
    SQLite::Statement update(raw, "UPDATE note_words SET words = ? WHERE note_id = ?");
    for (const auto& [note, wide] : rows) {
      update.bind(1, wide.data(), static_cast<int>(wide.size()));
      update.bind(2, note);
      update.exec();
      update.reset();
    }
    raw.exec("UPDATE meta SET value = '1' WHERE key = 'resolve_pending'");
  }
  EXPECT_TRUE(Store::open(db).ingest(testing::FixturePath("duplicates"), o).resolved);
  EXPECT_EQ(testing::DumpDifference(testing::CanonicalDump(db), before), "");
  // The repeated meetings were compared: their rows were read, found wanting and
  // written again as they were.
  SQLite::Database check(db, SQLite::OPEN_READONLY);
  SQLite::Statement q(check,
                      "SELECT w.note_id, w.words FROM note_words w WHERE w.note_id IN "
                      "(SELECT id FROM duplicates WHERE kind = 'meeting' UNION "
                      "SELECT canonical_id FROM duplicates WHERE kind = 'meeting')");
  int compared = 0;
  while (q.executeStep()) {
    const SQLite::Column blob = q.getColumn(1);
    EXPECT_EQ(
        std::string(static_cast<const char*>(blob.getBlob()), static_cast<size_t>(blob.getBytes())),
        stored[q.getColumn(0).getInt64()]);
    ++compared;
  }
  EXPECT_GE(compared, 2);
}

// A first ingest of a large vault builds most indexes at the end; one that died before
// that leaves their definitions in meta, and the next ingest builds them first.
TEST(BulkLoad, IndexesLeftUnbuiltByADeadIngestAreBuiltByTheNext) {
  testing::TempDir dir;
  const std::string db = testing::IngestFixtureVault(dir);
  const std::string before = testing::CanonicalDump(db);
  const std::string objects = "SELECT type, name, sql FROM sqlite_master ORDER BY name";
  const std::vector<Row> schema = Query(db, objects);
  {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    store::DropIndexesForBulkLoad(raw);  // As a first ingest does, then killed.
  }
  EXPECT_FALSE(testing::InvariantViolations(db).empty());
  EXPECT_LT(Query(db, objects).size(), schema.size());
  IngestOptions o;
  o.me = "Dana Whitfield";
  Store::open(db).ingest(testing::FixturePath("vault"), o);
  EXPECT_EQ(Query(db, objects), schema);
  EXPECT_EQ(testing::InvariantViolations(db), std::vector<std::string>{});
  EXPECT_EQ(testing::DumpDifference(testing::CanonicalDump(db), before), "");
}

// Profiles name notes_path: a first ingest's bulk load keeps it, so readers asking for a
// profile while the load runs (its indexes dropped) get the same answer, not an error.
TEST(BulkLoad, ProfilesAnswerWhileTheLoadHasDroppedTheIndexes) {
  testing::TempDir dir;
  const std::string db = testing::IngestFixtureVault(dir);
  OpenOptions read_only;
  read_only.read_only = true;
  ProfileOptions page;
  page.limit = 20;
  auto profiles = [&] {
    Store store = Store::open(db, read_only);
    const PersonProfile person = store.person("Priya Raman", page);
    const AccountProfile account = store.account("Harborline", page);
    return std::make_pair(person.meetings.size() + person.open_tasks.size(),
                          account.meetings.size() + account.decisions.size());
  };
  const auto before = profiles();
  ASSERT_GT(before.first, 0U);
  ASSERT_GT(before.second, 0U);
  {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    store::DropIndexesForBulkLoad(raw);
  }
  EXPECT_EQ(QueryValue(db, "SELECT count(*) FROM sqlite_master WHERE name = 'notes_path'"), "1");
  EXPECT_EQ(profiles(), before);
}

// A first ingest by an older notestore that died with its indexes unbuilt, then an
// upgrade: a migration makes some of those indexes anew, in their new form (8 -> 9 is
// the latest to make any), and the next ingest builds only the others (the saved old
// definitions would clash).
TEST(BulkLoad, AnUpgradeAfterADeadIngestKeepsTheIndexesItMade) {
  testing::TempDir dir;
  const std::string db = testing::IngestFixtureVault(dir);
  const std::string before = testing::CanonicalDump(db);
  const std::string objects = "SELECT type, name, sql FROM sqlite_master ORDER BY name";
  const std::vector<Row> schema = Query(db, objects);
  testing::DowngradeSchema(db, 8);
  {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    store::DropIndexesForBulkLoad(raw);  // As the older version's first ingest did.
  }
  IngestOptions o;
  o.me = "Dana Whitfield";
  Store store = Store::open(db);
  EXPECT_NE(store.open_message().find("upgraded"), std::string::npos);
  store.ingest(testing::FixturePath("vault"), o);
  EXPECT_EQ(Query(db, objects), schema);
  EXPECT_EQ(testing::InvariantViolations(db), std::vector<std::string>{});
  EXPECT_EQ(testing::DumpDifference(testing::CanonicalDump(db), before), "");
}

// A table of half a million rows or more has its index keys sorted in short runs on
// helper threads (bulk_indexes.cpp), a small one as before: the index is whole, finds
// every row, and the connection gets its own cache and thread settings back.
TEST(BulkLoad, ALargeTablesIndexSortedOnHelperThreadsIsWhole) {
  testing::TempDir dir;
  const std::string db = testing::IngestFixtureVault(dir);
  SQLite::Database raw(db, SQLite::OPEN_READWRITE);
  store::DropIndexesForBulkLoad(raw);
  constexpr int kRows = 520000;
  {
    SQLite::Transaction txn(raw);
    SQLite::Statement add(raw,
                          "INSERT INTO tags(note_id, tag, line, source) "
                          "VALUES((SELECT min(id) FROM notes), ?, ?, 'body')");
    for (int i = 0; i < kRows; ++i) {
      // Out of order, so the sort has work to do: i * 7919 mod kRows visits every row.
      add.bind(1, "bulk/" + std::to_string((static_cast<int64_t>(i) * 7919) % kRows));
      add.bind(2, i);
      add.exec();
      add.reset();
    }
    txn.commit();
  }
  raw.exec("PRAGMA cache_size = -12345; PRAGMA threads = 0");
  // The statements run while the indexes are built, to see which got helper threads.
  static std::vector<std::string> statements;
  statements.clear();
  sqlite3_trace_v2(
      raw.getHandle(), SQLITE_TRACE_STMT,
      [](unsigned, void*, void* stmt, void*) {
        statements.emplace_back(sqlite3_sql(static_cast<sqlite3_stmt*>(stmt)));
        return 0;
      },
      nullptr);
  EXPECT_GT(store::RestoreIndexes(raw), 0);
  sqlite3_trace_v2(raw.getHandle(), 0, nullptr, nullptr);
  // The settings each index was built under: "" for the connection's own.
  std::map<std::string, std::string> built_under;
  std::string setting;
  for (const std::string& sql : statements) {
    if (sql.rfind("PRAGMA threads = ", 0) == 0 && sql != "PRAGMA threads = 0") setting = sql;
    if (sql.rfind("CREATE INDEX ", 0) == 0) {
      built_under[sql.substr(13, sql.find(' ', 13) - 13)] = setting;
      setting.clear();
    }
  }
  EXPECT_NE(built_under["tags_tag"], "") << "the large table's index got no helper threads";
  EXPECT_NE(built_under["tags_note"], "");
  EXPECT_EQ(built_under["tasks_note"], "") << "a small table's index got helper threads";
  EXPECT_EQ(raw.execAndGet("PRAGMA cache_size").getInt(), -12345);
  EXPECT_EQ(raw.execAndGet("PRAGMA threads").getInt(), 0);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'tags_tag'").getInt(),
            1);
  for (const char* tag : {"bulk/0", "BULK/7919", "bulk/519999"}) {
    SQLite::Statement q(raw,
                        "SELECT count(*) FROM tags INDEXED BY tags_tag WHERE tag = ? "
                        "COLLATE NOCASE");
    q.bind(1, tag);
    ASSERT_TRUE(q.executeStep());
    EXPECT_EQ(q.getColumn(0).getInt(), 1) << tag;
  }
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM tags INDEXED BY tags_tag WHERE tag >= 'bulk/' "
                           "COLLATE NOCASE AND tag < 'bulk0' COLLATE NOCASE")
                .getInt(),
            kRows);
  EXPECT_EQ(raw.execAndGet("PRAGMA integrity_check").getString(), "ok");
}

// Building the indexes at the end changes nothing: a first ingest of a vault large enough
// for it equals one that grows the store from a few notes, indexes kept all along.
TEST(BulkLoad, AFirstIngestEqualsOneGrownFromAFewNotes) {
  testing::TempDir dir;
  bench::GeneratorOptions g;
  g.notes = 1200;
  g.target_bytes = 1200;
  const std::vector<bench::GeneratedNote> notes = bench::GenerateVault(g);
  bench::WriteVault(notes, dir.Join("vault"));
  bench::WriteVault({notes.begin(), notes.begin() + 50}, dir.Join("few"));
  IngestOptions o;
  o.me = testing::kGeneratedMe;
  const std::string bulk = dir.Join("bulk.db"), grown = dir.Join("grown.db");
  Store::open(bulk).ingest(dir.Join("vault"), o);
  Store::open(grown).ingest(dir.Join("few"), o);
  Store::open(grown).ingest(dir.Join("vault"), o);
  EXPECT_EQ(testing::DumpDifference(testing::CanonicalDump(bulk), testing::CanonicalDump(grown)),
            "");
  EXPECT_EQ(testing::InvariantViolations(bulk), std::vector<std::string>{});
}

// The log is copied back on the Store's own thread, after the ingest returns. Once the
// Store is gone, every note is in the database file itself (so a copy of that file alone
// holds them) and the log is empty or gone. Were the copying connection closed after the
// writer's, the writer's would not be the last, and SQLite would leave the log as it is.
TEST(Checkpoints, AClosedStoreLeavesEveryNoteInTheDatabaseFile) {
  testing::TempDir dir;
  bench::GeneratorOptions g;
  g.notes = 700;
  g.target_bytes = 2000;
  bench::WriteVault(bench::GenerateVault(g), dir.Join("vault"));
  const std::string db = dir.Join("c.db");
  {
    Store store = Store::open(db);
    // Several batches and thousands of pages, then a second ingest on the same Store.
    ASSERT_EQ(store.ingest(dir.Join("vault")).files_parsed, 700);
    dir.Write("vault/Added note.md", "# Added note\n\nWritten after the first ingest.\n");
    ASSERT_EQ(store.ingest(dir.Join("vault")).files_parsed, 1);
  }
  const int64_t parsed = 701;
  std::error_code missing;
  const auto log_bytes = std::filesystem::file_size(db + "-wal", missing);
  EXPECT_TRUE(missing || log_bytes == 0) << log_bytes << " bytes left in the log";
  // immutable=1: SQLite reads the file alone, ignoring any log, as a copy would be read.
  SQLite::Database copy("file:" + db + "?immutable=1", SQLite::OPEN_READONLY | SQLite::OPEN_URI);
  EXPECT_EQ(copy.execAndGet("SELECT count(*) FROM notes").getInt64(), parsed);
  EXPECT_EQ(copy.execAndGet("PRAGMA integrity_check").getString(), "ok");
}

TEST(ReadOnly, OpeningAndQueryingChangesNoByteOnDisk) {
  testing::TempDir dir;
  const std::string db = testing::IngestFixtureVault(dir);
  { SQLite::Database(db, SQLite::OPEN_READWRITE).exec("PRAGMA wal_checkpoint(TRUNCATE)"); }
  auto snapshot = [&] {
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& e : fs::directory_iterator(dir.path())) {
      if (e.is_regular_file()) {
        files.emplace_back(e.path().filename().string(), testing::ReadFileText(e.path().string()));
      }
    }
    std::sort(files.begin(), files.end());
    return files;
  };
  const auto before = snapshot();
  // A read-only folder and file too: nothing may need creating.
  ASSERT_EQ(chmod(db.c_str(), 0444), 0);
  {
    OpenOptions o;
    o.read_only = true;
    Store store = Store::open(db, o);
    EXPECT_FALSE(store.tasks().empty());
    EXPECT_FALSE(store.search("launch").empty());
    EXPECT_NO_THROW(store.person("Dana Whitfield"));
    try {
      store.ingest(testing::FixturePath("vault"));
      FAIL() << "ingest must be refused";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kReadOnly);
    }
  }
  // The same files with the same bytes, except the WAL index SQLite keeps beside any
  // WAL database it reads (-shm, shared memory) and an empty -wal.
  auto after = snapshot();
  after.erase(std::remove_if(after.begin(), after.end(),
                             [](const auto& f) {
                               return f.first == "fixture.db-shm" ||
                                      (f.first == "fixture.db-wal" && f.second.empty());
                             }),
              after.end());
  EXPECT_EQ(before, after);
  chmod(db.c_str(), 0644);
}

TEST(Umask, TheDatabaseAndItsLockAreCreatedWithTheUsersUmask) {
  for (const mode_t mask : {mode_t{077}, mode_t{022}}) {
    testing::TempDir dir;
    const mode_t old = umask(mask);
    Store store = Store::open(dir.Join("m.db"));
    store.ingest(testing::FixturePath("vault"));
    umask(old);
    for (const char* file : {"m.db", "m.db-wal", "m.db-ingest.lock"}) {
      struct stat st;
      ASSERT_EQ(stat(dir.Join(file).c_str(), &st), 0) << file;
      EXPECT_EQ(st.st_mode & 0777, 0644 & ~mask) << file << " with umask " << std::oct << mask;
    }
  }
}

TEST(IngestLock, ASecondIngestIsRefusedWhileOneRunsAndAllowedAfter) {
  testing::TempDir dir;
  const std::string db = dir.Join("l.db");
  Store::open(db);  // Create it before the threads race.
  std::promise<void> first_running;
  std::promise<void> second_tried;
  std::shared_future<void> tried = second_tried.get_future().share();
  bool signalled = false;
  IngestOptions slow;
  slow.on_progress = [&](const IngestProgress& p) {
    if (p.phase == IngestProgress::Phase::kParsing && !signalled) {
      signalled = true;
      first_running.set_value();
      tried.wait();  // Hold the ingest (and its lock) open until the others have tried.
    }
  };
  std::future<void> running = first_running.get_future();
  std::thread first([&] { Store::open(db).ingest(testing::FixturePath("vault"), slow); });
  if (running.wait_for(std::chrono::seconds(60)) != std::future_status::ready) {
    ADD_FAILURE() << "the first ingest never reported parsing";
    second_tried.set_value();
    first.join();
    return;
  }

  try {
    Store::open(db).ingest(testing::FixturePath("vault"));
    ADD_FAILURE() << "a second ingest in the same process must be refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBusy);
    EXPECT_NE(std::string(e.what()).find("another ingest"), std::string::npos) << e.what();
  }
  const testing::CommandResult cli = testing::RunCommand(
      std::string(NOTESTORE_CLI) + " ingest " + testing::ShellQuote(testing::FixturePath("vault")) +
      " --db " + testing::ShellQuote(db));
  EXPECT_EQ(cli.exit_code, 1);
  EXPECT_NE(cli.out.find("another ingest"), std::string::npos) << cli.out;
  second_tried.set_value();
  first.join();
  EXPECT_NO_THROW(Store::open(db).ingest(testing::FixturePath("vault")));
  EXPECT_EQ(QueryValue(db, "SELECT group_concat(status) FROM ingest_runs ORDER BY id"),
            "done,done");
}

TEST(VanishingFiles, AFileDeletedAfterTheScanIsReportedAndItsNoteRemoved) {
  testing::TempDir dir;
  dir.Write("v/a.md", "- [ ] first\n");
  dir.Write("v/z.md", "- [ ] last\n");
  const std::string db = dir.Join("d.db");
  Store::open(db).ingest(dir.Join("v"));
  dir.Write("v/z.md", "- [ ] last, edited\n");  // Changed, so the next ingest reads it.
  dir.Write("v/b.md", "- [ ] new\n");
  IngestOptions o;
  o.threads = 1;  // Files are read in order, after the callback below: no worker runs ahead.
  o.on_progress = [&](const IngestProgress& p) {
    // Sorted order: a.md, b.md, z.md. Once parsing starts, z.md has been scanned.
    if (p.phase == IngestProgress::Phase::kParsing) dir.Remove("v/z.md");
  };
  const IngestReport r = Store::open(db).ingest(dir.Join("v"), o);
  EXPECT_EQ(r.files_removed, 1);
  EXPECT_EQ(r.files_failed, 0);
  EXPECT_EQ(Query(db, "SELECT path FROM notes ORDER BY path"),
            (std::vector<Row>{{"a.md"}, {"b.md"}}));
  EXPECT_EQ(Query(db, "SELECT path, code, severity FROM diagnostics"),
            (std::vector<Row>{{"z.md", "file-vanished", "warning"}}));
  // The next ingest no longer sees the file, nor the problem.
  Store::open(db).ingest(dir.Join("v"));
  EXPECT_EQ(QueryValue(db, "SELECT count(*) FROM diagnostics"), "0");
}

TEST(IngestRuns, EachIngestIsLoggedWithItsOutcome) {
  testing::TempDir dir;
  const std::string db = testing::IngestFixtureVault(dir);
  EXPECT_EQ(Query(db,
                  "SELECT status, files_seen, files_parsed, finished_at >= started_at, "
                  "vault LIKE '/%' FROM ingest_runs"),
            (std::vector<Row>{{"done", "10", "10", "1", "1"}}));
  EXPECT_THROW(Store::open(db).ingest(dir.Join("missing")), Error);
  EXPECT_EQ(QueryValue(db, "SELECT status || ': ' || error FROM ingest_runs WHERE id = 2"),
            "failed: vault folder not found: " + dir.Join("missing"));
  {  // An ingest that died leaves its row 'running'; the next one says so.
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec(
        "INSERT INTO ingest_runs(vault, started_at, status, notestore_version) "
        "VALUES('/v', '2026-01-01T00:00:00Z', 'running', '0.1.0')");
  }
  Store::open(db).ingest(testing::FixturePath("vault"));
  EXPECT_EQ(QueryValue(db, "SELECT group_concat(status, ',') FROM ingest_runs"),
            "done,failed,interrupted,done");
}

TEST(SqlText, NamesAndTextThatLookLikeSqlAreStoredAndFoundVerbatim) {
  testing::TempDir dir;
  const std::string evil = "Robert'); DROP TABLE notes;--";
  dir.Write("v/People/Sean O'Brien.md",
            "---\ntype: person\naliases: [\"O'B\"]\n---\n# Sean O'Brien\n");
  dir.Write("v/" + evil + ".md", "---\ntitle: \"" + evil +
                                     "\"\ntags: [\"x'); DELETE FROM tasks;--\"]\n---\n"
                                     "- [ ] ask about it' OR '1'='1 @Sean O'Brien\n"
                                     "- [ ] quote \"double\" and `tick` and %_ wildcards @O'B\n");
  const std::string db = dir.Join("s.db");
  Store store = Store::open(db);
  store.ingest(dir.Join("v"));
  EXPECT_EQ(QueryValue(db, "SELECT title FROM notes WHERE path LIKE 'Robert%'"), evil);
  EXPECT_EQ(store.person("Sean O'Brien").open_tasks.size(), 2u);
  EXPECT_EQ(store.person("o'b").person.name, "Sean O'Brien");
  TaskQuery q;
  q.text_contains = "%_";
  ASSERT_EQ(store.tasks(q).size(), 1u);  // LIKE wildcards match themselves.
  q.text_contains = "' OR '1'='1";
  EXPECT_EQ(store.tasks(q).size(), 1u);
  q.text_contains = "it' or";  // Spliced into SQL, this would not even parse.
  EXPECT_EQ(store.tasks(q).size(), 1u);
  EXPECT_EQ(store.search("it' OR '1'='1").size(), 2u);  // The note and its task.
  EXPECT_EQ(QueryValue(db, "SELECT count(*) FROM tags WHERE tag = 'x'');'"), "1");
  EXPECT_EQ(QueryValue(db, "PRAGMA integrity_check"), "ok");
}

}  // namespace
}  // namespace notestore
