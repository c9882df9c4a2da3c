// Readers during an ingest: a C++ Store, the CLI and the sqlite3 shell query the database
// while an ingest rewrites every note of it, a few notes per transaction. None may see an
// error, and every note any of them sees must be whole: the tasks, decisions and search
// rows of one version of its file, never a mix.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cctype>
#include <filesystem>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "notestore/notestore.h"
#include "support/test_support.h"
#include "support/versioned_vault.h"

namespace notestore {
namespace {

namespace fs = std::filesystem;

// Per note path, the shapes ("hash tasks decisions search-rows") a reader may see.
using Shapes = std::map<std::string, std::set<std::string>>;

constexpr const char* kShapeSql =
    "SELECT n.path, n.content_hash || ' ' || "
    "(SELECT count(*) FROM tasks t WHERE t.note_id = n.id) || ' ' || "
    "(SELECT count(*) FROM decisions d WHERE d.note_id = n.id) || ' ' || "
    "(SELECT count(*) FROM search s WHERE s.rowid BETWEEN n.id << 24 AND ((n.id + 1) << 24) - 1) "
    "FROM notes n";

void AddShapes(const std::string& db, Shapes* shapes) {
  for (const testing::Row& row : testing::Query(db, kShapeSql)) (*shapes)[row[0]].insert(row[1]);
}

bool ShellHasSqlite3() { return testing::RunCommand("command -v sqlite3").exit_code == 0; }

class Readers {
 public:
  Readers(std::string db, const Shapes& shapes) : db_(std::move(db)), shapes_(shapes) {}

  void Error(const std::string& what) {
    std::lock_guard<std::mutex> lock(mu_);
    if (errors_.size() < 20) errors_.push_back(what);
  }

  // One snapshot of every note's shape, read in one statement (one read transaction).
  void CheckShapes(SQLite::Database& db) {
    SQLite::Statement q(db, kShapeSql);
    while (q.executeStep()) {
      const std::string path = q.getColumn(0).getString();
      const std::string shape = q.getColumn(1).getString();
      auto it = shapes_.find(path);
      if (it == shapes_.end() || !it->second.count(shape)) {
        Error("half-updated note " + path + ": " + shape);
      }
    }
    ++snapshots;
  }

  void Api(const std::atomic<bool>& done) {
    OpenOptions o;
    o.read_only = true;
    while (!done) {
      try {
        Store store = Store::open(db_, o);
        store.tasks();
        // Each search reads its snippets in the snapshot it scored in: what is marked
        // is the word searched for, however the notes change meanwhile.
        for (const SearchHit& h : store.search("decision")) {
          for (size_t at = h.snippet.find('['); at != std::string::npos;
               at = h.snippet.find('[', at + 1)) {
            std::string marked = h.snippet.substr(at + 1, 5);
            for (char& c : marked)
              c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (marked != "decis") Error("snippet marks another word: " + h.snippet);
          }
        }
        store.people();
        SQLite::Database raw(db_, SQLite::OPEN_READONLY, 5000);
        CheckShapes(raw);
        ++api_queries;
      } catch (const std::exception& e) {
        Error(std::string("C++ reader: ") + e.what());
      }
    }
  }

  void Cli(const std::atomic<bool>& done) {
    while (!done) {
      const testing::CommandResult r =
          testing::RunCommand(std::string(NOTESTORE_CLI) + " tasks --status open --json --db " +
                              testing::ShellQuote(db_));
      if (r.exit_code != 0 || !nlohmann::json::accept(r.out)) {
        Error("CLI reader: exit " + std::to_string(r.exit_code) + ": " + r.out.substr(0, 200));
      }
      ++cli_queries;
    }
  }

  void Shell(const std::atomic<bool>& done) {
    while (!done) {
      const testing::CommandResult r = testing::RunCommand(
          // With a busy timeout, as any client should have: the first connection to a
          // WAL database rebuilds its index under a brief exclusive lock, and a shell
          // opening at that moment would fail at once without one.
          "sqlite3 -bail -cmd '.timeout 5000' " + testing::ShellQuote(db_) + " " +
          testing::ShellQuote("SELECT count(*) FROM open_tasks; "
                              "SELECT count(*) FROM search WHERE search MATCH 'meeting';"));
      if (r.exit_code != 0) Error("sqlite3 reader: " + r.out.substr(0, 200));
      ++shell_queries;
    }
  }

  std::vector<std::string> errors() {
    std::lock_guard<std::mutex> lock(mu_);
    return errors_;
  }

  std::atomic<int> snapshots{0};
  std::atomic<int> api_queries{0};
  std::atomic<int> cli_queries{0};
  std::atomic<int> shell_queries{0};

 private:
  const std::string db_;
  const Shapes& shapes_;
  std::mutex mu_;
  std::vector<std::string> errors_;
};

TEST(Concurrency, ReadersDuringAnIngestSeeNoErrorAndOnlyWholeNotes) {
  testing::TempDir dir;
  // Every note changes between the versions, so the ingest rewrites all of them.
  const testing::VersionedVault v = testing::WriteVersionedVault(dir.path(), 1000, 2500, 1);
  IngestOptions options;
  options.me = testing::kGeneratedMe;
  const std::string old_db = dir.Join("old.db");
  const std::string new_db = dir.Join("new.db");
  Store::open(old_db).ingest(v.old_dir, options);
  Store::open(new_db).ingest(v.new_dir, options);
  Shapes shapes;
  AddShapes(old_db, &shapes);
  AddShapes(new_db, &shapes);

  const std::string db = dir.Join("live.db");
  fs::copy_file(old_db, db);
  Readers readers(db, shapes);
  std::atomic<bool> done{false};
  std::vector<std::thread> threads;
  threads.emplace_back([&] { readers.Api(done); });
  threads.emplace_back([&] { readers.Cli(done); });
  const bool shell = ShellHasSqlite3();
  if (shell) threads.emplace_back([&] { readers.Shell(done); });

  options.batch_size = 8;  // Many commits for the readers to fall between.
  const IngestReport report = Store::open(db).ingest(v.new_dir, options);
  done = true;
  for (std::thread& t : threads) t.join();

  std::printf("readers during a %.2f s ingest: %d C++ (%d snapshots), %d CLI, %d sqlite3\n",
              report.seconds, readers.api_queries.load(), readers.snapshots.load(),
              readers.cli_queries.load(), readers.shell_queries.load());
  EXPECT_EQ(readers.errors(), std::vector<std::string>{});
  EXPECT_GE(readers.snapshots.load(), 3) << "the readers hardly overlapped the ingest";
  EXPECT_GE(readers.cli_queries.load(), 1);
  if (shell) {
    EXPECT_GE(readers.shell_queries.load(), 1);
  }
  EXPECT_EQ(testing::DumpDifference(testing::CanonicalDump(db), testing::CanonicalDump(new_db)),
            "");
}

}  // namespace
}  // namespace notestore
