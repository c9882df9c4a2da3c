#include "scan/vault_scanner.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
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
  for (const std::string& rel :
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

// A folder large enough to be stat'ed on two threads gives what one thread gives: every
// note in order with its own size, its subfolder walked, a link to nothing reported
// (on either thread's half), other files left out, and a name that is not UTF-8 marked.
TEST(ScanVault, ALargeFolderStatedOnTwoThreadsGivesEveryNoteInOrder) {
  testing::TempDir dir;
  std::vector<std::string> expected;
  for (int i = 0; i < 1500; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "big/n%04d.md", i);
    dir.Write(name, std::string(static_cast<size_t>(i % 97) + 1, 'x'));
    expected.push_back(name);
  }
  dir.Write("big/sub/inner.md", "# inner\n");
  dir.Write("big/n0700.txt", "not a note");
  dir.Write("big/bad\xFF.md", "# bad name\n");
  ASSERT_EQ(symlink("nowhere.md", dir.Join("big/a-broken.md").c_str()), 0);
  ASSERT_EQ(symlink("nowhere.md", dir.Join("big/z-broken.md").c_str()), 0);
  expected.insert(expected.begin(), "big/bad\xEF\xBF\xBD.md");
  expected.push_back("big/sub/inner.md");

  const ScanResult r = ScanVault(dir.path(), {});
  ASSERT_EQ(Paths(r), expected);
  for (size_t i = 1; i <= 1500; ++i) {
    EXPECT_EQ(r.files[i].size, static_cast<int64_t>((i - 1) % 97) + 1) << r.files[i].rel_path;
    EXPECT_TRUE(r.files[i].diagnostics.empty());
  }
  ASSERT_EQ(r.files[0].diagnostics.size(), 1u);
  EXPECT_EQ(r.files[0].diagnostics[0].code, "path-not-utf8");
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_EQ(r.problems[0].rel_path, "big/a-broken.md");
  EXPECT_EQ(r.problems[1].rel_path, "big/z-broken.md");
  for (const ScanProblem& p : r.problems) EXPECT_EQ(p.diagnostic.code, "broken-symlink");
}

}  // namespace
}  // namespace notestore::scan
