// The vault-wide pass after a small change redoes only what the change touches. Its
// result must be exactly that of a fresh ingest: random edits of every kind the pass
// depends on, ingested round after round into one store, compared with a fresh store
// of the edited vault each round.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "notestore/notestore.h"
#include "support/test_support.h"
#include "support/vault_edits.h"
#include "vault_generator.h"

namespace notestore {
namespace {

using testing::CanonicalDump;
using testing::DumpDifference;

// The fixture vaults and a small generated one, side by side.
std::string MakeVault(const testing::TempDir& dir, std::vector<std::string>* names,
                      std::vector<std::string>* accounts) {
  const std::string vault = dir.Join("vault");
  testing::CopyTree(testing::FixturePath("vault"), vault + "/fixture");
  testing::CopyTree(testing::FixturePath("duplicates"), vault + "/repeats");
  bench::GeneratorOptions g;
  g.notes = 120;
  g.target_bytes = 1500;
  g.duplicate_rate = 0.3;
  bench::WriteVault(bench::GenerateVault(g), vault + "/generated");
  *names = {"Dana Whitfield", "Priya Raman", "Lena Ortiz", "Maria Lopez", "Ken Ito", "Alex Rivera"};
  const std::vector<std::string> people = bench::GeneratedPeople(g);
  names->insert(names->end(), people.begin(), people.begin() + std::min<size_t>(people.size(), 8));
  *accounts = {"Harborline", "Orbit Freight"};
  const std::vector<std::string> generated = bench::GeneratedAccounts(g);
  accounts->insert(accounts->end(), generated.begin(),
                   generated.begin() + std::min<size_t>(generated.size(), 4));
  return vault;
}

class ScopedResolve : public ::testing::TestWithParam<uint64_t> {};

TEST_P(ScopedResolve, RandomEditsLeaveWhatAFreshIngestWould) {
  testing::TempDir dir;
  std::vector<std::string> names, accounts;
  const std::string vault = MakeVault(dir, &names, &accounts);
  IngestOptions options;
  options.me = "Dana Whitfield";
  const std::string live = dir.Join("live.db");
  ASSERT_FALSE(Store::open(live).ingest(vault, options).resolved_scoped);  // A new store.

  testing::VaultEditor editor(vault, GetParam(), names, accounts);
  int scoped = 0, resolved = 0;
  constexpr int kRounds = 12;
  for (int round = 0; round < kRounds; ++round) {
    std::string edits;
    const int count = 1 + static_cast<int>((GetParam() + static_cast<uint64_t>(round)) % 4);
    for (int i = 0; i < count; ++i) edits += "  " + editor.EditOnce() + "\n";
    SCOPED_TRACE("round " + std::to_string(round) + ", after:\n" + edits);
    const IngestReport report = Store::open(live).ingest(vault, options);
    scoped += report.resolved_scoped ? 1 : 0;
    resolved += report.resolved ? 1 : 0;
    const std::string fresh = dir.Join("fresh-" + std::to_string(round) + ".db");
    Store::open(fresh).ingest(vault, options);
    ASSERT_EQ(DumpDifference(CanonicalDump(live), CanonicalDump(fresh)), "");
    ASSERT_EQ(testing::InvariantViolations(live), std::vector<std::string>{});
  }
  // Edits this small are a sliver of the vault: every pass after the first was scoped.
  EXPECT_GE(resolved, kRounds / 2);
  EXPECT_EQ(scoped, resolved);
}

INSTANTIATE_TEST_SUITE_P(Seeds, ScopedResolve, ::testing::Values(1, 2, 3, 4, 5, 6));

// What a change does to notes it did not touch, case by case: each vault is ingested,
// `change` is written, and the store must then equal a fresh one, with the pass scoped.
class ScopedResolveCase : public ::testing::Test {
 protected:
  void Check(const std::vector<std::pair<std::string, std::string>>& notes,
             const std::pair<std::string, std::string>& change, const std::string& probe,
             const std::string& before, const std::string& after) {
    for (const auto& [path, text] : notes) dir_.Write("vault/" + path, text);
    // Enough other notes that one change is a small part of the vault.
    for (int i = 0; i < 20; ++i)
      dir_.Write("vault/Other/" + std::to_string(i) + ".md", "# Other\n");
    IngestOptions options;
    options.me = "Dana Whitfield";
    const std::string live = dir_.Join("live.db");
    Store::open(live).ingest(dir_.Join("vault"), options);
    EXPECT_EQ(testing::QueryValue(live, probe), before);
    dir_.Write("vault/" + change.first, change.second);
    EXPECT_TRUE(Store::open(live).ingest(dir_.Join("vault"), options).resolved_scoped);
    EXPECT_EQ(testing::QueryValue(live, probe), after);
    const std::string fresh = dir_.Join("fresh.db");
    Store::open(fresh).ingest(dir_.Join("vault"), options);
    EXPECT_EQ(DumpDifference(CanonicalDump(live), CanonicalDump(fresh)), "");
  }
  testing::TempDir dir_;
};

constexpr const char* kQuinnsNote = "---\ntype: person\naliases: [QH]\n---\n# Quinn Harlow\n";

// A new alias gives a task in another note a new owner, and its twin with that owner
// becomes its repeat.
TEST_F(ScopedResolveCase, AnOwnerResolvedAnewLinksTasksOfAnotherNote) {
  Check({{"Notes/Plan.md",
          "# Plan\n\n- [ ] Send the signed contract to legal @QH \xF0\x9F\x93\x85 2024-06-14\n"
          "- [ ] Send the signed contract to legal @Quinn Harlow \xF0\x9F\x93\x85 2024-06-14\n"}},
        {"People/Quinn Harlow.md", kQuinnsNote},
        "SELECT count(*) FROM tasks WHERE duplicate_of IS NOT NULL", "0", "1");
}

// A new alias makes two meetings of other notes share attendees: they become one
// meeting written twice, and the tasks of the two notes are compared as one scope.
TEST_F(ScopedResolveCase, AttendeesResolvedAnewLinkMeetingsAndTheirTasks) {
  const std::string body =
      "\nReviewed the launch plan for the freight portal: the vendor checklist needs\n"
      "revising and operations must book a load test window before the launch date.\n\n"
      "## Action Items\n\n- [ ] Book the load test window with operations @Dana Whitfield "
      "\xF0\x9F\x93\x85 2024-06-12\n";
  Check({{"Meetings/Launch review.md",
          "---\ndate: 2024-06-10\nattendees: [QH, Lee Park]\n---\n# Launch review\n" + body},
         {"Meetings/Launch notes.md",
          "---\ndate: 2024-06-10\nattendees: [Quinn Harlow, Dana Whitfield]\n---\n"
          "# Launch notes\n" +
              body}},
        {"People/Quinn Harlow.md", kQuinnsNote},
        "SELECT (SELECT count(*) FROM meetings WHERE duplicate_of IS NOT NULL) || ' ' || "
        "(SELECT count(*) FROM tasks WHERE duplicate_of IS NOT NULL)",
        "0 0", "1 1");
}

}  // namespace
}  // namespace notestore
