// Helpers shared by the tests: temporary folders, reading rows back with SQL, and the
// paths of the project's fixtures and of the shared corpora (which may be absent).
#ifndef NOTESTORE_TESTS_SUPPORT_TEST_SUPPORT_H_
#define NOTESTORE_TESTS_SUPPORT_TEST_SUPPORT_H_

#include <optional>
#include <string>
#include <vector>

namespace notestore::testing {

// A fresh folder under $TMPDIR, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string Join(const std::string& rel) const { return path_ + "/" + rel; }
  // Writes `content` to `rel` (creating folders); returns the absolute path.
  std::string Write(const std::string& rel, const std::string& content) const;
  void Remove(const std::string& rel) const;

 private:
  std::string path_;
};

// Copies a folder tree (files and folders only).
void CopyTree(const std::string& from, const std::string& to);

std::string FixturePath(const std::string& rel);   // tests/fixtures/<rel>
std::string ExamplesPath(const std::string& rel);  // examples/<rel>
// ../shared/<rel> when it exists; nothing on a clone without the shared folder.
std::optional<std::string> SharedPath(const std::string& rel);

using Row = std::vector<std::string>;
// Runs `sql` on the database at `db_path`; NULL reads as "NULL", numbers as decimals.
std::vector<Row> Query(const std::string& db_path, const std::string& sql);
// The single value of a one-row, one-column query.
std::string QueryValue(const std::string& db_path, const std::string& sql);
// `text` as an SQL string literal ('it''s'), for tests that build SQL from paths.
std::string SqlQuote(const std::string& text);

// Every row of every table with surrogate ids replaced by natural keys (paths, lines,
// names), sorted: two databases with equal dumps hold the same knowledge.
std::string CanonicalDump(const std::string& db_path);
// "" when two dumps are equal; otherwise where they first differ, with a few lines of
// each. (Comparing megabyte dumps with EXPECT_EQ makes GoogleTest diff them line by line,
// in memory quadratic in their size.)
std::string DumpDifference(const std::string& actual, const std::string& expected);

// Turns a database of the current schema back into one of schema `version` (its data
// kept), as an older notestore would have left it, to test upgrades.
void DowngradeSchema(const std::string& db_path, int version);

// What is wrong with the store at `db_path` beyond its content: rows that refer to
// missing rows (PRAGMA foreign_key_check), a search index out of step with its tables,
// a vault-wide pass still owed. Empty when consistent.
std::vector<std::string> InvariantViolations(const std::string& db_path);
// "" when search_terms holds every term of the search index (store/search_terms.h), as
// it must after every committed transaction; else how many it lacks, and one of them.
std::string SearchTermsLacking(const std::string& db_path);

std::string ReadFileText(const std::string& path);

// Runs `command` with /bin/sh; stdout and stderr are captured together.
struct CommandResult {
  int exit_code = -1;  // -1 when killed by a signal.
  std::string out;
};
CommandResult RunCommand(const std::string& command);
// `text` quoted for /bin/sh.
std::string ShellQuote(const std::string& text);

// Ingests tests/fixtures/vault (with --me "Dana Whitfield") into `dir`; returns the
// database path.
std::string IngestFixtureVault(const TempDir& dir);

}  // namespace notestore::testing

#endif  // NOTESTORE_TESTS_SUPPORT_TEST_SUPPORT_H_
