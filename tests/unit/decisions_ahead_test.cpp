// DecisionsAhead compares a scoped pass's decisions on a thread of its own, through a
// read-only connection: what it hands over must be what comparing in place gives.
#include "resolve/decisions_ahead.h"

#include <SQLiteCpp/Transaction.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "notestore/notestore.h"
#include "resolve/vault_order.h"
#include "store/schema.h"
#include "support/test_support.h"

namespace notestore::resolve {
namespace {

// A store of `notes` notes of decisions, each worded like one other, but for one.
std::string MakeStore(const testing::TempDir& dir, int notes) {
  for (int i = 0; i < notes; ++i) {
    std::string text = "# Plan " + std::to_string(i) + "\n\n## Decisions\n\n";
    for (int k = 0; k < 30; ++k) {
      const int pair = (i * 30 + k) / 2;  // Two decisions of each wording.
      text += (k % 2 ? "- Adopt the " : "- The team adopts the ") + std::string("ledger qx") +
              std::to_string(pair) + " plan.\n";
    }
    dir.Write("vault/Projects/P" + std::to_string(1000 + i) + ".md", text);
  }
  const std::string path = dir.Join("store.db");
  Store::open(path).ingest(dir.Join("vault"));
  return path;
}

std::vector<std::tuple<int64_t, int64_t>> LinksOf(const Results& r) {
  std::vector<std::tuple<int64_t, int64_t>> out;
  for (const Link& l : r.links) out.emplace_back(l.id, l.canonical_id);
  return out;
}

std::vector<std::tuple<int64_t, bool, int64_t>> ChangesOf(const Results& r) {
  std::vector<std::tuple<int64_t, bool, int64_t>> out;
  for (const Assignment& a : r.changes)
    out.emplace_back(a.rowid, a.wanted.has_value(), a.wanted.value_or(0));
  return out;
}

bool TwoCores() { return std::thread::hardware_concurrency() >= 2; }

TEST(DecisionsAhead, HandsOverWhatComparingInPlaceFinds) {
  if (!TwoCores()) GTEST_SKIP() << "the helper runs only with two cores";
  testing::TempDir dir;
  const std::string path = MakeStore(dir, 300);  // 9,000 decisions: several runs of words.
  const auto db = store::OpenDatabase(path, store::ConnectionOptions{});
  // As if two notes were just written: one new, one whose old decisions differ.
  store::ChangeSet changes;
  const int64_t first = db->execAndGet("SELECT min(id) FROM notes").getInt64();
  const int64_t last = db->execAndGet("SELECT max(id) FROM notes").getInt64();
  changes.notes = {first, last};
  changes.added = {first};
  changes.old_decisions[last].push_back(store::OldDecision{1, "Something else entirely.", {}, {}});
  // Their links forgotten, so that linking them again changes rows.
  db->exec("UPDATE decisions SET duplicate_of = NULL WHERE note_id IN (" + std::to_string(first) +
           "," + std::to_string(last) + ")");
  const Scope scope = Scope::Of(changes);

  DecisionsAhead ahead(*db, Scope::Of(changes));
  std::optional<ComparedDecisions> compared = ahead.Take(*db);
  ASSERT_TRUE(compared.has_value());
  EXPECT_EQ(compared->items.size(), 9000u);
  EXPECT_FALSE(ahead.Take(*db).has_value());  // Handed over once.

  const auto rank = VaultOrder(*db);
  const Results from_helper = GroupDecisions(*compared, {}, rank);
  const Results in_place = LinkDecisions(*db, {}, rank, scope);
  EXPECT_EQ(LinksOf(from_helper), LinksOf(in_place));
  EXPECT_EQ(ChangesOf(from_helper), ChangesOf(in_place));
  EXPECT_EQ(from_helper.links.size(), 4500u);  // Every wording twice.
  EXPECT_FALSE(in_place.changes.empty());
}

// The helper reads what is committed, not what the caller's open transaction holds, and
// hands over nothing when that is not what the caller's connection holds (as for a file
// put in the store's place meanwhile).
TEST(DecisionsAhead, ReadsWhatIsCommittedAndHandsItOverOnlyIfTheCallerHoldsIt) {
  if (!TwoCores()) GTEST_SKIP() << "the helper runs only with two cores";
  testing::TempDir dir;
  const std::string path = MakeStore(dir, 10);
  const auto db = store::OpenDatabase(path, store::ConnectionOptions{});
  store::ChangeSet changes;
  changes.notes = {db->execAndGet("SELECT min(id) FROM notes").getInt64()};
  {
    SQLite::Transaction txn(*db);
    db->exec("DELETE FROM decisions WHERE id IN (SELECT id FROM decisions LIMIT 100)");
    DecisionsAhead ahead(*db, Scope::Of(changes));
    EXPECT_FALSE(ahead.Take(*db).has_value());  // It read 300; the caller holds 200.
  }                                             // Rolled back.
  DecisionsAhead ahead(*db, Scope::Of(changes));
  const std::optional<ComparedDecisions> compared = ahead.Take(*db);
  ASSERT_TRUE(compared.has_value());
  EXPECT_EQ(compared->items.size(), 300u);
}

// Destroyed before it is taken (the changed notes kept their decisions after all), it
// stops and waits for its thread; a store in memory starts none.
TEST(DecisionsAhead, StopsWhenNotTakenAndNeedsAFile) {
  testing::TempDir dir;
  const std::string path = MakeStore(dir, 200);
  const auto db = store::OpenDatabase(path, store::ConnectionOptions{});
  store::ChangeSet changes;
  changes.notes = {db->execAndGet("SELECT min(id) FROM notes").getInt64()};
  for (int i = 0; i < 5; ++i) DecisionsAhead ahead(*db, Scope::Of(changes));

  SQLite::Database memory(":memory:", SQLite::OPEN_READWRITE);
  DecisionsAhead none(memory, Scope::Of(changes));
  EXPECT_FALSE(none.Take(memory).has_value());
}

// Nor does a store with a rollback journal, whose pass the helper's read lock would hold
// up: the same store in WAL mode does.
TEST(DecisionsAhead, NeedsWriteAheadLogging) {
  if (!TwoCores()) GTEST_SKIP() << "the helper runs only with two cores";
  testing::TempDir dir;
  const std::string path = MakeStore(dir, 10);
  store::ChangeSet changes;
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA journal_mode = DELETE");
    changes.notes = {db.execAndGet("SELECT min(id) FROM notes").getInt64()};
    DecisionsAhead ahead(db, Scope::Of(changes));
    EXPECT_FALSE(ahead.Take(db).has_value());
  }
  const auto wal = store::OpenDatabase(path, store::ConnectionOptions{});
  DecisionsAhead ahead(*wal, Scope::Of(changes));
  EXPECT_TRUE(ahead.Take(*wal).has_value());
}

}  // namespace
}  // namespace notestore::resolve
