// The store's vocabulary of search terms, and a prefix search written as the terms it
// starts (query/prefix_terms.h).
#include "query/prefix_terms.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "store/schema.h"
#include "store/search_terms.h"
#include "store/token_replay.h"
#include "support/test_support.h"

namespace notestore::query {
namespace {

class PrefixTerms : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = store::OpenDatabase(dir_.path() + "/store.db", store::ConnectionOptions());
    cache_ = std::make_unique<StatementCache>(*db_);
  }
  void TearDown() override { cache_.reset(); }
  void AddTerms(const std::vector<std::string>& terms) {
    store::SearchTermWriter writer(*db_);
    writer.Add(terms);
    writer.Flush();
  }
  static std::string Verbatim(const std::string& term) {
    return std::string("\"") + store::kVerbatimTerm + term + "\"";
  }

  testing::TempDir dir_;
  std::unique_ptr<SQLite::Database> db_;
  std::unique_ptr<StatementCache> cache_;  // Of db_, as a store's searches use.
};

TEST_F(PrefixTerms, AWordBecomesTheTermsItsStemStarts) {
  AddTerms({"agrarian", "agre", "agreem", "b", "agre"});  // Written twice, kept once.
  EXPECT_EQ(db_->execAndGet("SELECT count(*) FROM search_terms").getInt(), 4);
  // "Agreed" as FTS5 makes a prefix of it: "agre".
  EXPECT_EQ(ExpandPrefix(*cache_, "Agreed"),
            "(" + Verbatim("agre") + " OR " + Verbatim("agreem") + ")");
  EXPECT_EQ(ExpandPrefix(*cache_, "agr"), "(" + Verbatim("agrarian") + " OR " + Verbatim("agre") +
                                              " OR " + Verbatim("agreem") + ")");
  EXPECT_EQ(ExpandPrefix(*cache_, "B"), "(" + Verbatim("b") + ")");
  // Left to FTS5: no term, or a word of two tokens (a phrase whose last word is a prefix).
  EXPECT_EQ(ExpandPrefix(*cache_, "zz"), "");
  EXPECT_EQ(ExpandPrefix(*cache_, "agr-b"), "");
  EXPECT_EQ(ExpandPrefix(*cache_, "--"), "");
}

TEST_F(PrefixTerms, APrefixOfTooManyTermsIsLeftToFts5) {
  std::vector<std::string> terms;
  for (int i = 0; i <= kMostPrefixTerms; ++i) terms.push_back("q" + std::to_string(100 + i));
  AddTerms(terms);
  EXPECT_EQ(ExpandPrefix(*cache_, "q"), "");               // kMostPrefixTerms + 1 of them.
  const std::string fewer = ExpandPrefix(*cache_, "q10");  // q100..q109.
  EXPECT_NE(fewer.find(Verbatim("q100")), std::string::npos);
  EXPECT_NE(fewer.find(Verbatim("q109")), std::string::npos);
  EXPECT_EQ(fewer.find(Verbatim("q110")), std::string::npos);
}

TEST(SearchTermClaims, EachTermIsClaimedByTheFirstNoteThatHasIt) {
  const store::TokenRecorder recorder;
  store::SearchTermClaims claims;
  store::NoteTokens first;
  first.title = recorder.Tokenize("Harbor sync");
  first.body = recorder.Tokenize("The harbor cranes, the cranes.");
  store::NoteTokens second;
  second.body = recorder.Tokenize("Cranes and tugs");
  second.tasks.push_back(recorder.Tokenize("Call the tug master"));
  EXPECT_EQ(claims.Claim(first, 0), (std::vector<std::string>{"crane", "harbor", "sync", "the"}));
  EXPECT_EQ(claims.Claim(second, 1), (std::vector<std::string>{"and", "call", "master", "tug"}));
  EXPECT_TRUE(claims.Claim(second, 1).empty());
}

// The writer writes notes in order; parsing threads claim in whatever order they finish.
// A note written earlier claims again what a later one claimed, so that each term is
// written with (or before) the first note that holds it.
TEST(SearchTermClaims, AnEarlierNoteClaimsAgainWhatALaterOneClaimedFirst) {
  const store::TokenRecorder recorder;
  store::SearchTermClaims claims;
  store::NoteTokens late;
  late.body = recorder.Tokenize("tug crane");
  store::NoteTokens early;
  early.body = recorder.Tokenize("crane barge");
  EXPECT_EQ(claims.Claim(late, 7), (std::vector<std::string>{"crane", "tug"}));
  EXPECT_EQ(claims.Claim(early, 3), (std::vector<std::string>{"barg", "crane"}));
  EXPECT_TRUE(claims.Claim(late, 7).empty());  // Claimed before it, by 3.
  EXPECT_EQ(claims.Claim(late, 2), (std::vector<std::string>{"crane", "tug"}));
}

// Past its bound the claims are forgotten: later notes claim their terms again.
TEST(SearchTermClaims, ForgetsItsClaimsPastItsBound) {
  const store::TokenRecorder recorder;
  store::SearchTermClaims claims(2);
  store::NoteTokens first;
  first.body = recorder.Tokenize("alpha beta gamma");
  store::NoteTokens second;
  second.body = recorder.Tokenize("alpha delta");
  EXPECT_EQ(claims.Claim(first, 0), (std::vector<std::string>{"alpha", "beta", "gamma"}));
  EXPECT_EQ(claims.Claim(second, 1), (std::vector<std::string>{"alpha", "delta"}));
  EXPECT_EQ(claims.Claim(second, 2), (std::vector<std::string>{}));  // Two claims: kept.
}

}  // namespace
}  // namespace notestore::query
