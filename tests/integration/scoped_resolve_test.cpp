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
    // Every other round commits the notes before the pass, which then compares the
    // decisions on a helper thread (resolve/decisions_ahead.h).
    options.publish_before_resolve = round % 2 == 1;
    const IngestReport report = Store::open(live).ingest(vault, options);
    scoped += report.resolved_scoped ? 1 : 0;
    resolved += report.resolved ? 1 : 0;
    const std::string fresh = dir.Join("fresh-" + std::to_string(round) + ".db");
    Store::open(fresh).ingest(vault, options);
    ASSERT_EQ(DumpDifference(CanonicalDump(live), CanonicalDump(fresh)), "");
    ASSERT_EQ(testing::InvariantViolations(live), std::vector<std::string>{});
  }
  // Edits this small are a sliver of the vault: most passes after the first are scoped.
  // A change to who can be named (a person note, a full name or first-met short name
  // written for the first time or no more, the spelling a person is shown by) takes the
  // people part over the whole vault, and the random edits make some.
  EXPECT_GE(resolved, kRounds / 2);
  EXPECT_GE(scoped * 2, resolved);
}

INSTANTIATE_TEST_SUITE_P(Seeds, ScopedResolve, ::testing::Values(1, 2, 3, 4, 5, 6));

// What a change does to notes it did not touch, case by case: each vault is ingested,
// `change` is written, and the store must then equal a fresh one, with the pass scoped.
class ScopedResolveCase : public ::testing::Test {
 protected:
  // How the pass is expected to get there: scoped throughout, or with the people part
  // over the whole vault (the change alters how names elsewhere resolve or are shown).
  enum class Way { kScoped, kPeopleWholeVault };

  void Check(const std::vector<std::pair<std::string, std::string>>& notes,
             const std::pair<std::string, std::string>& change, const std::string& probe,
             const std::string& before, const std::string& after, Way way = Way::kScoped) {
    for (const auto& [path, text] : notes) dir_.Write("vault/" + path, text);
    // Enough other notes that one change is a small part of the vault.
    for (int i = 0; i < 20; ++i)
      dir_.Write("vault/Other/" + std::to_string(i) + ".md", "# Other\n");
    IngestOptions options;
    options.me = "Dana Whitfield";
    const std::string live = dir_.Join("live.db");
    Store::open(live).ingest(dir_.Join("vault"), options);
    EXPECT_EQ(testing::QueryValue(live, probe), before);
    if (change.second.empty()) {
      dir_.Remove("vault/" + change.first);
    } else {
      dir_.Write("vault/" + change.first, change.second);
    }
    IngestAndCompare(way);
    EXPECT_EQ(testing::QueryValue(live, probe), after);
  }

  // Ingests the vault as it is now into the live store, by a pass of the `way` given,
  // and compares the result with a fresh ingest.
  void IngestAndCompare(Way way = Way::kScoped) {
    IngestOptions options;
    options.me = "Dana Whitfield";
    options.publish_before_resolve = publish_;
    const std::string live = dir_.Join("live.db");
    EXPECT_EQ(Store::open(live).ingest(dir_.Join("vault"), options).resolved_scoped,
              way == Way::kScoped);
    const std::string fresh = dir_.Join("fresh-" + std::to_string(++fresh_count_) + ".db");
    Store::open(fresh).ingest(dir_.Join("vault"), options);
    EXPECT_EQ(DumpDifference(CanonicalDump(live), CanonicalDump(fresh)), "");
    EXPECT_EQ(testing::InvariantViolations(live), std::vector<std::string>{});
  }

  void ThousandsOfDecisions(bool reworded_before);

  testing::TempDir dir_;
  int fresh_count_ = 0;
  bool publish_ = false;  // IngestAndCompare commits the notes before the pass.
};

constexpr const char* kQuinnsNote = "---\ntype: person\naliases: [QH]\n---\n# Quinn Harlow\n";

// A new alias gives a task in another note a new owner, and its twin with that owner
// becomes its repeat.
TEST_F(ScopedResolveCase, AnOwnerResolvedAnewLinksTasksOfAnotherNote) {
  Check({{"Notes/Plan.md",
          "# Plan\n\n- [ ] Send the signed contract to legal @QH \xF0\x9F\x93\x85 2024-06-14\n"
          "- [ ] Send the signed contract to legal @Quinn Harlow \xF0\x9F\x93\x85 2024-06-14\n"}},
        {"People/Quinn Harlow.md", kQuinnsNote},
        "SELECT count(*) FROM tasks WHERE duplicate_of IS NOT NULL", "0", "1",
        Way::kPeopleWholeVault);
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
        "0 0", "1 1", Way::kPeopleWholeVault);
}

