#include <gtest/gtest.h>

#include "decode/note_text.h"
#include "util/dates.h"
#include "util/hash.h"
#include "util/text.h"
#include "util/utf8.h"

namespace notestore {
namespace {

TEST(Dates, NormalizesCommonSpellings) {
  EXPECT_EQ(util::NormalizeDate("2025-10-26"), "2025-10-26");
  EXPECT_EQ(util::NormalizeDate(" 2025/10/26 "), "2025-10-26");
  EXPECT_EQ(util::NormalizeDate("2025.01.02"), "2025-01-02");
  EXPECT_EQ(util::NormalizeDate("2025-10-22T10:00:00Z"), "2025-10-22");
  EXPECT_EQ(util::NormalizeDate("2025-10-22 09:30"), "2025-10-22");
}

TEST(Dates, RejectsDaysThatDoNotExist) {
  EXPECT_FALSE(util::NormalizeDate("2025-02-29"));
  EXPECT_EQ(util::NormalizeDate("2024-02-29"), "2024-02-29");  // leap year
  EXPECT_FALSE(util::NormalizeDate("1900-02-29"));
  EXPECT_EQ(util::NormalizeDate("2000-02-29"), "2000-02-29");
  EXPECT_FALSE(util::NormalizeDate("2025-13-01"));
  EXPECT_FALSE(util::NormalizeDate("2025-04-31"));
  EXPECT_FALSE(util::NormalizeDate("2025-10-221"));
  EXPECT_FALSE(util::NormalizeDate("2025-10"));
  EXPECT_FALSE(util::NormalizeDate("tomorrow"));
  EXPECT_FALSE(util::NormalizeDate("2025-10/26"));  // mixed separators
}

TEST(Dates, LeadingDateOfAFileName) {
  EXPECT_EQ(util::LeadingIsoDate("2025-09-18 - 1-1 with Jack"), "2025-09-18");
  EXPECT_FALSE(util::LeadingIsoDate("Weekly 2025-09-18"));
  EXPECT_FALSE(util::LeadingIsoDate("2025-09-181"));
}

TEST(Text, NameKeyIgnoresCaseSpacingAndPunctuation) {
  EXPECT_EQ(util::NameKey("Jack Kabat"), "jackkabat");
  EXPECT_EQ(util::NameKey("jack-kabat"), "jackkabat");
  EXPECT_EQ(util::NameKey("  JACK   KABAT "), "jackkabat");
  EXPECT_EQ(util::NameKey("José Núñez"),
            "jos\xC3\xA9n\xC3\xBA\xC3\xB1"
            "ez");
}

TEST(Text, SplitLinesAndCollapse) {
  EXPECT_EQ(util::SplitLines("a\nb\n").size(), 2u);
  EXPECT_EQ(util::SplitLines("a\n\nb").size(), 3u);
  EXPECT_EQ(util::CollapseWhitespace("  a \t b\n c  "), "a b c");
}

TEST(Utf8, DecodesAndValidates) {
  EXPECT_TRUE(util::IsValidUtf8("plain ascii"));
  EXPECT_TRUE(util::IsValidUtf8("📅 2025 – ü"));
  EXPECT_FALSE(util::IsValidUtf8("\xC3"));              // truncated
  EXPECT_FALSE(util::IsValidUtf8("\xC0\xAF"));          // overlong
  EXPECT_FALSE(util::IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(util::IsValidUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  std::string s = "\xF0\x9F\x93\x85";
  size_t pos = 0;
  EXPECT_EQ(util::DecodeUtf8(s, &pos), U'\U0001F4C5');
  EXPECT_EQ(pos, 4u);
  std::string out;
  util::AppendUtf8(U'\U0001F4C5', &out);
  EXPECT_EQ(out, s);
}

TEST(Hash, MatchesTheXxh64ReferenceValues) {
  // Published XXH64 test vectors (seed 0).
  EXPECT_EQ(util::Hash64(""), 0xEF46DB3751D8E999ULL);
  EXPECT_EQ(util::Hash64("a"), 0xD24EC4F1A98C6E5BULL);
  EXPECT_EQ(util::Hash64("abc"), 0x44BC2CF5AD770999ULL);
  EXPECT_EQ(util::Hash64("Nobody inspects the spammish repetition"), 0xFBCEA83C8A378BF1ULL);
  EXPECT_NE(util::Hash64(std::string(100, 'x')), util::Hash64(std::string(101, 'x')));
}

TEST(Decode, StripsBomAndNormalizesLineEnds) {
  const decode::DecodedText t = decode::DecodeNoteBytes("\xEF\xBB\xBFone\r\ntwo\rthree\n");
  EXPECT_EQ(t.text, "one\ntwo\nthree\n");
  EXPECT_TRUE(t.diagnostics.empty());
}

TEST(Decode, ReadsStrayBytesAsWindows1252WithADiagnostic) {
  const decode::DecodedText t = decode::DecodeNoteBytes("caf\xE9 \x93quoted\x94\nok \xC3\xA9\n");
  EXPECT_EQ(t.text, "café “quoted”\nok é\n");
  ASSERT_EQ(t.diagnostics.size(), 1u);
  EXPECT_EQ(t.diagnostics[0].code, "invalid-utf8");
  EXPECT_EQ(t.diagnostics[0].line, 1);
}

TEST(Decode, DetectsBinaryFiles) {
  EXPECT_TRUE(decode::LooksBinary(std::string("PNG\0\0data", 9)));
  EXPECT_FALSE(decode::LooksBinary("# A note\n"));
}

}  // namespace
}  // namespace notestore
