#include "query/fts_query.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace notestore::query