// A note rewritten with the same decisions (a task added) keeps their links to
// repeats, in both directions, under the decisions' new row ids.
TEST_F(ScopedResolveCase, DecisionsOfARewrittenNoteKeepTheirRepeats) {
  const std::string decisions = "\n## Decisions\n\n- Launch moves to the first week of July.\n";
  Check({{"Notes/A.md", "# A\n" + decisions},
         {"Notes/B.md", "# B\n" + decisions},
         {"Notes/C.md", "# C\n" + decisions}},
        {"Notes/B.md", "# B\n" + decisions + "\n## Action Items\n\n- [ ] Tell the team\n"},
        "SELECT group_concat(link, ' ') FROM (SELECT n.title || ':' || coalesce(c.title, '-') "
        "AS link FROM decisions d JOIN notes n ON n.id = d.note_id LEFT JOIN decisions o ON "
        "o.id = d.duplicate_of LEFT JOIN notes c ON c.id = o.note_id ORDER BY n.title)",
        "A:- B:A C:A", "A:- B:A C:A");
  // And the canonical one rewritten: its repeats follow it.
  dir_.Write("vault/Notes/A.md", "# A\n" + decisions + "\nMore words.\n");
  IngestAndCompare();
  // And along with a note whose decisions did change, so that they are compared.
  dir_.Write("vault/Notes/B.md", "# B\n" + decisions + "\n## Action Items\n\n- [ ] Again\n");
  dir_.Write("vault/Notes/C.md", "# C\n\n## Decisions\n\n- Hire two analysts.\n");
  IngestAndCompare();
}

// Past a few hundred decisions, two are compared only when they share a word that few
// others hold. One more decision holding such a word makes it common: two decisions
// alike only through it are no longer linked, as in a fresh ingest, though neither
// changed; and linked again when it goes.
TEST_F(ScopedResolveCase, AWordBecomingCommonUnlinksDecisionsOfOtherNotes) {
  std::string common, rare;
  for (int i = 0; i < 120; ++i) {  // "alpha" and "beta" in more than 50 decisions.
    common += "- Alpha beta filler" + std::to_string(i) + " word" + std::to_string(i) + ".\n";
  }
  for (int i = 0; i < 48; ++i) {  // "zircon" in 48, and in the two alike below: 50.
    rare += "- Zircon other" + std::to_string(i) + " thing" + std::to_string(i) + ".\n";
  }
  for (int i = 0; i < 100; ++i) {
    rare += "- Unrelated plain" + std::to_string(i) + " item" + std::to_string(i) + ".\n";
  }
  const std::string probe = "SELECT count(*) FROM decisions WHERE duplicate_of IS NOT NULL";
  Check({{"Projects/Common.md", "# Common\n\n## Decisions\n\n" + common},
         {"Projects/Rare.md", "# Rare\n\n## Decisions\n\n" + rare},
         {"Projects/Alike.md",
          "# Alike\n\n## Decisions\n\n- Zircon alpha beta gamma.\n- Zircon alpha beta delta.\n"}},
        {"Projects/More.md", "# More\n\n## Decisions\n\n- Zircon last one.\n"}, probe, "1", "0");
  dir_.Remove("vault/Projects/More.md");
  IngestAndCompare();
  EXPECT_EQ(testing::QueryValue(dir_.Join("live.db"), probe), "1");
}

// Two decisions linked only through a third fall apart when the third changes, though
// neither of them did.
TEST_F(ScopedResolveCase, DecisionsLinkedThroughAChangedOneFallApart) {
  Check({{"Projects/A.md", "# A\n\n## Decisions\n\n- Ship the orbit freight portal.\n"},
         {"Projects/B.md",
          "# B\n\n## Decisions\n\n- Ship the orbit freight portal with the vendor checklist.\n"},
         {"Projects/C.md", "# C\n\n## Decisions\n\n- Freight portal vendor checklist window.\n"}},
        {"Projects/B.md", "# B\n\n## Decisions\n\n- Hire two analysts.\n"},
        "SELECT count(*) FROM decisions WHERE duplicate_of IS NOT NULL", "2", "0");
}

