#include "resolve/similarity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

namespace notestore::resolve {
namespace {

using Words = std::vector<std::string>;

TEST(Similarity, ContentWordsDropFunctionWordsAndFoldPlurals) {
  EXPECT_EQ(ContentWords("Send the revised checklists to the Vendor's team!"),
            (Words{"checklist", "revised", "send", "team", "vendor"}));
  EXPECT_EQ(ContentWords("strategies/capabilities; NVIDIA-DGX"),
            (Words{"capability", "dgx", "nvidia", "strategy"}));
  EXPECT_TRUE(ContentWords("the and of to").empty());
  EXPECT_EQ(ContentWords("class address status"), (Words{"address", "class", "status"}));
}

// Texts that reach every branch of the word scanner: case, plurals folded or not, short
// words and function words in any case, digits, non-ASCII bytes, separators at the ends.
const std::vector<std::string>& ScannerTexts() {
  static const std::vector<std::string> texts = {
      "Send the revised checklists to the Vendor's team!",
      "STRATEGIES/Capabilities; NVIDIA-DGX ties lies Buses bus status GLASS",
      "THE And oF SHOULD shoulds x y 7 42 2025-10-26 Q3s",
      "caf\xc3\xa9s na\xc3\xafve \xe2\x80\x94 r\xc3\xa9sum\xc3\xa9 "
      "Azure\xc3\xa2\xe2\x82\xac\xe2\x84\xa2s",
      "  ...leading and trailing separators...  ",
      "",
      "a",
      "companies Companies COMPANIES company"};
  return texts;
}

// FNV-1a, its 64 bits folded to 32.
uint32_t Fnv1a32(const std::string& word) {
  uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : word) h = (h ^ c) * 1099511628211ULL;
  return static_cast<uint32_t>(h ^ (h >> 32));
}

// The hashes are stored (note_words) and compared with those of earlier runs: they must
// stay those of the words as ContentWords spells them, and survive the blob.
TEST(Similarity, WordHashesAreThoseOfTheWords) {
  for (const std::string& text : ScannerTexts()) {
    std::vector<uint32_t> expected;
    for (const std::string& w : ContentWords(text)) expected.push_back(Fnv1a32(w));
    std::sort(expected.begin(), expected.end());
    expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
    EXPECT_EQ(ContentWordHashes(text), expected) << text;
    const std::string blob = PackWordHashes(expected);
    EXPECT_EQ(blob.size(), expected.size() * 4);
    EXPECT_EQ(UnpackWordHashes(blob.data(), blob.size()), expected) << text;
  }
  EXPECT_EQ(PackWordHashes({0x04030201U}), std::string("\x01\x02\x03\x04"));  // Little-endian.
  EXPECT_EQ(ContentWords("companies Companies COMPANIES company"), (Words{"company"}));
  EXPECT_EQ(ContentWords("ties Buses bus Q3s"), (Words{"bus", "buse", "q3s", "tie"}));
}

TEST(Similarity, WordIdsShareWhatWordsShare) {
  WordIds ids;
  for (const std::string& a : ScannerTexts()) {
    for (const std::string& b : ScannerTexts()) {
      const Words wa = ContentWords(a), wb = ContentWords(b);
      const std::vector<uint32_t> ia = ids.Of(a), ib = ids.Of(b);
      EXPECT_EQ(ia.size(), wa.size()) << a;
      EXPECT_EQ(SharedCount(ia, ib), SharedCount(wa, wb)) << a << " | " << b;
      EXPECT_TRUE(std::is_sorted(ia.begin(), ia.end()));
    }
  }
}

// Past the first sizes of the id table (it grows as words come): every distinct word
// keeps one id, ids are dense from 0 in order of first sight, and no two words share one.
TEST(Similarity, WordIdsStayDenseAndDistinctAsTheTableGrows) {
  WordIds ids;
  std::vector<std::string> words;
  for (int i = 0; i < 5000; ++i) words.push_back("word" + std::to_string(i) + "x");
  for (size_t i = 0; i < words.size(); ++i) {
    ASSERT_EQ(ids.Of(words[i]), std::vector<uint32_t>{static_cast<uint32_t>(i)}) << words[i];
  }
  for (size_t i = 1; i < words.size(); i += 97) {
    EXPECT_EQ(ids.Of("The " + words[i] + " AND " + words[i / 2]),
              (std::vector<uint32_t>{static_cast<uint32_t>(i / 2), static_cast<uint32_t>(i)}))
        << words[i];
  }
}

// Function words go in any case; words that only begin like one, or that are one
// letter off, stay.
TEST(Similarity, OnlyWholeFunctionWordsAreDropped) {
  EXPECT_TRUE(ContentWords("SHOULD Would whose Being THERE each eg ie vs").empty());
  EXPECT_EQ(ContentWords("shoulder whoso bein thee ann ifs"),
            (Words{"ann", "bein", "ifs", "shoulder", "thee", "whoso"}));
}

TEST(Similarity, RewordingsScoreHighDifferentItemsLow) {
  auto sim = [](const char* a, const char* b) {
    return Similarity(ContentWords(a), ContentWords(b));
  };
  EXPECT_DOUBLE_EQ(sim("Book the load test window", "Book the load test window"), 1.0);
  EXPECT_GE(sim("Send the revised launch checklist to the vendor",
                "Send vendor the revised checklist for launch"),
            kSameItem);
  EXPECT_GE(sim("Schedule a follow-up meeting with Jack Kabat to review findings and "
                "recommendations from the deep dive",
                "Schedule a follow-up with Jack to review findings and recommendations."),
            kSameItem);
  EXPECT_LT(sim("Schedule a follow-up meeting with Jack Kabat to review the deep dive",
                "Conduct a deep dive on storage strategy and propose a direction"),
            kSameItem);
  EXPECT_LT(sim("Renew the SSL certificate", "Renew the domain name"), kSameItem);
  EXPECT_FALSE(
      SameContent(ContentWords("Star bullet task"), ContentWords("Plus bullet task"), kSameItem));
  EXPECT_TRUE(
      SameContent(ContentWords("Book flights"), ContentWords("book the flights"), kSameItem));
  EXPECT_DOUBLE_EQ(Similarity({}, {}), 1.0);
  EXPECT_DOUBLE_EQ(Similarity({"a"}, {}), 0.0);
}

// SameContent stops counting once the threshold is out of reach; its answers must be
// those of the definition, counted in full, right at the threshold too.
TEST(Similarity, SameContentAnswersAsTheDefinitionDoes) {
  std::mt19937 random(7);
  int same = 0, different = 0;
  for (int trial = 0; trial < 20000; ++trial) {
    const uint64_t universe = 4 + random() % 400;
    const uint64_t per_mille_a = random() % 1000, per_mille_b = random() % 1000;
    std::vector<uint64_t> a, b;
    for (uint64_t w = 0; w < universe; ++w) {
      if (random() % 1000 < per_mille_a) a.push_back(w * 977);
      if (random() % 1000 < per_mille_b) b.push_back(w * 977);
    }
    for (double threshold : {kSameItem, kSameMeeting}) {
      const size_t shared = SharedCount(a, b);
      const bool expected = a == b || (shared >= 3 && Similarity(a, b, shared) >= threshold);
      ASSERT_EQ(SameContent(a, b, threshold), expected)
          << "sizes " << a.size() << " " << b.size() << " shared " << shared;
      (expected ? same : different)++;
    }
  }
  EXPECT_GT(same, 1000);  // Both answers are well represented.
  EXPECT_GT(different, 1000);
}

// Lists added to one WordBitsets in turn, each sharing words with earlier ones and
// bringing new ones (so later lists' bits reach further than earlier ones'): Shared
// counts what a merge counts, and SameContentOfCounts answers as SameContent.
TEST(Similarity, WordBitsetsCountWhatAMergeCounts) {
  std::mt19937_64 random(11);
  WordBitsets sets;
  std::vector<std::vector<uint32_t>> lists;
  for (int k = 0; k < 60; ++k) {
    const uint64_t universe = 1 + random() % (50 + 40 * static_cast<uint64_t>(k));
    const uint64_t per_mille = random() % 1000;
    std::vector<uint32_t> words;  // Distinct: an odd multiplier permutes 32-bit values.
    for (uint64_t w = 0; w < universe; ++w) {
      if (random() % 1000 < per_mille) words.push_back(static_cast<uint32_t>(w) * 0x9E3779B9U);
    }
    std::sort(words.begin(), words.end());
    ASSERT_EQ(sets.Add(words), lists.size());
    lists.push_back(words);
  }
  int same = 0;
  for (size_t i = 0; i < lists.size(); ++i) {
    ASSERT_EQ(sets.Size(i), lists[i].size());
    for (size_t j = 0; j < lists.size(); ++j) {
      const size_t shared = sets.Shared(i, j);
      ASSERT_EQ(shared, SharedCount(lists[i], lists[j])) << i << " " << j;
      const bool expected = SameContent(lists[i], lists[j], kSameMeeting);
      ASSERT_EQ(SameContentOfCounts(sets.Size(i), sets.Size(j), shared, kSameMeeting), expected);
      same += expected && i != j;
    }
  }
  EXPECT_GT(same, 0);
}

// A mask turns away only pairs that SameContent would call different, whatever the
// sizes, and at the threshold; and it does turn most different pairs away. Words are
// drawn from a universe of low 16 bits shared by many hashes, so the mask's collisions
// (a word of one list taken for another's) are exercised too.
TEST(Similarity, WordMaskRejectsOnlyWhatSameContentRejects) {
  std::mt19937_64 random(5);
  int same = 0, different = 0, turned_away = 0;
  for (int trial = 0; trial < 20000; ++trial) {
    const uint64_t universe = 4 + random() % 600;
    const uint64_t per_mille_a = random() % 1000, per_mille_b = random() % 1000;
    const bool colliding = trial % 4 == 0;  // Words differ only above bit 16.
    std::vector<uint32_t> a, b;
    for (uint64_t w = 0; w < universe; ++w) {
      const auto word = static_cast<uint32_t>(w) * 0x9E3779B9U;
      if (random() % 1000 < per_mille_a) a.push_back(word);
      if (random() % 1000 < per_mille_b) b.push_back(colliding ? word ^ 0x10000U : word);
    }
    if (colliding && !b.empty()) b.back() ^= 0x10000U;  // And one word shared.
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    const WordMask mask(a);
    for (double threshold : {kSameItem, kSameMeeting}) {
      const bool expected = SameContent(a, b, threshold);
      const bool may = mask.MaySameContent(b, threshold);
      ASSERT_TRUE(may || !expected) << "sizes " << a.size() << " " << b.size() << " shared "
                                    << SharedCount(a, b) << " threshold " << threshold;
      (expected ? same : different)++;
      turned_away += !may;
    }
  }
  EXPECT_GT(same, 1000);
  EXPECT_GT(different, 1000);
  EXPECT_GT(turned_away, different / 2);                            // It is worth its cost.
  EXPECT_TRUE(WordMask({1, 2}).MaySameContent({1, 2}, kSameItem));  // Short, identical.
  EXPECT_FALSE(WordMask({1, 2, 3, 4, 5, 6}).MaySameContent({7, 8, 9, 10}, kSameItem));
}

}  // namespace
}  // namespace notestore::resolve
