// The notestore binary, run as a user would: output, exit codes, JSON.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/test_support.h"
#include "util/huge_page_malloc.h"

#if defined(__GLIBC__)
#include <gnu/libc-version.h>
#endif

namespace notestore {
namespace {

using RunResult = testing::CommandResult;

RunResult RunCli(const std::string& args) {
  return testing::RunCommand(std::string(NOTESTORE_CLI) + " " + args);
}

std::string Quote(const std::string& s) { return testing::ShellQuote(s); }

TEST(Cli, IngestPrintsASummary) {
  testing::TempDir dir;
  const RunResult r = RunCli("ingest " + Quote(testing::FixturePath("vault")) + " --db " +
                             Quote(dir.Join("v.db")) + " --me 'Dana Whitfield'");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("10 seen, 10 parsed, 0 unchanged, 0 removed, 0 failed"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("3 meetings, 5 people, 1 accounts, 24 tasks, 4 decisions"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("1 errors, 1 warnings, 1 notes"), std::string::npos) << r.out;
  const RunResult again =
      RunCli("ingest " + Quote(testing::FixturePath("vault")) + " --db " + Quote(dir.Join("v.db")));
  EXPECT_NE(again.out.find("10 seen, 0 parsed, 10 unchanged"), std::string::npos) << again.out;
}

TEST(Cli, IngestJsonReport) {
  testing::TempDir dir;
  const RunResult r = RunCli("ingest " + Quote(testing::FixturePath("vault")) + " --db " +
                             Quote(dir.Join("v.db")) + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["files_seen"], 10);
  EXPECT_EQ(j["table_rows"]["tasks"], 24);
  EXPECT_EQ(j["diagnostics"]["error"], 1);
  // Each step's seconds, keyed by name, in the order they ran.
  ASSERT_TRUE(j["steps"].is_object());
  EXPECT_EQ(nlohmann::ordered_json::parse(r.out)["steps"].begin().key(), "scan");
  EXPECT_TRUE(j["steps"].contains("meetings"));
  EXPECT_GE(j["steps"]["write"].get<double>(), 0.0);
}

// `ingest` and `watch` run themselves again with malloc's huge pages asked for, where the
// kernel gives them only to memory that asks (util/huge_page_malloc.h); the same process
// (pid) then holds the tunable in its environment. NOTESTORE_HUGE_PAGES=0 keeps it as is.
TEST(Cli, WatchRunsWithMallocsHugePagesWhereTheyHelp) {
#if !defined(__GLIBC__)
  GTEST_SKIP() << "only glibc has the tunable";
#else
  std::string modes;
  std::getline(std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled"), modes);
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  const std::optional<std::string> expected = util::HugePageTunables(
      tunables, std::getenv(util::kHugePagesVariable), gnu_get_libc_version(), modes);
  testing::TempDir dir;
  dir.Write("v/a.md", "# Alpaca\n");
  // GLIBC_TUNABLES as the watching process holds it, read from /proc once it has synced.
  auto watched_tunables = [&](const std::string& env) {
    const std::string out = Quote(dir.Join("out.txt"));
    std::remove(dir.Join("out.txt").c_str());
    const RunResult r = testing::RunCommand(
        env + " " + Quote(NOTESTORE_CLI) + " watch " + Quote(dir.Join("v")) + " --db " +
        Quote(dir.Join("w.db")) + " --json > " + out + " & pid=$!; " +
        "for i in $(seq 600); do [ -s " + out + " ] && break; sleep 0.1; done; " +
        "tr '\\0' '\\n' < /proc/$pid/environ | grep '^GLIBC_TUNABLES='; " +
        "kill -INT $pid; wait $pid; echo exit=$?");
    EXPECT_NE(r.out.find("exit=0"), std::string::npos) << r.out;
    return r.out.substr(0, r.out.find("exit="));
  };
  const std::string as_it_was = tunables ? "GLIBC_TUNABLES=" + std::string(tunables) + "\n" : "";
  EXPECT_EQ(watched_tunables(std::string(util::kHugePagesVariable) + "=0"), as_it_was);
  if (!expected) GTEST_SKIP() << "huge pages for malloc would not help here: " << modes;
  EXPECT_EQ(watched_tunables(""), "GLIBC_TUNABLES=" + *expected + "\n");
#endif
}

TEST(Cli, ExtensionsOption) {
  testing::TempDir dir;
  dir.Write("v/a.md", "- [ ] one\n");
  dir.Write("v/b.markdown", "- [ ] two\n");
  dir.Write("v/c.txt", "- [ ] three\n");
  const RunResult r = RunCli("ingest " + Quote(dir.Join("v")) + " --db " + Quote(dir.Join("v.db")) +
                             " --ext md,markdown --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(nlohmann::json::parse(r.out)["files_seen"], 2);
}

TEST(Cli, UsageErrorsExitWithTwoAndOneLine) {
  testing::TempDir dir;
  for (const std::string& args :
       {std::string("ingest /no/such/vault --db ") + Quote(dir.Join("x.db")),
        std::string("ingest ") + Quote(dir.path()),  // no --db
        std::string("ingest ") + Quote(dir.path()) + " --db x.db --bogus",
        std::string("ingest ") + Quote(dir.path()) + " --db x.db --parser-nice 20",
        std::string("frobnicate")}) {
    const RunResult r = RunCli(args);
    EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.out;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << args << "\n" << r.out;
  }
}

TEST(Cli, NotANotestoreDatabaseExitsWithOne) {
  testing::TempDir dir;
  dir.Write("junk.db", "this is not a database, just text that is long enough to be read...");
  const RunResult r = RunCli("ingest " + Quote(testing::FixturePath("vault")) + " --db " +
                             Quote(dir.Join("junk.db")));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("notestore: "), std::string::npos);
}

}  // namespace
}  // namespace notestore

namespace notestore {
namespace {

// The read commands against a database built once from the fixture vault.
class CliQueries : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    db_ = testing::IngestFixtureVault(*dir_);
  }
  static void TearDownTestSuite() { delete dir_; }
  static RunResult Cmd(const std::string& args) { return RunCli(args + " --db " + Quote(db_)); }
  static nlohmann::json JsonOf(const std::string& args) {
    const RunResult r = Cmd(args + " --json");
    EXPECT_EQ(r.exit_code, 0) << args << "\n" << r.out;
    return nlohmann::json::parse(r.out);
  }