// Decisions worded the same, in common words only, are linked as one set of identical
// lists. A changed note that now holds the first of them joins the set, as the
// original.
TEST_F(ScopedResolveCase, AnIdenticalDecisionAddedEarlierInTheVaultJoinsItsSet) {
  std::string common;
  for (int i = 0; i < 300; ++i) {  // "alpha", "beta" and "gamma" are common words.
    common += "- Alpha beta gamma filler" + std::to_string(i) + " word" + std::to_string(i) + ".\n";
  }
  const std::string same = "# Same\n\n## Decisions\n\n- Alpha beta gamma.\n";
  Check({{"Projects/A first.md", "# First\n"},
         {"Projects/Common.md", "# Common\n\n## Decisions\n\n" + common},
         {"Projects/Q.md", same},
         {"Projects/R.md", same},
         {"Projects/S.md", same}},
        {"Projects/A first.md", "# First\n\n## Decisions\n\n- Alpha beta gamma.\n"},
        "SELECT count(*) FROM decisions WHERE duplicate_of IS NOT NULL", "2", "3");
}

// Thousands of decisions, whose words are found on a helper thread while they are read
// (duplicate_decisions.cpp, in runs of 4,096): a rewording in the last note, written or
// reworded away, links or unlinks as in a fresh store. Compared in place, or (the notes
// committed before the pass) on a thread of their own while the pass's earlier parts run.
void ScopedResolveCase::ThousandsOfDecisions(bool reworded_before) {
  auto note = [](int i, const std::string& planted) {
    std::string text = "# Plan " + std::to_string(i) + "\n\n## Decisions\n\n" + planted;
    for (int k = 0; k < 40; ++k) {  // A word of its own in each.
      text += "- Choose the vendor kx" + std::to_string(i * 40 + k) + " plan.\n";
    }
    return std::make_pair("Projects/P" + std::to_string(1000 + i) + ".md", text);
  };
  const std::string rewording = "- Zebra billing adopts the quartz ledger.\n";
  const std::string other = "- Hire two analysts for the walnut gateway.\n";
  std::vector<std::pair<std::string, std::string>> notes;
  notes.push_back(note(0, "- Adopt the quartz ledger for zebra billing.\n"));
  for (int i = 1; i < 199; ++i) notes.push_back(note(i, ""));
  notes.push_back(note(199, reworded_before ? rewording : other));
  Check(notes, note(199, reworded_before ? other : rewording),
        "SELECT count(*) FROM decisions WHERE duplicate_of IS NOT NULL",
        reworded_before ? "1" : "0", reworded_before ? "0" : "1");
  EXPECT_GT(std::stoi(testing::QueryValue(dir_.Join("live.db"), "SELECT count(*) FROM decisions")),
            8000);
}

TEST_F(ScopedResolveCase, ThousandsOfDecisionsLinkAsInAFreshStore) { ThousandsOfDecisions(true); }

TEST_F(ScopedResolveCase, ThousandsOfDecisionsComparedAheadLinkAsInAFreshStore) {
  publish_ = true;
  ThousandsOfDecisions(false);
}

// A meeting that names another account moves its mention, whether the scoped pass reads
// the mentions of the accounts involved one account at a time (a few of many) or all at
// once (a quarter of the accounts or more): as in a fresh store either way.
TEST(ScopedResolveAccounts, AMeetingNamingAnotherAccountMovesAsInAFreshStore) {
  for (int accounts : {3, 12}) {
    SCOPED_TRACE(std::to_string(accounts) + " accounts");
    testing::TempDir dir;
    auto meeting = [](int i, int account) {
      return "---\ntype: meeting\ndate: 2024-04-0" + std::to_string(1 + i % 9) +
             "\naccount: Acct " + std::to_string(account) + "\n---\n# Weekly " + std::to_string(i) +
             "\n\nNotes.\n";
    };
    for (int a = 0; a < accounts; ++a) {
      dir.Write("vault/Customers/Acct " + std::to_string(a) + ".md",
                "---\ntype: customer\nstatus: active\n---\n# Acct " + std::to_string(a) + "\n");
    }
    for (int i = 0; i < 40; ++i)
      dir.Write("vault/Meetings/W" + std::to_string(i) + ".md", meeting(i, i % accounts));
    const std::string live = dir.Join("live.db");
    Store::open(live).ingest(dir.Join("vault"));
    const std::string probe =
        "SELECT a.name FROM meetings m JOIN accounts a ON a.id = m.account_id "
        "WHERE m.title = 'Weekly 5'";
    EXPECT_EQ(testing::QueryValue(live, probe), "Acct " + std::to_string(5 % accounts));
    dir.Write("vault/Meetings/W5.md", meeting(5, (5 + 1) % accounts));
    EXPECT_TRUE(Store::open(live).ingest(dir.Join("vault")).resolved_scoped);
    EXPECT_EQ(testing::QueryValue(live, probe), "Acct " + std::to_string(6 % accounts));
    const std::string fresh = dir.Join("fresh.db");
    Store::open(fresh).ingest(dir.Join("vault"));
    EXPECT_EQ(DumpDifference(CanonicalDump(live), CanonicalDump(fresh)), "");
    EXPECT_EQ(testing::InvariantViolations(live), std::vector<std::string>{});
  }
}

