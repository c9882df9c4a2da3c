// The watcher keeps a store in sync with a vault as files are written, renamed and
// deleted, and ends where a full ingest of the vault ends. Paths-limited ingests, which
// it is built on, leave everything outside their paths alone.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <thread>

#include "notestore/notestore.h"
#include "support/test_support.h"
#include "support/versioned_vault.h"

namespace notestore {
namespace {

namespace fs = std::filesystem;

std::string NotePaths(const std::string& db) {
  std::string out;
  for (const testing::Row& row : testing::Query(db, "SELECT path FROM notes ORDER BY path")) {
    out += row[0] + "\n";
  }
  return out;
}

// Runs a VaultWatcher on its own thread and records its syncs.
class WatcherThread {
 public:
  WatcherThread(const std::string& db, const std::string& vault, WatchOptions options = {})
      : store_(Store::open(db)), watcher_(store_, vault, std::move(options)) {
    thread_ = std::thread([this] {
      try {
        watcher_.run([this](const WatchSync& sync) {
          std::lock_guard<std::mutex> lock(mu_);
          syncs_.push_back(sync);
          cv_.notify_all();
        });
      } catch (const Error& e) {
        std::lock_guard<std::mutex> lock(mu_);
        error_ = e.code();
        failed_ = true;
        cv_.notify_all();
      }
      std::lock_guard<std::mutex> lock(mu_);
      done_ = true;
      cv_.notify_all();
    });
  }
  ~WatcherThread() { Stop(); }

  void Stop() {
    watcher_.stop();
    if (thread_.joinable()) thread_.join();
  }

  // Waits (up to a generous minute, for slow sanitizer builds) until `n` syncs are done
  // or the watcher ended; returns the syncs so far.
  std::vector<WatchSync> WaitForSyncs(size_t n) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_for(lock, std::chrono::seconds(60), [&] { return syncs_.size() >= n || done_; });
    return syncs_;
  }

  // Waits until the watcher ends on its own; returns the error it ended with.
  std::optional<ErrorCode> WaitForEnd() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_for(lock, std::chrono::seconds(60), [&] { return done_; });
    return failed_ ? std::optional<ErrorCode>(error_) : std::nullopt;
  }

 private:
  Store store_;
  VaultWatcher watcher_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<WatchSync> syncs_;
  bool done_ = false;
  bool failed_ = false;
  ErrorCode error_ = ErrorCode::kInternal;
};

TEST(Watch, FollowsWritesRenamesAndFolders) {
  testing::TempDir dir;
  dir.Write("v/People/Ana Silva.md", "# Ana Silva\n");
  const std::string db = dir.Join("w.db");
  WatcherThread w(db, dir.Join("v"));
  std::vector<WatchSync> syncs = w.WaitForSyncs(1);
  ASSERT_EQ(syncs.size(), 1u);
  EXPECT_TRUE(syncs[0].full);
  EXPECT_EQ(syncs[0].report.files_parsed, 1);

  // Files the ingest ignores cause no sync: the next one holds only the note.
  dir.Write("v/.obsidian/workspace.md", "ignored");
  dir.Write("v/notes.txt", "ignored");
  dir.Write("v/.draft.md.swp", "ignored");
  dir.Write("v/Plan.md", "# Plan\n- [ ] Book the venue @Ana 📅 2026-12-01\n");
  syncs = w.WaitForSyncs(2);
  ASSERT_EQ(syncs.size(), 2u);
  EXPECT_FALSE(syncs[1].full);
  EXPECT_EQ(syncs[1].paths, std::vector<std::string>{"Plan.md"});
  EXPECT_EQ(syncs[1].report.files_parsed, 1);
  EXPECT_EQ(NotePaths(db), "People/Ana Silva.md\nPlan.md\n");
  // The vault-wide pass ran too: the owner is resolved.
  EXPECT_EQ(testing::QueryValue(db, "SELECT owner FROM task_list"), "Ana Silva");

  std::rename(dir.Join("v/Plan.md").c_str(), dir.Join("v/Plan 2026.md").c_str());
  syncs = w.WaitForSyncs(3);
  ASSERT_EQ(syncs.size(), 3u);
  EXPECT_EQ(syncs[2].paths, (std::vector<std::string>{"Plan 2026.md", "Plan.md"}));
  EXPECT_EQ(NotePaths(db), "People/Ana Silva.md\nPlan 2026.md\n");

  // A folder made and written into at once: the file inside is seen.
  dir.Write("v/Projects/Q1/Launch.md", "# Launch\n");
  size_t seen = w.WaitForSyncs(4).size();
  while (NotePaths(db).find("Projects/Q1/Launch.md") == std::string::npos && seen < 8) {
    seen = w.WaitForSyncs(seen + 1).size();  // The folder and the file may sync apart.
  }
  EXPECT_EQ(NotePaths(db), "People/Ana Silva.md\nPlan 2026.md\nProjects/Q1/Launch.md\n");

  // A renamed folder: the notes move with it.
  std::rename(dir.Join("v/Projects").c_str(), dir.Join("v/Archive").c_str());
  syncs = w.WaitForSyncs(seen + 1);
  ASSERT_EQ(syncs.size(), seen + 1);
  EXPECT_EQ(NotePaths(db), "Archive/Q1/Launch.md\nPeople/Ana Silva.md\nPlan 2026.md\n");
  // The renamed folder's watches follow it: a file written there now is seen.
  dir.Write("v/Archive/Q1/Retro.md", "# Retro\n");
  syncs = w.WaitForSyncs(seen + 2);
  ASSERT_EQ(syncs.size(), seen + 2);
  EXPECT_EQ(syncs.back().paths, std::vector<std::string>{"Archive/Q1/Retro.md"});

  fs::remove_all(dir.Join("v/Archive"));
  syncs = w.WaitForSyncs(seen + 3);
  ASSERT_EQ(syncs.size(), seen + 3);
  EXPECT_EQ(syncs.back().paths, std::vector<std::string>{"Archive"});
  EXPECT_EQ(syncs.back().report.files_removed, 2);
  EXPECT_EQ(NotePaths(db), "People/Ana Silva.md\nPlan 2026.md\n");
  w.Stop();
  EXPECT_TRUE(testing::InvariantViolations(db).empty());
}

