// Crash consistency: `notestore ingest` killed with SIGKILL at random points, from an empty
// database and during an incremental ingest. Each time the database must open, pass
// PRAGMA integrity_check, and an ingest run afterwards must produce exactly what a clean
// ingest produces. NOTESTORE_CRASH_TRIALS sets the number of kills (default 50).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <thread>

#include "notestore/notestore.h"
#include "support/test_support.h"
#include "support/versioned_vault.h"

namespace notestore {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr const char* kMe = testing::kGeneratedMe;

pid_t StartIngest(const std::string& vault, const std::string& db) {
  const pid_t pid = fork();
  if (pid == 0) {
    const int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, STDOUT_FILENO);
    dup2(devnull, STDERR_FILENO);
    // --json rather than --quiet: the run counts its totals and stores them for the next.
    execl(NOTESTORE_CLI, "notestore", "ingest", vault.c_str(), "--db", db.c_str(), "--me", kMe,
          "--json", static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

// Runs an ingest to the end; returns its wall time in seconds (negative on failure).
double IngestToEnd(const std::string& vault, const std::string& db) {
  const auto start = Clock::now();
  int status = 0;
  waitpid(StartIngest(vault, db), &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void RemoveDatabase(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(db + suffix);
}

int TrialsFromEnvironment() {
  const char* env = std::getenv("NOTESTORE_CRASH_TRIALS");
  return env && std::atoi(env) > 0 ? std::atoi(env) : 50;
}

class CrashConsistency : public ::testing::Test {
 protected:
  testing::TempDir dir_;
  const testing::VersionedVault vaults_ = testing::WriteVersionedVault(dir_.path(), 2000, 2500, 10);
};

TEST_F(CrashConsistency, KilledIngestsLeaveADatabaseThatOpensChecksAndCatchesUp) {
  const std::string clean = dir_.Join("clean.db");
  const double scratch_seconds = IngestToEnd(vaults_.new_dir, clean);
  ASSERT_GT(scratch_seconds, 0);
  const std::string expected = testing::CanonicalDump(clean);
  ASSERT_TRUE(testing::InvariantViolations(clean).empty());

  // Three kinds of trial: into an empty database; from the older vault, changed
  // throughout; from a vault whose changes all fall in the first batch, so that a kill
  // after that batch leaves nothing for the next ingest to re-parse, only the vault-wide
  // pass it still owes.
  struct Start {
    const char* name;
    std::string base;  // Database to start from; empty for a new one.
    double seconds = 0;
  };
  std::vector<Start> starts = {{"from scratch", "", scratch_seconds},
                               {"incremental", dir_.Join("old.db")},
                               {"early changes only", dir_.Join("early.db")}};
  ASSERT_GT(IngestToEnd(vaults_.old_dir, starts[1].base), 0);
  ASSERT_GT(IngestToEnd(vaults_.early_dir, starts[2].base), 0);
  for (size_t s = 1; s < starts.size(); ++s) {
    const std::string probe = dir_.Join("probe.db");
    RemoveDatabase(probe);
    fs::copy_file(starts[s].base, probe);
    starts[s].seconds = IngestToEnd(vaults_.new_dir, probe);
    ASSERT_GT(starts[s].seconds, 0);
    ASSERT_EQ(testing::DumpDifference(testing::CanonicalDump(probe), expected), "")
        << starts[s].name;
  }

  // The times above were measured once, perhaps while other tests loaded the machine; a
  // run that ends before its kill updates its kind's time, so kills keep landing inside.
  const int trials = TrialsFromEnvironment();
  std::mt19937 rng(20261121);
  int killed = 0;
  const std::string db = dir_.Join("trial.db");
  for (int t = 0; t < trials; ++t) {
    Start& start = starts[static_cast<size_t>(t) % starts.size()];
    RemoveDatabase(db);
    if (!start.base.empty()) fs::copy_file(start.base, db);
    // Up to a little past the usual end, so kills land in the last transaction too.
    const double delay = std::uniform_real_distribution<double>(0.0, 1.1 * start.seconds)(rng);
    const auto began = Clock::now();
    const pid_t pid = StartIngest(vaults_.new_dir, db);
    const auto deadline = began + std::chrono::duration<double>(delay);
    int status = 0;
    bool ended = false;
    while (!(ended = waitpid(pid, &status, WNOHANG) == pid) && Clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (ended) {
      const double took = std::chrono::duration<double>(Clock::now() - began).count();
      start.seconds = std::min(start.seconds, took);
    } else {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
    }
    if (WIFSIGNALED(status)) ++killed;
    SCOPED_TRACE("trial " + std::to_string(t) + " (" + start.name + "), killed after " +
                 std::to_string(delay) + " s");

    // A kill before the process got as far as creating the file leaves none, which is
    // consistent too (seen under ASan, whose start-up is slow).
    if (fs::exists(db)) {
      ASSERT_EQ(testing::QueryValue(db, "PRAGMA integrity_check"), "ok");
      ASSERT_NO_THROW(Store::open(db));
      // Whatever batches the killed run committed, their terms came with them.
      EXPECT_EQ(testing::SearchTermsLacking(db), "");
    }
    ASSERT_GT(IngestToEnd(vaults_.new_dir, db), 0);
    EXPECT_EQ(testing::InvariantViolations(db), std::vector<std::string>{});
    ASSERT_EQ(testing::DumpDifference(testing::CanonicalDump(db), expected), "");
    // A run that changes nothing reports the store's totals, not ones a killed run left.
    IngestOptions same;
    same.me = kMe;
    const IngestReport again = Store::open(db).ingest(vaults_.new_dir, same);
    EXPECT_EQ(again.files_parsed, 0);
    for (const char* table : {"notes", "tasks", "people", "decisions", "meeting_attendees"}) {
      EXPECT_EQ(std::to_string(again.table_rows.at(table)),
                testing::QueryValue(db, std::string("SELECT count(*) FROM ") + table))
          << table;
    }
    // The killed run, if it had begun, is on record as interrupted.
    EXPECT_EQ(testing::QueryValue(db,
                                  "SELECT count(*) FROM ingest_runs WHERE status NOT IN "
                                  "('done', 'interrupted')"),
              "0");
  }
  std::printf(
      "crash consistency: %d trials, %d killed mid-ingest (ingest from scratch %.2f s, "
      "incremental %.2f s, early changes %.2f s)\n",
      trials, killed, starts[0].seconds, starts[1].seconds, starts[2].seconds);
  EXPECT_GE(killed, trials * 2 / 3) << "too few kills landed inside an ingest";
}

}  // namespace
}  // namespace notestore