// Names: a change that gives a name another meaning elsewhere is resolved as a fresh
// ingest resolves it, whichever way the pass gets there.
constexpr const char* kOwnerOf =
    "SELECT coalesce((SELECT p.name FROM tasks t JOIN people p ON p.id = t.owner_id "
    "WHERE t.text = '";

TEST_F(ScopedResolveCase, AFullNameWrittenForTheFirstTimeGivesAShortNameElsewhereItsPerson) {
  Check({{"Notes/A.md", "# A\n"}, {"Notes/B.md", "# B\n\n- [ ] Book the room @Kim\n"}},
        {"Notes/A.md", "# A\n\n- [ ] Call the vendor @Kim Park\n"},
        std::string(kOwnerOf) + "Book the room'), '-')", "Kim", "Kim Park", Way::kPeopleWholeVault);
}

// How a person without a note of their own is shown is the spelling the vault writes first.
TEST_F(ScopedResolveCase, AFullNameWrittenEarlierInTheVaultIsHowThePersonIsShown) {
  Check({{"Notes/A.md", "# A\n"}, {"Notes/B.md", "# B\n\n- [ ] Book the room @Kim Park\n"}},
        {"Notes/A.md", "# A\n\n- [ ] Call the vendor @KIM PARK\n"},
        "SELECT name FROM people WHERE name_key = 'kimpark'", "Kim Park", "KIM PARK",
        Way::kPeopleWholeVault);
}

// A full name a note did not write before, spelled as its person is shown, moves nothing
// elsewhere, wherever the note comes in the vault: the note is resolved alone.
TEST_F(ScopedResolveCase, AFullNameWrittenAsItsPersonIsShownIsResolvedInItsNote) {
  Check({{"Notes/A.md", "# A\n"}, {"Notes/B.md", "# B\n\n- [ ] Book the room @Kim Park\n"}},
        {"Notes/A.md", "# A\n\n- [ ] Call the vendor @Kim Park\n"},
        "SELECT p.name || ' ' || count(*) FROM tasks t JOIN people p ON p.id = t.owner_id "
        "WHERE p.name_key = 'kimpark'",
        "Kim Park 1", "Kim Park 2");
}

// A full name gone from a note, where a note before it in the vault writes it as shown:
// that note still shows the person, and the pass stays scoped.
TEST_F(ScopedResolveCase, AFullNameGoneBelowWhereItIsShownFromIsResolvedInItsNote) {
  Check({{"Notes/A.md", "# A\n\n- [ ] Call the vendor @Kim Park\n"},
         {"Notes/B.md", "# B\n\nMet @KIM PARK.\n\n- [ ] Book the room @KIM PARK\n"}},
        {"Notes/B.md", "# B\n\nNo one today.\n"},
        "SELECT p.name || ' ' || count(*) FROM tasks t JOIN people p ON p.id = t.owner_id "
        "WHERE p.name_key = 'kimpark'",
        "Kim Park 2", "Kim Park 1");
}