  static testing::TempDir* dir_;
  static std::string db_;
};
testing::TempDir* CliQueries::dir_ = nullptr;
std::string CliQueries::db_;

TEST_F(CliQueries, TasksJsonUsesTheSchemaColumnNames) {
  const nlohmann::json tasks = JsonOf("tasks --owner PR");
  ASSERT_EQ(tasks.size(), 3u);
  const nlohmann::json& t = tasks[1];
  EXPECT_EQ(t["text"], "Send the pilot scope to Harborline");
  EXPECT_EQ(t["owner"], "Priya Raman");
  EXPECT_EQ(t["owner_name"], "Priya");
  EXPECT_EQ(t["path"], "Meetings/2024-03-05 Harbor kickoff.md");
  EXPECT_EQ(t["due"], "2024-03-15");
  EXPECT_EQ(t["priority"], "high");
  EXPECT_EQ(t["status"], "open");
  EXPECT_EQ(t["status_char"], " ");
  EXPECT_EQ(t["line"], 18);
  EXPECT_TRUE(t["scheduled"].is_null());
  EXPECT_EQ(JsonOf("tasks --status done,cancelled").size(), 4u);
  EXPECT_EQ(JsonOf("tasks --account harborline --priority high").size(), 2u);
  EXPECT_EQ(JsonOf("tasks --due-before 2024-03-14").size(), 2u);
  EXPECT_EQ(JsonOf("tasks --overdue --as-of 2024-03-15").size(), 2u);
  EXPECT_EQ(JsonOf("tasks --tag area").size(), 1u);
  EXPECT_EQ(JsonOf("tasks --unowned --note Projects/Lighthouse.md").size(), 2u);
  EXPECT_EQ(JsonOf("tasks --order priority --limit 1")[0]["text"],
            "Send the pilot scope to Harborline");
}

TEST_F(CliQueries, MeetingsDecisionsPeopleAccounts) {
  const nlohmann::json meetings = JsonOf("meetings --person lena");
  ASSERT_EQ(meetings.size(), 2u);
  EXPECT_EQ(meetings[0]["attendees"],
            (nlohmann::json{"Priya Raman", "Dana Whitfield", "Lena Ortiz"}));
  EXPECT_EQ(JsonOf("meetings --from 2024-03-10 --to 2024-03-12").size(), 1u);
  const nlohmann::json decisions = JsonOf("decisions --account Harborline");
  ASSERT_EQ(decisions.size(), 4u);
  EXPECT_EQ(decisions[3]["path"], "Customers/Harborline.md");
  EXPECT_TRUE(decisions[3]["date"].is_null());
  EXPECT_EQ(JsonOf("people").size(), 5u);
  EXPECT_EQ(JsonOf("accounts")[0]["status"], "Prospect");
  EXPECT_EQ(JsonOf("facts --kind risk").size(), 1u);
  EXPECT_EQ(JsonOf("diagnostics --severity error").size(), 1u);
}

TEST_F(CliQueries, ProfilesAndShowPrintOneObject) {
  const nlohmann::json p = JsonOf("person 'priya r.'");
  ASSERT_TRUE(p.is_object());
  EXPECT_EQ(p["name"], "Priya Raman");
  EXPECT_EQ(p["open_tasks"].size(), 3u);
  EXPECT_EQ(p["meetings"].size(), 2u);
  EXPECT_EQ(p["accounts"][0]["name"], "Harborline");
  const nlohmann::json a = JsonOf("account HARBORLINE");
  EXPECT_EQ(a["people"].size(), 5u);
  EXPECT_EQ(a["facts"].size(), 5u);
  const nlohmann::json n = JsonOf("show Customers/Harborline.md");
  EXPECT_EQ(n["title"], "Harborline");
  EXPECT_EQ(n["backlinks"].size(), 4u);
  EXPECT_EQ(n["decisions"].size(), 1u);
}

TEST_F(CliQueries, SearchJsonAndHumanOutput) {
  const nlohmann::json hits = JsonOf("search rotterdam --kind decision");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0]["kind"], "decision");
  EXPECT_EQ(hits[0]["line"], 27);
  EXPECT_EQ(JsonOf("search 'Khan \"Channel'").size(), 0u);
  const RunResult human = Cmd("search rotterdam");
  EXPECT_EQ(human.exit_code, 0);
  EXPECT_NE(human.out.find("Harborline kickoff"), std::string::npos) << human.out;
}