// Whatever order the files change in, the watched store ends equal to a full ingest of
// the vault as it ends.
TEST(Watch, EndsWhereAFullIngestEnds) {
  testing::TempDir dir;
  const testing::VersionedVault vaults = testing::WriteVersionedVault(dir.path(), 120, 2500, 5);
  const std::string live = dir.Join("live");
  testing::CopyTree(vaults.old_dir, live);
  WatchOptions options;
  options.ingest.me = testing::kGeneratedMe;
  const std::string db = dir.Join("w.db");
  {
    WatcherThread w(db, live, options);
    ASSERT_EQ(w.WaitForSyncs(1).size(), 1u);
    // Bring the live vault to the new version, file by file, as a sync client would.
    for (const auto& entry : fs::directory_iterator(live)) fs::remove_all(entry.path());
    testing::CopyTree(vaults.new_dir, live);
    // Touch a marker last and wait until its sync is done: everything before is synced.
    dir.Write("live/zz-marker.md", "# Marker\n");
    for (size_t n = 2; n < 1000; ++n) {
      ASSERT_EQ(w.WaitForSyncs(n).size(), n) << "the watcher stopped";
      if (testing::QueryValue(db, "SELECT count(*) FROM notes WHERE path = 'zz-marker.md'") ==
          "1") {
        break;
      }
    }
  }
  const std::string fresh = dir.Join("fresh.db");
  IngestOptions ingest;
  ingest.me = testing::kGeneratedMe;
  Store::open(fresh).ingest(live, ingest);
  EXPECT_EQ(testing::DumpDifference(testing::CanonicalDump(db), testing::CanonicalDump(fresh)), "");
}

// A link to a folder: its notes are stored under the link's path, and deleting the link
// removes them (the deletion is not a folder event).
TEST(Watch, LinkedFoldersComeAndGo) {
  testing::TempDir dir;
  dir.Write("outside/Shared/x.md", "# X\n");
  dir.Write("v/a.md", "# A\n");
  const std::string db = dir.Join("w.db");
  WatcherThread w(db, dir.Join("v"));
  ASSERT_EQ(w.WaitForSyncs(1).size(), 1u);
  ASSERT_EQ(symlink(dir.Join("outside/Shared").c_str(), dir.Join("v/Shared").c_str()), 0);
  ASSERT_EQ(w.WaitForSyncs(2).size(), 2u);
  EXPECT_EQ(NotePaths(db), "Shared/x.md\na.md\n");
  dir.Write("outside/Shared/y.md", "# Y\n");  // Seen through the link's watch.
  ASSERT_EQ(w.WaitForSyncs(3).size(), 3u);
  EXPECT_EQ(NotePaths(db), "Shared/x.md\nShared/y.md\na.md\n");
  ASSERT_EQ(unlink(dir.Join("v/Shared").c_str()), 0);
  ASSERT_EQ(w.WaitForSyncs(4).size(), 4u);
  EXPECT_EQ(NotePaths(db), "a.md\n");
}