// The note that held the spelling a person is shown by, removed: the next spelling shows
// them, found by the whole vault's order.
TEST_F(ScopedResolveCase, TheNoteAPersonIsShownFromRemovedShowsTheNextSpelling) {
  Check({{"Notes/A.md", "# A\n\n- [ ] Call the vendor @KIM PARK\n"},
         {"Notes/B.md", "# B\n\n- [ ] Book the room @Kim Park\n"}},
        {"Notes/A.md", ""}, "SELECT name FROM people WHERE name_key = 'kimpark'", "KIM PARK",
        "Kim Park", Way::kPeopleWholeVault);
}

// A full name that a person note gives as an alias means that person, written for the
// first time or not: it adds nobody to who can be named, and the pass stays scoped.
TEST_F(ScopedResolveCase, AFullNameThatIsAnAliasMeansThePersonOfTheNote) {
  Check({{"People/Quinn Harlow.md",
          "---\ntype: person\naliases: [QH, Q Harlow]\n---\n# Quinn Harlow\n"},
         {"Notes/A.md", "# A\n"}},
        {"Notes/A.md", "# A\n\n- [ ] Call the vendor @Q Harlow\n"},
        std::string(kOwnerOf) + "Call the vendor'), '-')", "-", "Quinn Harlow");
}

// A full name written for the first time is a person of its own in a fresh ingest, even
// where the stored people would read it as no name at all.
TEST_F(ScopedResolveCase, ANewFullNameThatDoesNotReadAsANameIsStillItsOwnPerson) {
  Check({{"Notes/A.md", "# A\n"}}, {"Notes/A.md", "# A\n\n- [ ] Call the vendor @kim Park\n"},
        std::string(kOwnerOf) + "Call the vendor'), '-')", "-", "kim Park", Way::kPeopleWholeVault);
}

// A name whose words a tab parts is a full name, as it is shown ("Jack Kabat"): were it
// one word to the whole-vault pass, "Jack" elsewhere would be a person of its own there
// and Jack Kabat's once a note spelled him with a space.
TEST_F(ScopedResolveCase, ANamePartedByATabIsAFullName) {
  Check({{"Notes/A.md", "# A\n\n## People\n- Jack\n"},
         {"Notes/B.md", "# B\n\n- [ ] Send the deck @[[Jack\tKabat]]\n"}},
        {"Notes/C.md", "# C\n\n- [ ] Call the vendor @Jack Kabat\n"},
        "SELECT p.name FROM person_mentions m JOIN notes n ON n.id = m.note_id "
        "JOIN people p ON p.id = m.person_id WHERE n.path = 'Notes/A.md'",
        "Jack Kabat", "Jack Kabat");
}

TEST_F(ScopedResolveCase, AShortNameMetFirstElsewhereKeepsFindingItsPerson) {
  Check({{"Notes/A.md", "# A\n\n- [ ] Sort the invoices @Zed\n"},
         {"Notes/B.md", "# B\n\n- [ ] Chase the refund @zed\n"}},
        {"Notes/B.md", "# B\n\n- [ ] Chase the refund @zed\n- [ ] File the claim @zed\n"},
        "SELECT count(*) FROM tasks t JOIN people p ON p.id = t.owner_id "
        "WHERE p.name_key = 'zed'",
        "2", "3");
}

// "@zed" finds the person "@Zed" made only below where that is written: a lowercase
// short name added under it is theirs, though the same name above is nobody's.
TEST_F(ScopedResolveCase, AShortNameBelowWhereItsPersonIsMetFindsThem) {
  Check({{"Notes/A.md", "# A\n\n- [ ] Sort the invoices @zed\n- [ ] Chase the refund @Zed\n"}},
        {"Notes/A.md",
         "# A\n\n- [ ] Sort the invoices @zed\n- [ ] Chase the refund @Zed\n"
         "- [ ] File the claim @zed\n"},
        "SELECT count(*) FROM tasks t JOIN people p ON p.id = t.owner_id "
        "WHERE p.name_key = 'zed'",
        "1", "2", Way::kPeopleWholeVault);
}

TEST_F(ScopedResolveCase, AShortNameWrittenFirstHereBecomesAPersonFoundElsewhere) {
  Check({{"Notes/A.md", "# A\n"}, {"Notes/B.md", "# B\n\n- [ ] Chase the refund @jack\n"}},
        {"Notes/A.md", "# A\n\n- [ ] Sort the invoices @Jack\n"},
        "SELECT count(*) FROM tasks t JOIN people p ON p.id = t.owner_id "
        "WHERE p.name_key = 'jack'",
        "0", "2", Way::kPeopleWholeVault);
}