TEST_F(CliQueries, HumanTablesFitTheWidth) {
  const RunResult r = RunCli("tasks --db " + Quote(db_) + " | cat");  // Not a terminal...
  EXPECT_EQ(r.exit_code, 0);
  const std::string cmd = "COLUMNS=60 " + std::string(NOTESTORE_CLI) + " tasks --db " + Quote(db_);
  FILE* pipe = popen(cmd.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char line[4096];
  int lines = 0;
  while (fgets(line, sizeof line, pipe)) {
    std::string l(line);
    if (!l.empty() && l.back() == '\n') l.pop_back();
    size_t chars = 0;
    for (char c : l) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    EXPECT_LE(chars, 60u) << l;
    ++lines;
  }
  pclose(pipe);
  EXPECT_EQ(lines, 26);  // Header, rule, 24 tasks.
}

TEST_F(CliQueries, BadInputIsOneLineAndExitTwo) {
  for (const std::string& args :
       {std::string("tasks --owner Nobody"), std::string("tasks --status bogus"),
        std::string("tasks --due-before 2024-13-01"), std::string("tasks --priority urgent"),
        std::string("meetings --from yesterday"), std::string("person Zed"),
        std::string("account Nope"), std::string("show Lighthouse"),
        std::string("search 'pilot AND'"), std::string("search --kind memo pilot"),
        std::string("tasks --order random")}) {
    const RunResult r = Cmd(args);
    EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.out;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << args << "\n" << r.out;
  }
  const RunResult missing = RunCli("people --db /no/such.db");
  EXPECT_EQ(missing.exit_code, 2) << missing.out;
}

// The acceptance commands on the user's sample vault.
TEST(CliSampleVault, AcceptanceQueries) {
  const auto vault = testing::SharedPath("sample-vault");
  if (!vault) GTEST_SKIP() << "../shared/sample-vault is absent";
  testing::TempDir dir;
  const std::string db = Quote(dir.Join("s.db"));
  ASSERT_EQ(
      RunCli("ingest " + Quote(*vault) + " --db " + db + " --me 'Jason Vallery' -q").exit_code, 0);
  auto json = [&](const std::string& args) {
    const RunResult r = RunCli(args + " --db " + db + " --json");
    EXPECT_EQ(r.exit_code, 0) << args << "\n" << r.out;
    return nlohmann::json::parse(r.out);
  };
  const nlohmann::json sam = json("tasks --owner 'Sam Hopewell'");
  ASSERT_EQ(sam.size(), 4u);
  for (const auto& t : sam) EXPECT_EQ(t["owner"], "Sam Hopewell");
  // Both 2025-09-18 notes; they are one meeting written up twice, so without --all the
  // repeat is left out.
  const nlohmann::json jack = json("meetings --person 'Jack Kabat' --all");
  ASSERT_EQ(jack.size(), 2u);
  for (const auto& m : jack) EXPECT_EQ(m["date"], "2025-09-18");
  EXPECT_EQ(json("meetings --person 'Jack Kabat'").size(), 1u);
  const nlohmann::json decisions = json("decisions --account CoreWeave");
  ASSERT_EQ(decisions.size(), 2u);
  for (const auto& d : decisions) EXPECT_EQ(d["path"], "Customers/CoreWeave.md");
  const nlohmann::json hits = json("search 'global namespace'");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0]["kind"], "note");
  EXPECT_EQ(hits[0]["path"].get<std::string>().rfind("Meetings/", 0), 0u) << hits[0];
  EXPECT_NO_THROW(json("search 'Khan \"Channel'"));
}

}  // namespace
}  // namespace notestore

