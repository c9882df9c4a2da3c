// The Store API: opening, refusing databases it must not touch, options, failures that
// become diagnostics.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "notestore/notestore.h"
#include "support/test_support.h"

namespace notestore {
namespace {

using testing::Query;
using testing::QueryValue;
using testing::Row;

ErrorCode CodeOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  ADD_FAILURE() << "no notestore::Error thrown";
  return ErrorCode::kInternal;
}

TEST(Store, CreatesASchemaV1Database) {
  testing::TempDir dir;
  const std::string db = dir.Join("new.db");
  Store store = Store::open(db);
  EXPECT_EQ(store.schema_version(), kSchemaVersion);
  EXPECT_EQ(store.path(), db);
  EXPECT_EQ(QueryValue(db, "SELECT count(*) FROM notes"), "0");
}

TEST(Store, RefusesWhatItMustNotTouch) {
  testing::TempDir dir;
  EXPECT_EQ(CodeOf([&] {
              OpenOptions o;
              o.read_only = true;
              Store::open(dir.Join("missing.db"), o);
            }),
            ErrorCode::kNotFound);
  EXPECT_EQ(CodeOf([&] {
              OpenOptions o;
              o.create_if_missing = false;
              Store::open(dir.Join("missing.db"), o);
            }),
            ErrorCode::kNotFound);
  {
    SQLite::Database other(dir.Join("other.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE t(x)");
  }
  EXPECT_EQ(CodeOf([&] { Store::open(dir.Join("other.db")); }), ErrorCode::kCorrupt);
  dir.Write("text.db", std::string(4096, 'x'));
  EXPECT_EQ(CodeOf([&] { Store::open(dir.Join("text.db")); }), ErrorCode::kCorrupt);
  {
    Store::open(dir.Join("future.db"));
    SQLite::Database db(dir.Join("future.db"), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 99");
  }
  try {
    Store::open(dir.Join("future.db"));
    FAIL() << "a newer schema must be refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kSchemaMismatch);
    EXPECT_NE(std::string(e.what()).find("schema version 99"), std::string::npos) << e.what();
  }
}

TEST(Store, ReadOnlyNeverWrites) {
  testing::TempDir dir;
  const std::string db = dir.Join("ro.db");
  Store::open(db).ingest(testing::FixturePath("vault"));
  OpenOptions o;
  o.read_only = true;
  Store store = Store::open(db, o);
  EXPECT_EQ(CodeOf([&] { store.ingest(testing::FixturePath("vault")); }), ErrorCode::kReadOnly);
}

TEST(Store, BadArgumentsAndMissingVault) {
  testing::TempDir dir;
  Store store = Store::open(dir.Join("a.db"));
  EXPECT_EQ(CodeOf([&] { store.ingest(dir.Join("nope")); }), ErrorCode::kNotFound);
  IngestOptions o;
  o.extensions = {"md"};
  EXPECT_EQ(CodeOf([&] { store.ingest(dir.path(), o); }), ErrorCode::kInvalidArgument);
  o = IngestOptions();
  o.batch_size = 0;
  EXPECT_EQ(CodeOf([&] { store.ingest(dir.path(), o); }), ErrorCode::kInvalidArgument);
  OpenOptions tiny_cache;
  tiny_cache.cache_bytes = 4096;
  EXPECT_EQ(CodeOf([&] { Store::open(dir.Join("a.db"), tiny_cache); }),
            ErrorCode::kInvalidArgument);
  OpenOptions negative_map;
  negative_map.mmap_bytes = -1;
  EXPECT_EQ(CodeOf([&] { Store::open(dir.Join("a.db"), negative_map); }),
            ErrorCode::kInvalidArgument);
}

int PageSize(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet("PRAGMA page_size").getInt();
}

// The page size is chosen when the database is made, and kept by it afterwards.
TEST(Store, PageSizeIsChosenWhenTheDatabaseIsMade) {
  testing::TempDir dir;
  Store::open(dir.Join("default.db")).ingest(testing::FixturePath("vault"));
  EXPECT_EQ(PageSize(dir.Join("default.db")), OpenOptions().page_bytes);

  OpenOptions small;
  small.page_bytes = 4096;
  ASSERT_NE(small.page_bytes, OpenOptions().page_bytes);
  Store::open(dir.Join("small.db"), small).ingest(testing::FixturePath("vault"));
  EXPECT_EQ(PageSize(dir.Join("small.db")), 4096);
  Store reopened = Store::open(dir.Join("small.db"));  // Default options: 16 KiB.
  reopened.ingest(testing::FixturePath("vault"));
  EXPECT_EQ(PageSize(dir.Join("small.db")), 4096);
  EXPECT_EQ(reopened.tasks().size(), Store::open(dir.Join("default.db")).tasks().size());

  for (const int bad : {0, 256, 1000, 131072}) {
    OpenOptions o;
    o.page_bytes = bad;
    EXPECT_EQ(CodeOf([&] { Store::open(dir.Join("bad.db"), o); }), ErrorCode::kInvalidArgument)
        << bad;
  }
  EXPECT_FALSE(std::filesystem::exists(dir.Join("bad.db")));
}

// Reading through a memory map or with read() gives the same answers, before and after an
// ingest (which turns the map off while it runs).
TEST(Store, QueriesReadTheSameWithOrWithoutAMemoryMap) {
  testing::TempDir dir;
  const std::string db = testing::IngestFixtureVault(dir);
  OpenOptions no_map;
  no_map.mmap_bytes = 0;
  Store mapped = Store::open(db);
  Store unmapped = Store::open(db, no_map);
  EXPECT_EQ(mapped.tasks().size(), unmapped.tasks().size());
  EXPECT_EQ(mapped.search("renewal").size(), unmapped.search("renewal").size());
  mapped.ingest(testing::FixturePath("vault"));
  EXPECT_EQ(mapped.person("pr").open_tasks.size(), unmapped.person("pr").open_tasks.size());
}

TEST(Store, ProgressReportsEveryPhase) {
  testing::TempDir dir;
  std::vector<IngestProgress::Phase> phases;
  IngestOptions o;
  o.on_progress = [&](const IngestProgress& p) {
    if (phases.empty() || phases.back() != p.phase) phases.push_back(p.phase);
  };
  Store::open(dir.Join("p.db")).ingest(testing::FixturePath("vault"), o);
  ASSERT_GE(phases.size(), 3u);
  EXPECT_EQ(phases.front(), IngestProgress::Phase::kScanning);
  EXPECT_EQ(phases.back(), IngestProgress::Phase::kDone);

  // Nothing changed: no file reaches a parser, yet the parsing phase is still reported,
  // with every file counted.
  phases.clear();
  IngestProgress parsing;
  o.on_progress = [&](const IngestProgress& p) {
    if (phases.empty() || phases.back() != p.phase) phases.push_back(p.phase);
    if (p.phase == IngestProgress::Phase::kParsing) parsing = p;
  };
  const IngestReport again = Store::open(dir.Join("p.db")).ingest(testing::FixturePath("vault"), o);
  EXPECT_EQ(again.files_unchanged, again.files_seen);
  EXPECT_EQ(phases, (std::vector<IngestProgress::Phase>{IngestProgress::Phase::kScanning,
                                                        IngestProgress::Phase::kParsing,
                                                        IngestProgress::Phase::kDone}));
  EXPECT_EQ(parsing.files_done, again.files_seen);
  EXPECT_EQ(parsing.files_total, again.files_seen);
}

TEST(Store, BadFilesBecomeDiagnosticsAndTheRestIsIngested) {
  testing::TempDir dir;
  dir.Write("v/good.md", "- [ ] fine\n");
  dir.Write("v/binary.md", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  dir.Write("v/big.md", std::string(5000, 'a'));
  dir.Write("v/latin1.md", "caf\xE9 #tag\n");
  dir.Write("v/.hidden/secret.md", "- [ ] hidden\n");
  ASSERT_EQ(mkdir(dir.Join("v/loop").c_str(), 0755), 0);
  ASSERT_EQ(symlink("..", dir.Join("v/loop/up").c_str()), 0);  // A cycle.
  ASSERT_EQ(symlink("missing.md", dir.Join("v/dangling.md").c_str()), 0);
  IngestOptions o;
  o.max_file_bytes = 4096;
  const std::string db = dir.Join("bad.db");
  const IngestReport r = Store::open(db).ingest(dir.Join("v"), o);
  EXPECT_EQ(r.files_parsed, 2);  // good.md, latin1.md
  EXPECT_EQ(r.files_failed, 2);  // binary.md, big.md
  EXPECT_EQ(Query(db, "SELECT path, code FROM diagnostics ORDER BY path"),
            (std::vector<Row>{{"big.md", "file-too-large"},
                              {"binary.md", "binary-file"},
                              {"dangling.md", "broken-symlink"},
                              {"latin1.md", "invalid-utf8"}}));
  EXPECT_EQ(QueryValue(db, "SELECT body FROM notes WHERE path = 'latin1.md'"), "café #tag\n");
}

TEST(Store, UnreadableFileKeepsItsLastVersion) {
  testing::TempDir dir;
  dir.Write("v/a.md", "- [ ] keep me\n");
  dir.Write("v/b.md", "- [ ] other\n");
  const std::string db = dir.Join("u.db");
  Store::open(db).ingest(dir.Join("v"));
  // A file that exists but cannot be read, even by root: reading /proc/self/mem at
  // offset 0 fails with EIO.
  dir.Remove("v/a.md");
  ASSERT_EQ(symlink("/proc/self/mem", dir.Join("v/a.md").c_str()), 0);
  dir.Write("v/b.md", "- [ ] other, changed\n");
  const IngestReport r = Store::open(db).ingest(dir.Join("v"));
  EXPECT_EQ(r.files_failed, 1);
  EXPECT_EQ(r.files_parsed, 1);
  EXPECT_EQ(Query(db, "SELECT text FROM tasks ORDER BY text"),
            (std::vector<Row>{{"keep me"}, {"other, changed"}}));
  EXPECT_EQ(Query(db, "SELECT path, code, note_id IS NOT NULL FROM diagnostics"),
            (std::vector<Row>{{"a.md", "unreadable-file", "1"}}));
}

}  // namespace
}  // namespace notestore
