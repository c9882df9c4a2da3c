// The acceptance numbers on the user's own sample vault (../shared/sample-vault).
// Skipped on a clone without the shared folder.
#include <gtest/gtest.h>

#include "notestore/notestore.h"
#include "support/test_support.h"

namespace notestore {
namespace {

using testing::Query;
using testing::QueryValue;
using testing::Row;

class SampleVault : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto vault = testing::SharedPath("sample-vault");
    if (!vault) GTEST_SKIP() << "../shared/sample-vault is absent";
    db_ = dir_.Join("sample.db");
    IngestOptions options;
    options.me = "Jason Vallery";
    Store::open(db_).ingest(*vault, options);
  }
  std::string Count(const std::string& sql) { return QueryValue(db_, sql); }

  testing::TempDir dir_;
  std::string db_;
};

TEST_F(SampleVault, NotesMeetingsAndTasks) {
  EXPECT_EQ(Count("SELECT count(*) FROM notes"), "5");
  EXPECT_EQ(Count("SELECT count(*) FROM meetings"), "3");
  EXPECT_EQ(
      Query(db_, "SELECT date, account, attendees FROM meeting_list WHERE date = '2025-10-22'"),
      (std::vector<Row>{{"2025-10-22", "OpenAI", "Sam Hopewell, Jason Vallery"}}));
  EXPECT_EQ(Count("SELECT count(*) FROM tasks"), "35");
  EXPECT_EQ(Count("SELECT count(*) FROM tasks WHERE status_char = '?'"), "16");
  EXPECT_EQ(Query(db_,
                  "SELECT COALESCE(p.name, '(unowned)'), count(*) FROM tasks t "
                  "LEFT JOIN people p ON p.id = t.owner_id GROUP BY 1 ORDER BY 1"),
            (std::vector<Row>{{"(unowned)", "4"},
                              {"Jack Kabat", "9"},
                              {"Jason Vallery", "18"},
                              {"Sam Hopewell", "4"}}));
  // "@Jack" in the deep-dive note resolves to the attendee Jack Kabat.
  EXPECT_EQ(Count("SELECT count(*) FROM tasks t JOIN people p ON p.id = t.owner_id "
                  "WHERE t.owner_name = 'Jack' AND p.name = 'Jack Kabat'"),
            "3");
  // Nothing from the dataview block in CoreWeave.md.
  EXPECT_EQ(Count("SELECT count(*) FROM tasks t JOIN notes n ON n.id = t.note_id "
                  "WHERE n.path = 'Customers/CoreWeave.md'"),
            "0");
}

TEST_F(SampleVault, DecisionsAccountsAndPeople) {
  EXPECT_EQ(Count("SELECT count(*) FROM decisions"), "8");
  EXPECT_EQ(Query(db_, "SELECT name, COALESCE(status, '-') FROM accounts ORDER BY name"),
            (std::vector<Row>{{"CoreWeave", "Prospect"}, {"OpenAI", "-"}}));
  EXPECT_EQ(Count("SELECT count(*) FROM accounts a JOIN people p ON p.name_key = a.name_key"), "0");
  EXPECT_EQ(Query(db_, "SELECT company FROM people WHERE name = 'Rick Haselton'"),
            (std::vector<Row>{{"VAST Data"}}));
  EXPECT_EQ(Count("SELECT count(*) FROM people WHERE name IN ('Myself', 'TBD', 'Jack', 'Me')"),
            "0");
  EXPECT_EQ(Count("SELECT count(*) FROM people WHERE name = 'Jack Kabat'"), "1");
}

TEST_F(SampleVault, EveryDecisionHasItsNoteDateOrAccount) {
  EXPECT_EQ(Query(db_,
                  "SELECT path, count(*), COALESCE(max(date), '-'), COALESCE(max(account), '-') "
                  "FROM decision_list GROUP BY path ORDER BY path"),
            (std::vector<Row>{
                {"Customers/CoreWeave.md", "2", "-", "CoreWeave"},
                {"Meetings/2025-09-18 - 1-1 with Jack Kabat on the architect remit.md", "2",
                 "2025-09-18", "-"},
                {"Meetings/2025-09-18 - VAST CoreWeave storage strategy deep dive.md", "2",
                 "2025-09-18", "-"},
                {"Projects/Building an AI cloud with VAST.md", "2", "-", "-"},
            }));
}

TEST_F(SampleVault, RepeatsAreLinked) {
  // The two 2025-09-18 notes are one meeting.
  EXPECT_EQ(
      Query(db_, "SELECT count(*), count(duplicate_of) FROM meetings WHERE date = '2025-09-18'"),
      (std::vector<Row>{{"2", "1"}}));
  EXPECT_EQ(Count("SELECT count(*) FROM tasks WHERE duplicate_of IS NULL"), "19");
  EXPECT_EQ(Count("SELECT count(*) FROM decisions WHERE duplicate_of IS NULL"), "4");
  // "What is open from my meeting with Jack": 8 items, not 24.
  EXPECT_EQ(Count("SELECT count(*) FROM distinct_tasks t JOIN notes n ON n.path = t.path "
                  "WHERE n.date = '2025-09-18' AND t.status = 'open'"),
            "8");
}

TEST_F(SampleVault, MangledTextIsRepaired) {
  // Mojibake of three encodings is gone from bodies and task texts.
  for (const char* sql : {"SELECT count(*) FROM notes WHERE body GLOB '*[âğü‚]*[€“Ÿ«Ä…ì]*'",
                          "SELECT count(*) FROM tasks WHERE text GLOB '*[âğü‚]*'"}) {
    EXPECT_EQ(Count(sql), "0") << sql;
  }
  EXPECT_EQ(Count("SELECT count(*) FROM tasks WHERE due IS NOT NULL"), "25");
  EXPECT_EQ(Count("SELECT count(*) FROM tasks WHERE priority = 'high'"), "11");
  EXPECT_EQ(Count("SELECT count(*) FROM tasks WHERE priority = 'low'"), "8");
  EXPECT_EQ(Count("SELECT count(*) FROM notes WHERE instr(body, 'Azure’s storage stack') > 0"),
            "2");
  EXPECT_EQ(Count("SELECT count(*) FROM notes WHERE instr(body, 'Nov 4–6') > 0"), "1");
  EXPECT_EQ(Count("SELECT count(*) FROM notes WHERE repairs > 0"), "3");
  EXPECT_EQ(Count("SELECT count(*) FROM diagnostics WHERE code = 'repaired-text'"), "3");
}

}  // namespace
}  // namespace notestore
