#include "scan/vault_scanner.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "support/test_support.h"

namespace notestore::scan {
namespace {

std::vector<std::string> Paths(const ScanResult& r) {
  std::vector<std::string> out;
  for (const ScannedFile& f : r.files) out.push_back(f.rel_path);
  return out;
}

// Files come back sorted bytewise across folders ("a b/x" before "a/x"), notes only,
// dot-folders left out; whatever room the caller asks for, the same list.
TEST(ScanVault, NotesSortedAcrossFoldersWithoutDotFolders) {
  testing::TempDir dir;
  for (const char* rel : {"b.md", "a/x.md", "a b/x.md", "Z.MD", "a/notes.txt", ".obsidian/c.md",
                          "a/.hidden.md", "a/deeper/y.md"}) {
    dir.Write(rel, "# note\n");
  }
  const std::vector<std::string> expected = {"Z.MD", "a b/x.md", "a/deeper/y.md", "a/x.md", "b.md"};
  for (size_t room : {0, 2, 1000}) {
    ScanOptions options;
    options.expected_files = room;
    const ScanResult r = ScanVault(dir.path(), options);
    EXPECT_EQ(Paths(r), expected) << room;
    EXPECT_TRUE(r.problems.empty());
  }
}

// Two names that differ only in bytes that are not UTF-8 show as one path: the first
// keeps it, the other is a problem, and the files after them stay in order.
TEST(ScanVault, NamesThatMeetOnceMadeValidKeepTheFirst) {
  testing::TempDir dir;
  for (const std::string rel :
       {std::string("a\xFF.md"), std::string("a\xFE.md"), std::string("A.md"), std::string("b.md"),
        std::string("c\xFF.md")}) {
    dir.Write(rel, "# note\n");
  }
  const ScanResult r = ScanVault(dir.path(), {});
  EXPECT_EQ(Paths(r),
            (std::vector<std::string>{"A.md", "a\xEF\xBF\xBD.md", "b.md", "c\xEF\xBF\xBD.md"}));
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].rel_path, "a\xEF\xBF\xBD.md");
  EXPECT_EQ(r.problems[0].diagnostic.code, "duplicate-path");
  // The one kept is the first in byte order of the real names (0xFE before 0xFF).
  EXPECT_EQ(r.files[1].abs_path, dir.Join("a\xFE.md"));
  EXPECT_EQ(r.files[3].abs_path, dir.Join("c\xFF.md"));
}

}  // namespace
}  // namespace notestore::scan
