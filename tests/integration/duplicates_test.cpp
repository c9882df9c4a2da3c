// Duplicate linking on tests/fixtures/duplicates: what is linked, what must not be, and
// how queries hide repeats.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "notestore/notestore.h"
#include "support/test_support.h"

namespace notestore {
namespace {

using testing::Query;
using testing::QueryValue;
using testing::Row;

class Duplicates : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::CopyTree(testing::FixturePath("duplicates"), dir_.Join("vault"));
    db_ = dir_.Join("d.db");
    Ingest();
  }
  void Ingest() {
    IngestOptions o;
    o.me = "Dana Whitfield";
    Store::open(db_).ingest(dir_.Join("vault"), o);
  }
  std::vector<Row> Q(const std::string& sql) { return Query(db_, sql); }

  testing::TempDir dir_;
  std::string db_;
};

TEST_F(Duplicates, SameMeetingWrittenTwice) {
  // Same date and attendees, alike content: the richer note is canonical. The hiring sync
  // the same day with the same people is another meeting.
  EXPECT_EQ(Q("SELECT title, COALESCE((SELECT title FROM meetings c WHERE c.id = m.duplicate_of), "
              "'-') FROM meetings m ORDER BY title"),
            (std::vector<Row>{{"Hiring sync", "-"},
                              {"Launch review notes", "Orbit launch review"},
                              {"Orbit launch review", "-"}}));
}

TEST_F(Duplicates, TasksNeedTheSameOwnerDueDateAndWording) {
  EXPECT_EQ(Q("SELECT t.text, c.text FROM tasks t JOIN tasks c ON c.id = t.duplicate_of "
              "ORDER BY t.text"),
            (std::vector<Row>{
                {"Book a load-test window with the operations team",
                 "Book the load test window with operations"},
                {"Renew the status page SSL certificate",
                 "Renew the SSL certificate for the status page"},
                {"Send vendor the revised checklist for launch",
                 "Send the revised launch checklist to the vendor"},
            }));
  // Near misses: same wording but another due date, or another owner.
  EXPECT_EQ(Q("SELECT text, due, (SELECT name FROM people WHERE id = owner_id) FROM tasks "
              "WHERE duplicate_of IS NULL AND (text LIKE 'Send the revised%' OR text LIKE "
              "'Draft the customer%' OR text LIKE 'Renew the SSL%') ORDER BY text, due, 3"),
            (std::vector<Row>{
                {"Draft the customer announcement email", "2024-06-17", "Dana Whitfield"},
                {"Draft the customer announcement email", "2024-06-17", "Ken Ito"},
                {"Renew the SSL certificate for the status page", "2024-07-01", "NULL"},
                {"Renew the SSL certificate for the status page", "2024-08-01", "NULL"},
                {"Send the revised launch checklist to the vendor", "2024-06-14", "Maria Lopez"},
                {"Send the revised launch checklist to the vendor", "2024-06-21", "Maria Lopez"},
            }));
}

TEST_F(Duplicates, DecisionsAcrossNotes) {
  EXPECT_EQ(Q("SELECT n.path, d.text, c.text FROM decisions d JOIN decisions c ON c.id = "
              "d.duplicate_of JOIN notes n ON n.id = d.note_id ORDER BY n.path"),
            (std::vector<Row>{
                {"Meetings/2024-06-10 - Launch review notes.md",
                 "The launch moves to the first week of July.",
                 "Launch moves to the first week of July."},
                {"Projects/Orbit.md", "Support runs a dedicated rota during launch week.",
                 "Support runs a dedicated rota during launch week."},
            }));
  EXPECT_EQ(QueryValue(db_, "SELECT count(*) FROM distinct_decisions"), "3");
  EXPECT_EQ(QueryValue(db_, "SELECT count(*) FROM distinct_tasks"), "9");
}