TEST_F(ScopedResolveCase, TheSpellingWrittenFirstIsHowAPersonIsShown) {
  Check({{"Notes/A.md", "# A\n\n- [ ] Call the vendor @Kim Park\n- [ ] Send the deck @KIM PARK\n"}},
        {"Notes/A.md", "# A\n\n- [ ] Send the deck @KIM PARK\n- [ ] Call the vendor @Kim Park\n"},
        "SELECT name FROM people WHERE name_key = 'kimpark'", "Kim Park", "KIM PARK",
        Way::kPeopleWholeVault);
}

TEST_F(ScopedResolveCase, AChangedNoteKeepsWhyItsOwnersAreUnresolved) {
  Check({{"Notes/A.md", "# A\n\n- [ ] Call the vendor @Sam Lee\n- [ ] Send the deck @Sam Fox\n"},
         {"Notes/B.md", "# B\n\n- [ ] Book the room @Sam\n"}},
        {"Notes/B.md", "# B\n\n- [ ] Book the room @Sam\n\nThe room is on the third floor.\n"},
        "SELECT group_concat(code) FROM diagnostics WHERE stage = 'resolve'", "ambiguous-person",
        "ambiguous-person");
}

TEST_F(ScopedResolveCase, ARoleChangedInATableIsThePersonsRole) {
  const std::string table = "# Team\n\n## People\n\n| Name | Role |\n|---|---|\n| Kim Park | ";
  Check({{"Notes/Team.md", table + "CTO |\n"}, {"Notes/B.md", "# B\n\n- [ ] Call @Kim Park\n"}},
        {"Notes/Team.md", table + "Head of Data |\n"},
        "SELECT role FROM people WHERE name_key = 'kimpark'", "CTO", "Head of Data");
}

// Links of a changed note resolve as in the whole vault: to a heading of the note itself,
// to the one note of a name, to the linking note's folder's among several, or to nothing.
TEST_F(ScopedResolveCase, AChangedNotesLinksResolveAsInTheWholeVault) {
  const std::string links =
      "See [[#Plan]], [[Orbit]], [[Harbor]], [[Ops/Harbor.md]], [[v1.2 plan]], "
      "[[Projects/Q1.final]] and "
      "[[Nowhere]].\n";
  Check({{"Ops/A.md", "# A\n\n## Plan\n\n" + links},
         {"Ops/Harbor.md", "# Harbor\n"},
         {"Sales/Harbor.md", "# Harbor\n"},
         {"Projects/Orbit.md", "# Orbit\n"},
         {"Projects/v1.2 plan.md", "# Plan\n"},
         {"Projects/Q1.final.md", "# Q1\n"}},
        {"Ops/A.md", "# A\n\n## Plan\n\n" + links + "\nMore.\n"},
        "SELECT group_concat(coalesce(t.path, '-'), ' ') FROM (SELECT l.target_note_id AS tid "
        "FROM links l JOIN notes n ON n.id = l.note_id WHERE n.path = 'Ops/A.md' ORDER BY l.id) "
        "LEFT JOIN notes t ON t.id = tid",
        "Ops/A.md Projects/Orbit.md Ops/Harbor.md Ops/Harbor.md Projects/v1.2 plan.md "
        "Projects/Q1.final.md -",
        "Ops/A.md Projects/Orbit.md Ops/Harbor.md Ops/Harbor.md Projects/v1.2 plan.md "
        "Projects/Q1.final.md -");
}

// A note added where others link to its name takes those links when it wins them: here
// the linking note's folder breaks the tie between two notes of one name.
TEST_F(ScopedResolveCase, ANoteAddedTakesTheLinksToItsName) {
  Check({{"Ops/A.md", "# A\n\nSee [[harbor]] and [[Harbor.pdf]].\n"},
         {"Sales/Harbor.md", "# Harbor\n"}},
        {"Ops/Harbor.md", "# Harbor of ops\n"},
        "SELECT group_concat(t.path, ' ') FROM (SELECT l.target_note_id AS tid FROM links l "
        "JOIN notes n ON n.id = l.note_id WHERE n.path = 'Ops/A.md' ORDER BY l.id) "
        "JOIN notes t ON t.id = tid",
        "Sales/Harbor.md Sales/Harbor.md", "Ops/Harbor.md Ops/Harbor.md");
}

}  // namespace
}  // namespace notestore