// The command: one JSON line per sync, and Ctrl-C (SIGINT) ends it with exit code 0.
TEST(Watch, TheCommandPrintsEachSyncAndStopsOnSigint) {
  testing::TempDir dir;
  dir.Write("v/a.md", "# Alpaca\n");
  const std::string cli = testing::ShellQuote(NOTESTORE_CLI);
  const std::string db = testing::ShellQuote(dir.Join("w.db"));
  const std::string vault = testing::ShellQuote(dir.Join("v"));
  // Each wait polls the store for up to a minute, so a slow machine only makes it slower.
  auto wait_for = [&](const std::string& word) {
    return "for i in $(seq 600); do " + cli + " search " + word + " --db " + db +
           " --json 2>/dev/null | grep -q path && break; sleep 0.1; done; ";
  };
  const testing::CommandResult r = testing::RunCommand(
      cli + " watch " + vault + " --db " + db + " --json > " +
      testing::ShellQuote(dir.Join("out.txt")) + " & pid=$!; " + wait_for("Alpaca") +
      "printf '# Zebra\\n' > " + testing::ShellQuote(dir.Join("v/z.md")) + "; " +
      wait_for("Zebra") + "kill -INT $pid; wait $pid; echo exit=$?");
  EXPECT_NE(r.out.find("exit=0"), std::string::npos) << r.out;
  const std::string out = testing::ReadFileText(dir.Join("out.txt"));
  EXPECT_EQ(out.rfind("{\"full\":true,", 0), 0u) << out;
  EXPECT_NE(out.find("\n{\"full\":false,\"paths\":[\"z.md\"]"), std::string::npos) << out;
}

// A folder reached twice, itself and through a link: the scan keeps the first path in
// sorted order, and the watcher reports changes under that same path.
TEST(Watch, AFolderReachedTwiceKeepsTheScansPath) {
  testing::TempDir dir;
  dir.Write("v/Real/r.md", "# R one\n");
  ASSERT_EQ(symlink(dir.Join("v/Real").c_str(), dir.Join("v/Alias").c_str()), 0);
  const std::string db = dir.Join("w.db");
  WatcherThread w(db, dir.Join("v"));
  ASSERT_EQ(w.WaitForSyncs(1).size(), 1u);
  EXPECT_EQ(NotePaths(db), "Alias/r.md\n");
  dir.Write("v/Real/r.md", "# R two\n");
  const std::vector<WatchSync> syncs = w.WaitForSyncs(2);
  ASSERT_EQ(syncs.size(), 2u);
  EXPECT_EQ(syncs[1].paths, std::vector<std::string>{"Alias/r.md"});
  EXPECT_EQ(NotePaths(db), "Alias/r.md\n");
  EXPECT_EQ(testing::QueryValue(db, "SELECT title FROM notes"), "R two");
}

TEST(Watch, RemovingTheVaultEndsTheWatch) {
  testing::TempDir dir;
  dir.Write("v/a.md", "# A\n");
  WatcherThread w(dir.Join("w.db"), dir.Join("v"));
  ASSERT_EQ(w.WaitForSyncs(1).size(), 1u);
  fs::remove_all(dir.Join("v"));
  EXPECT_EQ(w.WaitForEnd(), ErrorCode::kNotFound);
}

TEST(Watch, StopBeforeRunReturnsAfterTheFirstSync) {
  testing::TempDir dir;
  dir.Write("v/a.md", "# A\n");
  Store store = Store::open(dir.Join("w.db"));
  VaultWatcher watcher(store, dir.Join("v"));
  watcher.stop();
  int syncs = 0;
  watcher.run([&](const WatchSync&) { ++syncs; });
  EXPECT_EQ(syncs, 1);
}

TEST(Watch, BadArgumentsAreRefused) {
  testing::TempDir dir;
  Store store = Store::open(dir.Join("w.db"));
  try {
    VaultWatcher watcher(store, dir.Join("missing"));
    FAIL() << "a missing vault was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kNotFound);
  }
  dir.Write("v/a.md", "# A\n");
  WatchOptions options;
  options.debounce_ms = -1;
  try {
    VaultWatcher watcher(store, dir.Join("v"), options);
    FAIL() << "a negative debounce was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
  }
}

