// The notestore binary, run as a user would: output, exit codes, JSON.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace notestore {
namespace {

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

RunResult RunCli(const std::string& args) {
  const std::string cmd = std::string(NOTESTORE_CLI) + " " + args + " 2>&1";
  RunResult r;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  const int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string Quote(const std::string& s) { return "'" + s + "'"; }

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
