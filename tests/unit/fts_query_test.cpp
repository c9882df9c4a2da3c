#include "query/fts_query.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "notestore/error.h"

namespace notestore::query {
namespace {

ErrorCode CodeOf(const std::string& q) {
  try {
    BuildFtsQuery(q);
  } catch (const Error& e) {
    return e.code();
  }
  return ErrorCode::kInternal;
}

TEST(FtsQuery, PlainWordsAreQuotedWhateverTheirPunctuation) {
  EXPECT_EQ(BuildFtsQuery("global namespace"), "\"global\" AND \"namespace\"");
  EXPECT_EQ(BuildFtsQuery("GPU-adjacent 10:30 it's"),
            "\"GPU-adjacent\" AND \"10:30\" AND \"it's\"");
  EXPECT_EQ(BuildFtsQuery("Khan \"Channel"), "\"Khan\" AND \"\"\"Channel\"");
  EXPECT_EQ(BuildFtsQuery("and or not"), "\"and\" AND \"or\" AND \"not\"");  // Words.
  EXPECT_EQ(BuildFtsQuery("  ---  C++ "), "\"C++\"");  // Punctuation alone is dropped.
  // Control characters, NUL included, separate words (a NUL once cut a term short).
  EXPECT_EQ(BuildFtsQuery(std::string("Azure\xE2\x80\x99s\0\0x\ty", 14)),
            "\"Azure\xE2\x80\x99s\" AND \"x\" AND \"y\"");
}

TEST(FtsQuery, PhrasesPrefixesOperatorsColumns) {
  EXPECT_EQ(BuildFtsQuery("\"global namespace\" vast"), "\"global namespace\" AND \"vast\"");
  EXPECT_EQ(BuildFtsQuery("namesp*"), "\"namesp\"*");
  EXPECT_EQ(BuildFtsQuery("\"global names\"*"), "\"global names\"*");
  EXPECT_EQ(BuildFtsQuery("vast AND (openai OR coreweave) NOT azure"),
            "\"vast\" AND ( \"openai\" OR \"coreweave\" ) NOT \"azure\"");
  EXPECT_EQ(BuildFtsQuery("title:kickoff Body:pilot other:x"),
            "title : \"kickoff\" AND body : \"pilot\" AND \"other:x\"");
  EXPECT_EQ(BuildFtsQuery("NEAR(a b)"), "\"NEAR\" AND ( \"a\" AND \"b\" )");
}

TEST(FtsQuery, MalformedExplicitQueriesSayWhere) {
  EXPECT_EQ(CodeOf("vast AND"), ErrorCode::kQuery);
  EXPECT_EQ(CodeOf("OR vast"), ErrorCode::kQuery);
  EXPECT_EQ(CodeOf("NOT vast"), ErrorCode::kQuery);
  EXPECT_EQ(CodeOf("vast AND OR azure"), ErrorCode::kQuery);
  EXPECT_EQ(CodeOf("(vast OR azure"), ErrorCode::kQuery);
  EXPECT_EQ(CodeOf("vast)"), ErrorCode::kQuery);
  EXPECT_EQ(CodeOf("vast ()"), ErrorCode::kQuery);
  EXPECT_EQ(CodeOf(""), ErrorCode::kInvalidArgument);
  EXPECT_EQ(CodeOf(" \"\" ** "), ErrorCode::kInvalidArgument);
  try {
    BuildFtsQuery("pilot AND");
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "malformed search query: 'AND' needs a word after it at character 7");
  }
}

// `levels` groups, each opened the way that takes the most of FTS5's parser stack.
std::string Nested(int levels) {
  std::string q;
  for (int i = 0; i < levels; ++i) q += "a OR b AND c NOT (";
  q += "a OR b AND c NOT title:\"x y\"*";
  for (int i = 0; i < levels; ++i) q += ")";
  return q;
}

TEST(FtsQuery, NestingIsLimitedToWhatFts5CanParse) {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
  db.exec("CREATE VIRTUAL TABLE t USING fts5(title, body); INSERT INTO t VALUES('x y', 'a');");
  SQLite::Statement match(db, "SELECT count(*) FROM t WHERE t MATCH ?");
  match.bind(1, BuildFtsQuery(Nested(10)));
  EXPECT_TRUE(match.executeStep());  // Throws if FTS5's parser overflows.
  EXPECT_EQ(CodeOf(Nested(11)), ErrorCode::kQuery);
  // Without the limit, FTS5 itself would fail on such a query.
  std::string overflowing;
  for (int i = 0; i < 20; ++i) overflowing += "\"a\" OR \"b\" AND \"c\" NOT (";
  overflowing += "\"x\"" + std::string(20, ')');
  match.reset();
  match.bind(1, overflowing);
  EXPECT_THROW(match.executeStep(), SQLite::Exception);
  try {
    BuildFtsQuery(Nested(20));
    FAIL();
  } catch (const Error& e) {
    // The 11th level's '(' is the last character of its 18-character opening.
    EXPECT_STREQ(e.what(),
                 "malformed search query: parentheses nested more than 10 deep at character "
                 "198");
  }
}

TEST(FtsQuery, PrefixWordsAreHandedToTheExpander) {
  std::vector<std::string> asked;
  const PrefixExpander expand = [&asked](std::string_view word) {
    asked.emplace_back(word);
    return word == "none" ? std::string() : "( \"" + std::string(word) + "1\" OR \"x\" )";
  };
  EXPECT_EQ(BuildFtsQuery("namesp* \"global names\"* title:pil** none* it's", expand),
            "( \"namesp1\" OR \"x\" ) AND \"global names\"* AND title : ( \"pil1\" OR \"x\" ) "
            "AND \"none\"* AND \"it's\"");
  // Only single words with a '*': not phrases, not words without one.
  EXPECT_EQ(asked, (std::vector<std::string>{"namesp", "pil", "none"}));
  EXPECT_EQ(BuildFtsQuery("namesp*"), "\"namesp\"*");  // No expander: FTS5's prefix.
}

// An expansion is one level of parentheses more than the user's: still within what
// FTS5's parser holds at the deepest nesting allowed, column filter and all.
TEST(FtsQuery, AnExpandedPrefixAtTheDeepestNestingStillParses) {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
  db.exec("CREATE VIRTUAL TABLE t USING fts5(title, body); INSERT INTO t VALUES('xa y', 'a');");
  std::string q;
  for (int i = 0; i < 10; ++i) q += "a OR b AND c NOT (";
  q += "a OR b AND c NOT title:x*";
  for (int i = 0; i < 10; ++i) q += ")";
  const std::string fts = BuildFtsQuery(
      q, [](std::string_view) { return std::string("( \"xa\" OR \"xb\" OR \"xc\" )"); });
  ASSERT_NE(fts.find("title : ( \"xa\" OR"), std::string::npos) << fts;
  SQLite::Statement match(db, "SELECT count(*) FROM t WHERE t MATCH ?");
  match.bind(1, fts);
  ASSERT_TRUE(match.executeStep());  // Throws if FTS5's parser overflows.
  EXPECT_EQ(match.getColumn(0).getInt(), 1);
}

}  // namespace
}  // namespace notestore::query