namespace notestore {
namespace {

RunResult FixText(const std::string& input_file) {
  return RunCli("fix-text < " + Quote(input_file));
}

TEST(CliFixText, RepairsAndOtherwiseChangesNothingByteForByte) {
  testing::TempDir dir;
  const std::string mangled =
      "Azureâ€™s stack\r\n- [ ] Plan ğŸ“… 2025-10-26 â« #task\n\xEF\xBB\xBF Nov 4‚Äì6 üìÖ\n";
  const RunResult fixed = FixText(dir.Write("in.txt", mangled));
  EXPECT_EQ(fixed.exit_code, 0);
  EXPECT_EQ(fixed.out,
            "Azure’s stack\r\n- [ ] Plan 📅 2025-10-26 ⏫ #task\n\xEF\xBB\xBF Nov 4–6 📅\n");
  // Correct text, CRLF, a BOM, bytes that are not UTF-8 and NUL bytes pass through as-is.
  const std::string correct = std::string(
      "\xEF\xBB\xBF"
      "café “ok” √2 ≈ π 😀 Привет\r\n\xFF\xC3(\0end",
      45);
  EXPECT_EQ(FixText(dir.Write("ok.txt", correct)).out, correct);
  const RunResult explained = RunCli("fix-text --explain < " + Quote(dir.Join("in.txt")));
  EXPECT_NE(explained.out.find(
                "repaired 5 character(s) mis-decoded as MacRoman, Windows-1252, Windows-1254"),
            std::string::npos)
      << explained.out;
}

}  // namespace
}  // namespace notestore

namespace notestore {
namespace {

TEST(CliDuplicates, ListsGroupsAndSearchAllShowsRepeats) {
  testing::TempDir dir;
  const std::string db = Quote(dir.Join("d.db"));
  ASSERT_EQ(RunCli("ingest " + Quote(testing::FixturePath("duplicates")) + " --db " + db +
                   " --me 'Dana Whitfield' -q")
                .exit_code,
            0);
  const RunResult r = RunCli("duplicates --db " + db + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const nlohmann::json groups = nlohmann::json::parse(r.out);
  ASSERT_EQ(groups.size(), 6u);
  EXPECT_EQ(groups[0]["kind"], "meeting");
  EXPECT_EQ(groups[0]["canonical"]["text"], "Orbit launch review");
  EXPECT_EQ(groups[0]["duplicates"][0]["path"], "Meetings/2024-06-10 - Launch review notes.md");
  EXPECT_EQ(
      nlohmann::json::parse(RunCli("duplicates --kind decision --json --db " + db).out).size(), 2u);
  EXPECT_EQ(nlohmann::json::parse(RunCli("search launch --json --db " + db).out).size(), 6u);
  EXPECT_EQ(nlohmann::json::parse(RunCli("search launch --all --json --db " + db).out).size(), 10u);
  const RunResult show = RunCli("show 'Launch review notes' --db " + db);
  EXPECT_NE(show.out.find("Duplicates"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("= Send vendor the revised checklist for launch"), std::string::npos)
      << show.out;
}

}  // namespace
}  // namespace notestore