// Past a few hundred decisions, pairs are compared only through words that are not
// common and only when their dates allow (an undated decision pairs with any date).
TEST(ManyDecisions, AreComparedThroughDistinctiveWordsAndCompatibleDates) {
  testing::TempDir dir;
  // "kx" + letters: a word of its own for each filler decision.
  auto word = [](int i) {
    std::string w = "kx";
    for (; i > 0; i /= 26) w.push_back(static_cast<char>('a' + i % 26));
    return w;
  };
  int filler = 0;
  auto note = [&](const std::string& rel, const std::string& date,
                  const std::vector<std::string>& planted) {
    std::string text = date.empty() ? "" : "---\ndate: " + date + "\n---\n";
    text += "# " + rel + "\n\n## Decisions\n\n";
    for (const std::string& d : planted) text += "- " + d + "\n";
    for (int i = 0; i < 30; ++i) text += "- Choose the vendor " + word(++filler) + " plan\n";
    dir.Write("vault/" + rel, text);
  };
  note("a.md", "2024-05-02", {"Adopt the quartz ledger for zebra billing reconciliation"});
  note("b.md", "2024-05-02", {"Zebra billing reconciliation adopts the quartz ledger"});
  note("c.md", "2024-05-09", {"Adopt the quartz ledger for zebra billing reconciliation"});
  note("d.md", "", {"Quartz ledger adopted for zebra billing reconciliation"});
  note("e.md", "2024-05-09", {"Retire the walnut gateway before the audit window"});
  note("f.md", "2024-05-09", {"The walnut gateway retires ahead of the audit window"});
  for (int i = 0; i < 6; ++i) note("g" + std::to_string(i) + ".md", "2024-05-16", {});
  const std::string db = dir.Join("d.db");
  Store::open(db).ingest(dir.Join("vault"));
  ASSERT_GT(std::stoi(QueryValue(db, "SELECT count(*) FROM decisions")), 256);
  // c.md is dated otherwise than a.md and b.md, but the undated d.md is alike to both
  // dates: all four are one group (through d.md), whose first note is a.md. e.md and
  // f.md share a date and most words (not all: no shortcut for identical wording).
  EXPECT_EQ(Query(db,
                  "SELECT n.path, c.text FROM decisions d JOIN notes n ON n.id = d.note_id "
                  "JOIN decisions c ON c.id = d.duplicate_of ORDER BY n.path"),
            (std::vector<Row>{
                {"b.md", "Adopt the quartz ledger for zebra billing reconciliation"},
                {"c.md", "Adopt the quartz ledger for zebra billing reconciliation"},
                {"d.md", "Adopt the quartz ledger for zebra billing reconciliation"},
                {"f.md", "Retire the walnut gateway before the audit window"},
            }));
}

TEST_F(Duplicates, EachLinkIsExplained) {
  const std::vector<DuplicateGroup> groups = Store::open(db_).duplicates();
  ASSERT_EQ(groups.size(), 6u);
  EXPECT_EQ(groups[0].kind, "meeting");
  EXPECT_EQ(groups[0].canonical.text, "Orbit launch review");
  ASSERT_EQ(groups[0].duplicates.size(), 1u);
  EXPECT_GT(groups[0].duplicates[0].similarity, 0.4);
  EXPECT_LT(groups[0].duplicates[0].similarity, 1.0);
  EXPECT_EQ(groups[1].kind, "task");
  EXPECT_EQ(groups[1].canonical.line, 15);
  EXPECT_EQ(groups[1].duplicates[0].path, "Meetings/2024-06-10 - Launch review notes.md");
  EXPECT_EQ(Store::open(db_).duplicates("decision").size(), 2u);
}

TEST_F(Duplicates, QueriesHideRepeatsUnlessAsked) {
  Store store = Store::open(db_);
  TaskQuery tasks;
  EXPECT_EQ(store.tasks(tasks).size(), 9u);
  tasks.include_duplicates = true;
  EXPECT_EQ(store.tasks(tasks).size(), 12u);
  MeetingQuery meetings;
  EXPECT_EQ(store.meetings(meetings).size(), 2u);
  DecisionQuery decisions;
  EXPECT_EQ(store.decisions(decisions).size(), 3u);
  SearchOptions search;
  // Two notes, two tasks and two decisions; and with the repeats, a note, a task and two
  // decisions more.
  EXPECT_EQ(store.search("launch", search).size(), 6u);
  search.include_duplicates = true;
  EXPECT_EQ(store.search("launch", search).size(), 10u);
  EXPECT_EQ(store.person("Maria").open_tasks.size(), 3u);
}

