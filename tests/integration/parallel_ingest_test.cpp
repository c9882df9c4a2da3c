// Files are parsed on several threads and written by one: the store must not depend on
// how many threads there were, for a realistic vault, a hostile one, and re-syncs.
#include <gtest/gtest.h>

#include "notestore/notestore.h"
#include "support/hostile_vault.h"
#include "support/test_support.h"
#include "support/versioned_vault.h"

namespace notestore {
namespace {

std::string IngestWith(const std::string& vault, const std::string& db, int threads) {
  IngestOptions options;
  options.me = testing::kGeneratedMe;
  options.threads = threads;
  Store::open(db).ingest(vault, options);
  return testing::CanonicalDump(db);
}

TEST(ParallelIngest, TheStoreIsTheSameWhateverTheThreadCount) {
  testing::TempDir dir;
  const testing::VersionedVault vaults = testing::WriteVersionedVault(dir.path(), 400, 3000, 7);
  const std::string serial = IngestWith(vaults.new_dir, dir.Join("serial.db"), 1);
  ASSERT_NE(testing::QueryValue(dir.Join("serial.db"), "SELECT count(*) FROM tasks"), "0");
  for (int threads : {2, 5}) {
    const std::string db = dir.Join("t" + std::to_string(threads) + ".db");
    EXPECT_EQ(testing::DumpDifference(IngestWith(vaults.new_dir, db, threads), serial), "")
        << threads << " threads";
  }
  // An incremental re-sync in parallel ends where a serial ingest from scratch does.
  const std::string db = dir.Join("resync.db");
  IngestWith(vaults.old_dir, db, 4);
  EXPECT_EQ(testing::DumpDifference(IngestWith(vaults.new_dir, db, 4), serial), "");
}

TEST(ParallelIngest, HostileFilesGiveTheSameStoreAndDiagnostics) {
  testing::TempDir dir;
  testing::WriteHostileVault(dir.Join("v"), 20);
  const std::string serial = IngestWith(dir.Join("v"), dir.Join("serial.db"), 1);
  EXPECT_EQ(testing::DumpDifference(IngestWith(dir.Join("v"), dir.Join("par.db"), 3), serial), "");
}

TEST(ParallelIngest, NegativeThreadCountIsRefused) {
  testing::TempDir dir;
  dir.Write("v/a.md", "# A\n");
  IngestOptions options;
  options.threads = -1;
  EXPECT_THROW(Store::open(dir.Join("d.db")).ingest(dir.Join("v"), options), Error);
}

}  // namespace
}  // namespace notestore
