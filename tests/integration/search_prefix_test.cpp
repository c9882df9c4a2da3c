// A prefix search names the index terms it starts (query/prefix_terms.h) rather than
// leaving FTS5 to merge their lists. It must match exactly the rows FTS5's own prefix
// search matches (a raw query's "word"*), whatever the prefix, and after every kind of
// change to the vault: the store's vocabulary may only ever hold more terms, not fewer.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "notestore/notestore.h"
#include "support/test_support.h"

namespace notestore {
namespace {

using Rows = std::set<std::pair<int, int64_t>>;  // Kind and id of every hit.

Rows Matches(const Store& store, const std::string& query, bool raw) {
  SearchOptions o;
  o.raw = raw;
  o.max_ranked = 0;  // Every match,
  o.limit = 0;       // every hit,
  o.include_duplicates = true;
  Rows out;
  for (const SearchHit& h : store.search(query, o)) out.emplace(static_cast<int>(h.kind), h.id);
  return out;
}

// `word`* as a user types it, and as FTS5 reads it without notestore's help.
void ExpectSameAsFts5(const Store& store, const std::string& word, const std::string& column = "") {
  const Rows ours = Matches(store, column + word + "*", false);
  const Rows fts5 = Matches(store, column + "\"" + word + "\"*", true);
  EXPECT_EQ(ours, fts5) << column << word << "*";
}

// Every term of the store's search index, as FTS5 lists them.
std::vector<std::string> IndexTerms(const std::string& db_path) {
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  db.exec("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, search, row)");
  SQLite::Statement q(db, "SELECT term FROM temp.terms");
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

TEST(SearchPrefixes, MatchWhatFts5sOwnPrefixSearchMatchesForEveryPrefixOfTheFixture) {
  testing::TempDir dir;
  const std::string db = testing::IngestFixtureVault(dir);
  const Store store = Store::open(db);
  std::set<std::string> prefixes;
  for (const std::string& term : IndexTerms(db)) {
    for (size_t n = 1; n <= std::min<size_t>(term.size(), 6); ++n) {
      if ((term[n - 1] & 0xC0) != 0x80) prefixes.insert(term.substr(0, n));  // Whole characters.
    }
  }
  ASSERT_GT(prefixes.size(), 300u);
  size_t matched = 0;
  for (const std::string& p : prefixes) {
    ExpectSameAsFts5(store, p);
    matched += Matches(store, p + "*", false).empty() ? 0 : 1;
  }
  // Each starts a term, so nearly all match; not all, since a prefix typed as a word is
  // stemmed as one ("analys*" looks for terms starting "anali").
  EXPECT_GT(matched, prefixes.size() * 9 / 10);
  // A column filter applies to every term the prefix stands for.
  for (const char* p : {"rotter", "harb", "pil", "kick", "week", "lig"}) {
    ExpectSameAsFts5(store, p, "title:");
    ExpectSameAsFts5(store, p, "body:");
  }
  // Words as typed: stemmed as FTS5 stems them ("Rotterdam's" is "rotterdam"), folded.
  for (const char* w : {"Rotterdam's", "HARBOR", "pilots", "Café", "x", "zzzz", "10:3"}) {
    ExpectSameAsFts5(store, w);
  }
}

// A prefix that names its terms is ranked as the OR of those terms: BM25 as FTS5's bm25()
// scores "harbor OR harborline", not as it scores the prefix (one phrase).
TEST(SearchPrefixes, AreRankedAsTheOrOfTheTermsTheyStart) {
  testing::TempDir dir;
  const std::string db = testing::IngestFixtureVault(dir);
  const Store store = Store::open(db);
  for (const auto& [prefix, terms] : std::vector<std::pair<std::string, std::string>>{
           {"harb*", "harbor OR harborline"}, {"week*", "week OR weekly"}}) {
    std::map<std::pair<int, int64_t>, double> bm25;
    for (const testing::Row& r : testing::Query(
             db, "SELECT kind, ref_id, bm25(search, 5.0, 1.0) FROM search WHERE search MATCH " +
                     testing::SqlQuote(terms))) {
      const int kind = r[0] == "task" ? 1 : r[0] == "decision" ? 2 : 0;
      bm25[{kind, std::stoll(r[1])}] = std::stod(r[2]);
    }
    SearchOptions o;
    o.limit = 0;
    o.include_duplicates = true;
    const std::vector<SearchHit> hits = store.search(prefix, o);
    ASSERT_EQ(hits.size(), bm25.size()) << prefix;
    for (const SearchHit& h : hits) {
      const auto it = bm25.find({static_cast<int>(h.kind), h.id});
      ASSERT_NE(it, bm25.end()) << prefix;
      EXPECT_NEAR(h.score, it->second, 1e-9 * std::abs(it->second)) << prefix << " " << h.title;
    }
  }
}

TEST(SearchPrefixes, FindStemsThatPorterWouldStemAgain) {
  testing::TempDir dir;
  // "agreed" is indexed as "agre", which porter makes "agr" if asked again.
  dir.Write("v/terms.md", "# Terms\n\nWe agreed on the rates.\n");
  dir.Write("v/other.md", "# Other\n\nThe agrarian plan.\n");
  const std::string db = dir.Join("d.db");
  Store::open(db).ingest(dir.Join("v"));
  const Store store = Store::open(db);
  for (const char* w : {"agree", "agre", "agr", "agreed"}) ExpectSameAsFts5(store, w);
  EXPECT_EQ(Matches(store, "agree*", false).size(), 1u);
  EXPECT_EQ(Matches(store, "agr*", false).size(), 2u);
}

TEST(SearchPrefixes, FollowTheVaultThroughAddedChangedAndRemovedNotes) {
  testing::TempDir dir;
  const std::string db = dir.Join("d.db");
  dir.Write("v/a.md", "# Alpha\n\nThe quokka census.\n\n- [ ] Count the quokkas @Ana\n");
  dir.Write("v/b.md", "# Beta\n\n## Decisions\n\n- Keep the zebrafish tanks.\n");
  // More words starting "zz" than a prefix is replaced by: FTS5's own prefix search.
  std::string many = "# Many\n\n";
  for (int i = 0; i < 40; ++i) many += "zz" + std::to_string(1000 + i) + "q ";
  dir.Write("v/many.md", many + "\n");
  auto ingest = [&] { Store::open(db).ingest(dir.Join("v")); };
  auto check = [&](const std::vector<std::string>& words) {
    Store store = Store::open(db);
    for (const std::string& w : words) ExpectSameAsFts5(store, w);
    EXPECT_EQ(testing::InvariantViolations(db), std::vector<std::string>());
    return store;
  };
  const std::vector<std::string> words = {"quok", "zebra", "zz",     "zz10", "zz1039",
                                          "tank", "oryx",  "census", "count"};
  ingest();
  EXPECT_EQ(Matches(check(words), "zebra*", false).size(), 2u);  // The note and its decision.

  // A new word in a changed note, through a full re-sync and through one path.
  dir.Write("v/a.md", "# Alpha\n\nThe oryx census.\n\n- [ ] Count the oryxes @Ana\n");
  ingest();
  EXPECT_EQ(Matches(check(words), "oryx*", false).size(), 2u);
  EXPECT_TRUE(Matches(check(words), "quok*", false).empty());  // Gone with its rows.
  dir.Write("v/c.md", "# Gamma\n\nA narwhal sighting.\n");
  {
    IngestOptions only;
    only.paths = {"c.md"};
    Store::open(db).ingest(dir.Join("v"), only);
  }
  EXPECT_EQ(Matches(check({"narw", "narwhal"}), "narw*", false).size(), 1u);

  // Removed notes: their terms may stay in the vocabulary, but match nothing.
  dir.Remove("v/b.md");
  dir.Remove("v/many.md");
  ingest();
  const Store store = check(words);
  EXPECT_TRUE(Matches(store, "zebra*", false).empty());
  EXPECT_TRUE(Matches(store, "zz*", false).empty());
  EXPECT_EQ(testing::QueryValue(db, "SELECT count(*) FROM search_terms WHERE term = 'zz1000q'"),
            "1");  // Left behind, matching nothing.
  // A run that re-parses everything drops the terms whose rows are gone.
  {
    IngestOptions force;
    force.force = true;
    Store::open(db).ingest(dir.Join("v"), force);
  }
  EXPECT_EQ(testing::QueryValue(db, "SELECT count(*) FROM search_terms WHERE term LIKE 'zz%'"),
            "0");
  EXPECT_EQ(testing::QueryValue(db, "SELECT count(*) FROM search_terms WHERE term = 'oryx'"), "1");
  check(words);
  // And back again.
  dir.Write("v/b.md", "# Beta\n\nZebrafish again.\n");
  ingest();
  EXPECT_EQ(Matches(check(words), "zebra*", false).size(), 1u);
}

// Parsing threads finish in any order, the writer commits in scan order: a term must
// reach search_terms with the first note that holds it, even when a later note (parsed
// sooner) saw it first and the run then stops before that later note is committed.
TEST(SearchPrefixes, ATermIsCommittedWithTheFirstNoteThatHoldsItWhateverOrderNotesParseIn) {
  testing::TempDir dir;
  const std::string db = dir.Join("d.db");
  dir.Write("v/0.md", "# Start\n\nWolverhampton.\n");
  Store::open(db).ingest(dir.Join("v"));
  // a.md, first in scan order, takes long to parse; c.md, after it, very little.
  std::string slow = "# Slow\n\nThe wolverine.\n\n";
  for (int i = 0; i < 60000; ++i) slow += "- [ ] Step " + std::to_string(i) + "\n";
  dir.Write("v/a.md", slow);
  dir.Write("v/c.md", "# Fast\n\nA wolverine.\n");
  IngestOptions stop;
  stop.threads = 2;
  stop.batch_size = 1;  // a.md is committed alone, before c.md is written.
  stop.on_progress = [](const IngestProgress& p) {
    if (p.phase == IngestProgress::Phase::kResolving) throw std::runtime_error("stop");
  };
  EXPECT_ANY_THROW(Store::open(db).ingest(dir.Join("v"), stop));  // c.md is rolled back.
  EXPECT_EQ(testing::SearchTermsLacking(db), "");
  dir.Write("v/c.md", "# Fast\n\nNothing here.\n");  // Its word gone before it is stored.
  Store::open(db).ingest(dir.Join("v"));
  EXPECT_EQ(testing::InvariantViolations(db), std::vector<std::string>());
  const Store store = Store::open(db);
  ExpectSameAsFts5(store, "wolver");
  EXPECT_EQ(Matches(store, "wolver*", false).size(), 2u);  // 0.md and a.md.
}

// A store made before the vocabulary existed gets it from its index when upgraded.
TEST(SearchPrefixes, AStoreUpgradedFromSchema8HasEveryTermOfItsIndex) {
  testing::TempDir dir;
  const std::string db = testing::IngestFixtureVault(dir);
  testing::DowngradeSchema(db, 8);
  {
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    EXPECT_FALSE(raw.tableExists("search_terms"));
  }
  const Store store = Store::open(db);  // Upgrades.
  EXPECT_EQ(testing::InvariantViolations(db), std::vector<std::string>());
  EXPECT_EQ(testing::QueryValue(db, "SELECT count(*) FROM search_terms"),
            std::to_string(IndexTerms(db).size()));
  for (const char* w : {"rotter", "harb", "pil"}) ExpectSameAsFts5(store, w);
}

}  // namespace
}  // namespace notestore
