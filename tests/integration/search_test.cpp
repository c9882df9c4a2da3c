// Store::search on the fixture vault: ranking, filters, paging, query syntax, errors.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "notestore/notestore.h"
#include "support/test_support.h"

namespace notestore {
namespace {

class Search : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    store_ = new Store(Store::open(testing::IngestFixtureVault(*dir_)));
  }
  static void TearDownTestSuite() {
    delete store_;
    delete dir_;
  }
  static std::vector<std::string> Hits(const std::string& q, SearchOptions o = SearchOptions()) {
    std::vector<std::string> out;
    for (const SearchHit& h : store_->search(q, o)) {
      out.push_back(std::string(SearchKindName(h.kind)) + " " + h.title);
    }
    return out;
  }

  static testing::TempDir* dir_;
  static Store* store_;
};
testing::TempDir* Search::dir_ = nullptr;
Store* Search::store_ = nullptr;

using Strings = std::vector<std::string>;

TEST_F(Search, NotesRankAboveTheirTasksAndDecisions) {
  // Grouped by note, each note before its own decisions.
  EXPECT_EQ(
      Hits("rotterdam"),
      (Strings{"note Harborline kickoff", "decision Start with the Rotterdam terminal only.",
               "note Harbor weekly sync", "decision Keep the Rotterdam scope for the pilot."}));
  const std::vector<SearchHit> hits = store_->search("rotterdam");
  EXPECT_EQ(hits[0].path, "Meetings/2024-03-05 Harbor kickoff.md");
  EXPECT_EQ(hits[0].date, Date::FromYmd(2024, 3, 5));
  EXPECT_EQ(hits[3].line, 28);
  EXPECT_NE(hits[3].snippet.find("[Rotterdam]"), std::string::npos) << hits[3].snippet;
  // Ungrouped, the short decision lines outrank the notes that hold them.
  SearchOptions flat;
  flat.group_by_note = false;
  const std::vector<SearchHit> ranked = store_->search("rotterdam", flat);
  EXPECT_EQ(ranked[0].kind, SearchKind::kDecision);
  for (size_t i = 1; i < ranked.size(); ++i) EXPECT_LE(ranked[i - 1].score, ranked[i].score);
}

// notestore_rank() is BM25 as FTS5's bm25() computes it; it only estimates how many rows
// a phrase matches when there are many (query/fts_rank.h), and the fixture has few.
TEST_F(Search, ScoresAreFts5sBm25WhenPhrasesMatchFewRows) {
  for (const std::string q :
       {"rotterdam", "rotterdam OR pilot", "harbor AND pilot", "\"weekly sync\"", "harb*"}) {
    std::map<std::pair<std::string, std::string>, double> bm25;
    for (const testing::Row& r :
         testing::Query(store_->path(),
                        "SELECT kind, ref_id, bm25(search, 5.0, 1.0) FROM search "
                        "WHERE search MATCH " +
                            testing::SqlQuote(q))) {
      bm25[{r[0], r[1]}] = std::stod(r[2]);
    }
    ASSERT_FALSE(bm25.empty()) << q;
    SearchOptions o;
    o.raw = true;
    o.limit = 1000;
    o.include_duplicates = true;
    const std::vector<SearchHit> hits = store_->search(q, o);
    EXPECT_EQ(hits.size(), bm25.size()) << q;
    for (const SearchHit& h : hits) {
      const auto it = bm25.find({SearchKindName(h.kind), std::to_string(h.id)});
      ASSERT_NE(it, bm25.end()) << q;
      EXPECT_NEAR(h.score, it->second, 1e-9 * std::abs(it->second)) << q << " " << h.title;
    }
  }
}

TEST_F(Search, TitleMatchesWeighMore) {
  // "Lighthouse" is the title of two notes and appears in the body of another.
  const std::vector<SearchHit> hits = store_->search("lighthouse");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[2].path, "Notes/Scratch.md");
}

TEST_F(Search, KindDateAccountAndPaging) {
  SearchOptions o;
  o.kinds = {SearchKind::kTask};
  EXPECT_EQ(Hits("forecast", o),
            (Strings{"task Review the forecast", "task Share the volume forecast"}));
  o = SearchOptions();
  o.kinds = {SearchKind::kDecision, SearchKind::kNote};
  o.from = Date::FromYmd(2024, 3, 6);
  EXPECT_EQ(Hits("rotterdam", o), (Strings{"note Harbor weekly sync",
                                           "decision Keep the Rotterdam scope for the pilot."}));
  o = SearchOptions();
  o.to = Date::FromYmd(2024, 3, 6);
  EXPECT_EQ(Hits("rotterdam", o), (Strings{"note Harborline kickoff",
                                           "decision Start with the Rotterdam terminal only."}));
  o = SearchOptions();
  o.account = "harborline";
  o.kinds = {SearchKind::kNote};
  EXPECT_EQ(Hits("pilot", o).size(), 3u);  // kickoff, weekly, Harborline; not Lighthouse.
  o.limit = 1;
  o.offset = 1;
  EXPECT_EQ(Hits("pilot", o).size(), 1u);
  o.offset = 3;
  EXPECT_TRUE(Hits("pilot", o).empty());
}

