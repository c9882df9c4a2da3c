// When the notestore command runs itself again for malloc's huge pages, and with what.
#include "util/huge_page_malloc.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

namespace notestore::util {
namespace {

constexpr const char* kMadvise = "always [madvise] never";

TEST(HugePageTunables, AskedForWhereTheKernelGivesThemOnlyToMemoryThatAsks) {
  EXPECT_EQ(HugePageTunables(nullptr, nullptr, "2.36", kMadvise), "glibc.malloc.hugetlb=1");
  EXPECT_EQ(HugePageTunables("", nullptr, "2.35", kMadvise), "glibc.malloc.hugetlb=1");
  EXPECT_EQ(HugePageTunables(nullptr, "1", "3.0", kMadvise), "glibc.malloc.hugetlb=1");
  // The user's other tunables are kept.
  EXPECT_EQ(HugePageTunables("glibc.malloc.arena_max=2", nullptr, "2.36", kMadvise),
            "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1");
}

TEST(HugePageTunables, NotWhereTheyCannotHelpOrWereDecidedAlready) {
  // Set already, by a rerun (which so never runs again) or by the user, to anything.
  EXPECT_EQ(HugePageTunables("glibc.malloc.hugetlb=1", nullptr, "2.36", kMadvise), std::nullopt);
  EXPECT_EQ(HugePageTunables("glibc.malloc.hugetlb=0", nullptr, "2.36", kMadvise), std::nullopt);
  EXPECT_EQ(HugePageTunables(nullptr, "0", "2.36", kMadvise), std::nullopt);  // Opted out.
  // A rerun process, even one whose tunable glibc dropped.
  EXPECT_EQ(HugePageTunables(nullptr, "rerun", "2.36", kMadvise), std::nullopt);
  // A glibc that does not know the tunable; one whose version does not read as one.
  EXPECT_EQ(HugePageTunables(nullptr, nullptr, "2.34", kMadvise), std::nullopt);
  EXPECT_EQ(HugePageTunables(nullptr, nullptr, "1.99", kMadvise), std::nullopt);
  EXPECT_EQ(HugePageTunables(nullptr, nullptr, "unknown", kMadvise), std::nullopt);
  // Malloc gets huge pages anyway, or no one does, or the kernel has none.
  EXPECT_EQ(HugePageTunables(nullptr, nullptr, "2.36", "[always] madvise never"), std::nullopt);
  EXPECT_EQ(HugePageTunables(nullptr, nullptr, "2.36", "always madvise [never]"), std::nullopt);
  EXPECT_EQ(HugePageTunables(nullptr, nullptr, "2.36", ""), std::nullopt);
}

// The report's reading of the environment: the tunable as a whole item of the list.
TEST(HugePageMallocRequested, ReadsTheTunableAsAWholeItem) {
  const char* before = std::getenv("GLIBC_TUNABLES");
  const std::string saved = before ? before : "";
  for (const auto& [value, asked] : std::vector<std::pair<std::string, bool>>{
           {"glibc.malloc.hugetlb=1", true},
           {"glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1", true},
           {"glibc.malloc.hugetlb=10", false},
           {"glibc.malloc.hugetlb=0", false},
           {"", false}}) {
    setenv("GLIBC_TUNABLES", value.c_str(), 1);
    EXPECT_EQ(HugePageMallocRequested(), asked) << value;
  }
  if (before) {
    setenv("GLIBC_TUNABLES", saved.c_str(), 1);
  } else {
    unsetenv("GLIBC_TUNABLES");
  }
}

}  // namespace
}  // namespace notestore::util
