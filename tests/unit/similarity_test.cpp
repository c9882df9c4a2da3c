#include "resolve/similarity.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace notestore::resolve