TEST_F(Search, PhrasesPrefixesAndBooleans) {
  EXPECT_EQ(
      Hits("\"Rotterdam terminal\""),
      (Strings{"note Harborline kickoff", "decision Start with the Rotterdam terminal only."}));
  EXPECT_EQ(Hits("rotter*"), Hits("rotterdam"));
  // The weekly note mentions a "terminal list", so only its decision is left.
  EXPECT_EQ(Hits("rotterdam NOT terminal"),
            (Strings{"decision Keep the Rotterdam scope for the pilot."}));
  EXPECT_EQ(Hits("hamburg OR rotterdam").size(), 5u);
  EXPECT_EQ(Hits("title:kickoff"), Strings{"note Harborline kickoff"});
  SearchOptions o;
  o.kinds = {SearchKind::kTask};
  EXPECT_EQ(Hits("follow-up", o), Strings{"task Book the follow-up call"});  // A hyphen.
}

TEST_F(Search, UsersWordsNeverRaiseSyntaxErrors) {
  for (const char* q : {"Khan \"Channel", "10:30 meeting", "it's", "C++ & Q&A", "a-b-c", "x*y",
                        "\"unbalanced", "AND?", "NEAR(a b)", "-pilot", "pilot:", "{pilot}"}) {
    EXPECT_NO_THROW(store_->search(q)) << q;
  }
}

TEST_F(Search, MalformedExplicitQueriesAreClearErrors) {
  for (const char* q : {"pilot AND", "(pilot", "OR pilot"}) {
    try {
      store_->search(q);
      ADD_FAILURE() << q;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kQuery) << q;
      EXPECT_NE(std::string(e.what()).find("malformed search query"), std::string::npos);
    }
  }
  SearchOptions raw;
  raw.raw = true;
  EXPECT_EQ(store_->search("NEAR(pilot scope, 3)", raw).size(), 4u);
  try {
    store_->search("pilot AND (", raw);
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kQuery);
  }
  EXPECT_THROW(store_->search("  "), Error);
}

TEST_F(Search, HighlightMarkersAreConfigurable) {
  SearchOptions o;
  o.highlight_open = "<b>";
  o.highlight_close = "</b>";
  o.kinds = {SearchKind::kDecision};
  const std::vector<SearchHit> hits = store_->search("terminal", o);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_NE(hits[0].snippet.find("<b>terminal</b>"), std::string::npos) << hits[0].snippet;
}

}  // namespace
}  // namespace notestore

namespace notestore {
namespace {

// A word in many notes: only the newest max_ranked matching rows are ranked, after the
// filters; 0 ranks them all.
TEST(SearchManyMatches, RanksTheNewestMatchesAfterTheFilters) {
  testing::TempDir dir;
  // a00.md is the oldest row and the best match (the word in its title and body, often).
  dir.Write("v/a00.md", "---\naccount: Oldco\n---\n# Zephyr zephyr\nzephyr zephyr zephyr\n");
  for (int i = 1; i < 40; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "v/a%02d.md", i);
    dir.Write(name, "# Note " + std::to_string(i) +
                        "\nA long paragraph that mentions zephyr once among many other words, "
                        "so that its score is poor.\n");
  }
  // Between them (by path, so by row id), four notes each without the word.
  for (int i = 0; i < 40; ++i) {
    for (const char* suffix : {"b", "c", "d", "e"}) {
      char name[32];
      std::snprintf(name, sizeof name, "v/a%02d%s.md", i, suffix);
      dir.Write(name, "# Filler\nNothing to see here.\n");
    }
  }
  const std::string db = dir.Join("d.db");
  Store::open(db).ingest(dir.Join("v"));
  const Store store = Store::open(db);
  SearchOptions all;
  all.max_ranked = 0;
  all.limit = 100;
  const std::vector<SearchHit> every = store.search("zephyr", all);
  ASSERT_EQ(every.size(), 40u);
  EXPECT_EQ(every[0].path, "a00.md");

  SearchOptions capped;
  capped.max_ranked = 10;
  capped.limit = 100;
  const std::vector<SearchHit> newest = store.search("zephyr", capped);
  ASSERT_EQ(newest.size(), 10u);
  for (const SearchHit& h : newest) EXPECT_GE(h.path, "a30.md") << h.path;

  // The filter applies before the cut: the old note of the account is still found.
  capped.account = "Oldco";
  const std::vector<SearchHit> filtered = store.search("zephyr", capped);
  ASSERT_EQ(filtered.size(), 1u);
  EXPECT_EQ(filtered[0].path, "a00.md");

  capped.max_ranked = -1;
  EXPECT_THROW(store.search("zephyr", capped), Error);

  // One word, more matches than are ranked: its row count is estimated from how far the
  // newest 10 reach, and scales every score alike, so the order is bm25()'s.
  std::map<std::string, double> bm25;
  for (const testing::Row& r : testing::Query(db,
                                              "SELECT ref_id, bm25(search, 5.0, 1.0) FROM search "
                                              "WHERE search MATCH 'zephyr' AND kind = 'note'")) {
    bm25[r[0]] = std::stod(r[1]);
  }
  capped = SearchOptions();
  capped.max_ranked = 10;
  capped.limit = 100;
  const std::vector<SearchHit> estimated = store.search("zephyr", capped);
  ASSERT_EQ(estimated.size(), 10u);
  const double ratio = estimated[0].score / bm25.at(std::to_string(estimated[0].id));
  EXPECT_NEAR(ratio, 1.0, 0.1);  // 40 of 200 rows, estimated from the newest 10.
  for (const SearchHit& h : estimated) {
    EXPECT_NEAR(h.score / bm25.at(std::to_string(h.id)), ratio, 1e-9) << h.path;
  }
}

}  // namespace
}  // namespace notestore