// --- IngestOptions::paths and publish_before_resolve, which the watcher relies on.

TEST(PathsIngest, OnlyTheGivenPathsAreExamined) {
  testing::TempDir dir;
  dir.Write("v/a.md", "# A\nalpha\n");
  dir.Write("v/b.md", "# B\nbeta\n");
  dir.Write("v/Sub/c.md", "# C\n");
  dir.Write("v/Sub/d.md", "# D\n");
  dir.Write("v/Sub2/f.md", "# F\n");  // Next to Sub by name: outside its scope.
  dir.Write("v/Sub b/g.md", "# G\n");
  const std::string db = dir.Join("p.db");
  Store store = Store::open(db);
  store.ingest(dir.Join("v"));

  dir.Write("v/a.md", "# A\nalpha two\n");
  dir.Write("v/b.md", "# B\nbeta two\n");
  dir.Remove("v/Sub/c.md");
  dir.Remove("v/Sub2/f.md");
  dir.Remove("v/Sub b/g.md");
  dir.Write("v/e.md", "# E\n");
  IngestOptions options;
  options.paths = {"a.md", "Sub"};
  const IngestReport report = store.ingest(dir.Join("v"), options);
  EXPECT_EQ(report.files_seen, 2);  // a.md and Sub/d.md
  EXPECT_EQ(report.files_parsed, 1);
  EXPECT_EQ(report.files_removed, 1);
  // a.md changed; b.md changed too but was not asked about; e.md is not seen yet; the
  // notes of Sub2 and "Sub b" stay although their files are gone.
  EXPECT_EQ(NotePaths(db), "Sub b/g.md\nSub/d.md\nSub2/f.md\na.md\nb.md\n");
  EXPECT_EQ(testing::QueryValue(db, "SELECT body FROM notes WHERE path = 'b.md'"), "# B\nbeta\n");
  EXPECT_EQ(testing::QueryValue(db, "SELECT body FROM notes WHERE path = 'a.md'"),
            "# A\nalpha two\n");

  // A path with no file and no note, a hidden one and one without the extension: nothing.
  options.paths = {"nothing.md", ".obsidian/x.md", "b.txt"};
  EXPECT_EQ(store.ingest(dir.Join("v"), options).files_seen, 0);
  EXPECT_EQ(NotePaths(db), "Sub b/g.md\nSub/d.md\nSub2/f.md\na.md\nb.md\n");
  EXPECT_TRUE(testing::InvariantViolations(db).empty());
}

TEST(PathsIngest, PathsOutsideTheVaultAreRefused) {
  testing::TempDir dir;
  dir.Write("v/a.md", "# A\n");
  Store store = Store::open(dir.Join("p.db"));
  for (const char* bad : {"../a.md", "/etc/passwd", "x//a.md", "./a.md", ""}) {
    IngestOptions options;
    options.paths = {bad};
    try {
      store.ingest(dir.Join("v"), options);
      ADD_FAILURE() << "'" << bad << "' was accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument) << bad;
    }
  }
}

// With publish_before_resolve, a reader finds the changed note while the vault-wide
// pass is still running; without it, the note and the pass commit together.
TEST(PathsIngest, PublishBeforeResolveCommitsNotesFirst) {
  for (bool publish : {false, true}) {
    testing::TempDir dir;
    dir.Write("v/a.md", "# A\n");
    const std::string db = dir.Join("p.db");
    Store store = Store::open(db);
    store.ingest(dir.Join("v"));
    dir.Write("v/b.md", "# B\n- [ ] Send the deck @Ana Silva\n");
    IngestOptions options;
    options.publish_before_resolve = publish;
    std::string seen_while_resolving;
    options.on_progress = [&](const IngestProgress& p) {
      if (p.phase == IngestProgress::Phase::kResolving) {
        seen_while_resolving =
            testing::QueryValue(db, "SELECT count(*) FROM notes WHERE path = 'b.md'");
      }
    };
    store.ingest(dir.Join("v"), options);
    EXPECT_EQ(seen_while_resolving, publish ? "1" : "0") << publish;
    EXPECT_EQ(testing::QueryValue(db, "SELECT owner FROM task_list"), "Ana Silva");
  }
}

}  // namespace
}  // namespace notestore
