// The hostile corpus: no crash, no hang, a diagnostic per bad file, every good note kept.
#include "support/hostile_vault.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "notestore/notestore.h"
#include "support/test_support.h"

namespace notestore {
namespace {

TEST(HostileVault, EveryBadFileIsDiagnosedAndEveryGoodNoteIngested) {
  testing::TempDir dir;
  const std::string vault = dir.Join("vault");
  std::filesystem::create_directories(vault);
  const std::vector<testing::HostileCase> cases = testing::WriteHostileVault(vault, 50);
  const std::string db = dir.Join("h.db");
  const auto start = std::chrono::steady_clock::now();
  const IngestReport report = Store::open(db).ingest(vault);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("hostile vault: %lld files, %lld parsed, %lld failed, %.2f s\n",
              static_cast<long long>(report.files_seen),
              static_cast<long long>(report.files_parsed),
              static_cast<long long>(report.files_failed), seconds);

  for (const testing::HostileCase& c : cases) {
    if (c.expected_code.empty()) continue;
    EXPECT_EQ(testing::QueryValue(db, "SELECT count(*) > 0 FROM diagnostics WHERE code = " +
                                          testing::SqlQuote(c.expected_code)),
              "1")
        << c.what << " (" << c.path << ")";
  }
  // All good notes, and their tasks, are there and queryable.
  Store store = Store::open(db);
  TaskQuery q;
  q.text_contains = "good task";
  EXPECT_EQ(store.tasks(q).size(), 50u);
  EXPECT_EQ(store.search("good").size(), 20u);  // The default page of 20 hits.
  EXPECT_EQ(testing::QueryValue(db, "PRAGMA integrity_check"), "ok");
  // The bad files that are still notes are stored, whatever they hold.
  for (const char* path :
       {"invalid utf8.md", "long frontmatter.md", "deep lists.md", "deep quotes.md",
        "unterminated.md", "not yaml.md", "alias bomb.md", "duplicate keys.md", "empty.md",
        "all tasks.md", "long line.md", "crlf only.md", "one line lists.md", "deep yaml.md",
        "wide table.md", "padded table.md", "long rows.md",
        "name with spaces 'quotes' \"double\" 😀.md"}) {
    EXPECT_EQ(testing::QueryValue(
                  db, "SELECT count(*) FROM notes WHERE path = " + testing::SqlQuote(path)),
              "1")
        << path;
  }
  EXPECT_EQ(testing::QueryValue(db,
                                "SELECT count(*) FROM tasks t JOIN notes n ON n.id = t.note_id "
                                "WHERE n.path = 'all tasks.md'"),
            "20000");
  // From the command line, the same vault is a success: exit status 0.
  const testing::CommandResult cli =
      testing::RunCommand(std::string(NOTESTORE_CLI) + " ingest " + testing::ShellQuote(vault) +
                          " --db " + testing::ShellQuote(dir.Join("cli.db")) + " --quiet");
  EXPECT_EQ(cli.exit_code, 0) << cli.out;
  EXPECT_EQ(testing::QueryValue(dir.Join("cli.db"), "SELECT count(*) FROM notes"),
            testing::QueryValue(db, "SELECT count(*) FROM notes"));
}

}  // namespace
}  // namespace notestore