// A repeat is left out exactly when what it repeats is ranked too, however few of the
// newest matches are ranked: an original older than all of them leaves its repeat in.
TEST_F(Duplicates, SearchDropsRepeatsWhoseOriginalIsRanked) {
  const Store store = Store::open(db_);
  // search_rowid -> canonical_search_rowid; and the rows each query matches.
  std::map<std::string, std::string> original_of;
  for (const Row& r : Q("SELECT search_rowid, canonical_search_rowid FROM duplicates")) {
    original_of[r[0]] = r[1];
  }
  ASSERT_FALSE(original_of.empty());
  for (const std::string q : {"launch", "laun*", "review"}) {
    for (int max_ranked : {0, 1, 2, 3, 5, 8}) {
      SearchOptions o;
      o.max_ranked = max_ranked;
      o.limit = 100;
      o.include_duplicates = true;
      std::multiset<std::pair<int, int64_t>> expected;
      std::multiset<std::pair<int, int64_t>> with_repeats;
      for (const SearchHit& h : store.search(q, o)) {
        with_repeats.insert({static_cast<int>(h.kind), h.id});
      }
      // The same rows by search row id, to tell repeats.
      std::string newest = "SELECT rowid, kind, ref_id FROM search WHERE search MATCH '" + q +
                           "' ORDER BY rowid DESC";
      if (max_ranked > 0) newest += " LIMIT " + std::to_string(max_ranked);
      const std::vector<Row> ranked = Q(newest);
      std::set<std::string> ranked_rowids;
      for (const Row& r : ranked) ranked_rowids.insert(r[0]);
      for (const Row& r : ranked) {
        auto it = original_of.find(r[0]);
        if (it != original_of.end() && ranked_rowids.count(it->second)) continue;
        const int kind = r[1] == "task" ? 1 : r[1] == "decision" ? 2 : 0;
        expected.insert({kind, std::stoll(r[2])});
      }
      o.include_duplicates = false;
      std::multiset<std::pair<int, int64_t>> got;
      for (const SearchHit& h : store.search(q, o)) got.insert({static_cast<int>(h.kind), h.id});
      EXPECT_EQ(got, expected) << q << " max_ranked " << max_ranked;
      EXPECT_LE(got.size(), with_repeats.size());
    }
  }
}

// A filter that leaves out the original must not take its repeat with it: the repeat is
// then the only row of that item the search ranks. Nor may ranking only the newest match.
TEST(DuplicateSearch, ARepeatStandsInForAnOriginalLeftOutOfTheRanking) {
  testing::TempDir dir;
  const std::string decision = "- Renew the quay crane permit before the summer peak season.\n";
  dir.Write(
      "vault/Meetings/2024-05-01 Crane sync.md",
      "---\ndate: 2024-05-01\naccount: Harborline\n---\n# Crane sync\n\n## Decisions\n" + decision);
  dir.Write("vault/Notes/Crane recap.md",
            "---\naccount: Tidewater\n---\n# Crane recap\n\n## Decisions\n" + decision);
  Store store = Store::open(dir.Join("s.db"));
  store.ingest(dir.Join("vault"));
  // The recap's decision repeats the meeting's.
  ASSERT_EQ(QueryValue(store.path(),
                       "SELECT n.path FROM decisions d JOIN notes n ON n.id = d.note_id "
                       "WHERE d.duplicate_of IS NOT NULL"),
            "Notes/Crane recap.md");
  SearchOptions o;
  o.kinds = {SearchKind::kDecision};
  std::vector<SearchHit> hits = store.search("permit", o);
  ASSERT_EQ(hits.size(), 1u);  // Shown once, as the original.
  EXPECT_EQ(hits[0].path, "Meetings/2024-05-01 Crane sync.md");
  o.account = "Tidewater";
  hits = store.search("permit", o);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].path, "Notes/Crane recap.md");
  o = SearchOptions();
  o.kinds = {SearchKind::kDecision};
  o.max_ranked = 1;  // The newest match only: the recap's row.
  hits = store.search("permit", o);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].path, "Notes/Crane recap.md");
}

TEST_F(Duplicates, LinksFollowEditsAndMatchAFreshIngest) {
  // Reword the repeat so it is a different task: the link must go.
  std::string notes =
      testing::ReadFileText(dir_.Join("vault/Meetings/2024-06-10 - Launch review notes.md"));
  notes.replace(notes.find("Book a load-test window with the operations team"), 48,
                "Order pizza for the launch party operations team");
  dir_.Write("vault/Meetings/2024-06-10 - Launch review notes.md", notes);
  Ingest();
  EXPECT_EQ(QueryValue(db_, "SELECT count(*) FROM tasks WHERE duplicate_of IS NOT NULL"), "2");
  const std::string fresh = dir_.Join("fresh.db");
  IngestOptions o;
  o.me = "Dana Whitfield";
  Store::open(fresh).ingest(dir_.Join("vault"), o);
  EXPECT_EQ(testing::DumpDifference(testing::CanonicalDump(db_), testing::CanonicalDump(fresh)),
            "");
}

}  // namespace
}  // namespace notestore
