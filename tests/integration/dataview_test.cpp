// Dataview queries run on a store: each construct on tests/fixtures/dataview-vault with
// its exact result, the seed notes' queries on the shared sample vault, every query of
// the shared Dataview test vault, `render`, and the CLI.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>

#include "notestore/notestore.h"
#include "support/test_support.h"

namespace notestore {
namespace {

class DataviewTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    db_ = dir_->Join("dv.db");
    Store::open(db_).ingest(testing::FixturePath("dataview-vault"));
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  static DataviewResult Run(const std::string& query, const std::string& note = "") {
    OpenOptions read_only;
    read_only.read_only = true;
    return Store::open(db_, read_only).dataview(query, note);
  }

  // The first column of each row (the note, or the key), joined by "; ".
  static std::string Ids(const std::string& query, const std::string& note = "") {
    std::string out;
    for (const auto& row : Run(query, note).rows) out += (out.empty() ? "" : "; ") + row.at(0);
    return out;
  }

  static std::string Rows(const DataviewResult& r) {
    std::string out;
    for (const auto& row : r.rows) {
      std::string line;
      for (const std::string& cell : row) line += (line.empty() ? "" : " | ") + cell;
      out += line + "\n";
    }
    return out;
  }

  // "Heading: status text; status text" per task group.
  static std::string Tasks(const std::string& query) {
    std::string out;
    for (const DataviewTaskGroup& g : Run(query).task_groups) {
      out += g.heading + ":";
      for (const DataviewTask& t : g.tasks) out += " [" + t.status + "] " + t.text + ";";
      out += "\n";
    }
    return out;
  }

  static testing::TempDir* dir_;
  static std::string db_;
};

testing::TempDir* DataviewTest::dir_ = nullptr;
std::string DataviewTest::db_;

const char* const kAtlas = "[[Projects/Atlas|Atlas]]";
const char* const kBeacon = "[[Projects/Beacon|Beacon]]";
const char* const kComet = "[[Projects/Archive/Comet|Comet]]";

TEST_F(DataviewTest, FromFoldersTagsLinksAndTheirCombinations) {
  EXPECT_EQ(Ids("LIST FROM \"Projects\""), std::string(kComet) + "; " + kAtlas + "; " + kBeacon);
  EXPECT_EQ(Ids("LIST FROM \"Projects/Atlas.md\""), kAtlas);  // A file.
  EXPECT_EQ(Ids("LIST FROM #work/projects"), std::string(kAtlas) + "; " + kBeacon);
  EXPECT_EQ(Ids("LIST FROM #work"), std::string(kAtlas) + "; " + kBeacon);  // Nested tags.
  EXPECT_EQ(Ids("LIST FROM #wor"), "");                                     // Not a prefix match.
  EXPECT_EQ(Ids("LIST FROM \"Projects\" AND -#archive"), std::string(kAtlas) + "; " + kBeacon);
  EXPECT_EQ(Ids("LIST FROM #q4 OR #archive"), std::string(kComet) + "; " + kAtlas);
  EXPECT_EQ(Ids("LIST FROM -\"Projects\" AND -\"Daily\" AND -\"Dashboard.md\""),
            "[[Accounts/Harbor Labs|Harbor Labs]]; [[People/Mina Ortiz|Mina Ortiz]]");
  // [[Atlas]]: the notes that link to Atlas; outgoing(): those Atlas links to.
  EXPECT_EQ(Ids("LIST FROM [[Atlas]]"),
            "[[Accounts/Harbor Labs|Harbor Labs]]; [[People/Mina Ortiz|Mina Ortiz]]; " +
                std::string(kBeacon));
  EXPECT_EQ(Ids("LIST FROM outgoing([[Atlas]])"),
            "[[Accounts/Harbor Labs|Harbor Labs]]; [[People/Mina Ortiz|Mina Ortiz]]");
  EXPECT_EQ(Ids("LIST FROM [[]]", "Projects/Beacon.md"), "");  // Nothing links to Beacon.
  EXPECT_EQ(Ids("LIST FROM outgoing([[]])", "Beacon"), kAtlas);
  EXPECT_NE(Run("LIST FROM #work").from_sql.find("FROM tags"), std::string::npos);
}

TEST_F(DataviewTest, WhereSortLimitAndFields) {
  EXPECT_EQ(Ids("LIST FROM \"Projects\" WHERE status = \"active\""), kAtlas);
  EXPECT_EQ(Ids("LIST FROM \"Projects\" WHERE priority >= 2 AND status != \"done\""), kAtlas);
  EXPECT_EQ(Ids("LIST WHERE contains(file.tags, \"#q4\")"), kAtlas);
  EXPECT_EQ(Ids("LIST WHERE due AND due < date(2026-02-01)"), kAtlas);
  EXPECT_EQ(Ids("LIST FROM \"Projects\" SORT file.name LIMIT 2"),
            std::string(kAtlas) + "; " + kBeacon);
  // Inline fields, by any case; [[links]] in them are links; numbers compute.
  EXPECT_EQ(Rows(Run("LIST lead FROM \"Projects\" WHERE lead")),
            std::string(kAtlas) + " | [[People/Mina Ortiz|Mina Ortiz]]\n");
  EXPECT_EQ(Rows(Run("LIST budget * 2 WHERE budget")), std::string(kAtlas) + " | 2400\n");
  EXPECT_EQ(Ids("LIST WHERE mood = \"calm\""), "[[Daily/2025-12-02|2025-12-02]]");
  EXPECT_EQ(Rows(Run("TABLE WITHOUT ID file.day, file.aliases, file.tags FROM \"Daily\" OR "
                     "\"Projects/Atlas.md\"")),
            "December 02, 2025 |  | #followup\n- | Atlas Launch | #work, #work/projects, #q4\n");
  // `this` is the note holding the query.
  EXPECT_EQ(Ids("LIST WHERE contains(file.outlinks, this.file.link)", "Atlas"),
            "[[Accounts/Harbor Labs|Harbor Labs]]; [[People/Mina Ortiz|Mina Ortiz]]; " +
                std::string(kBeacon));
  EXPECT_EQ(Ids("LIST WHERE file = this.file", "Beacon"), kBeacon);
  EXPECT_EQ(Ids("LIST WHERE [[Atlas]].status = \"active\" AND file.name = \"Comet\""), kComet);
}

TEST_F(DataviewTest, ImplicitFileFields) {
  EXPECT_EQ(Rows(Run("TABLE WITHOUT ID file.path, file.folder, file.ext, file.size > 0, "
                     "file.frontmatter.status, length(file.tasks), file.outlinks, "
                     "length([[Atlas]].file.inlinks) FROM \"Projects/Beacon.md\"")),
            "Projects/Beacon.md | Projects | md | true | paused | 2 | [[Projects/Atlas|Atlas]] | "
            "3\n");
  // mtime is a date and time; mday its day.
  EXPECT_EQ(Rows(Run("TABLE WITHOUT ID typeof(file.mtime), file.mday = striptime(file.mtime) "
                     "FROM \"Projects/Beacon.md\"")),
            "date | true\n");
  // Several sort keys: status ascending, then name descending.
  EXPECT_EQ(Rows(Run("TABLE WITHOUT ID type, file.name WHERE type SORT type ASC, file.name DESC")),
            "account | Harbor Labs\nperson | Mina Ortiz\nproject | Comet\nproject | Beacon\n"
            "project | Atlas\n");
}

TEST_F(DataviewTest, TablesWithNamesGroupsAndFlatten) {
  DataviewResult r = Run("TABLE status, priority AS \"Rank\" FROM \"Projects\" SORT priority DESC");
  EXPECT_EQ(r.type, DataviewResult::Type::kTable);
  EXPECT_EQ(r.columns, (std::vector<std::string>{"File", "status", "Rank"}));
  EXPECT_EQ(Rows(r), std::string(kComet) + " | done | 3\n" + kAtlas + " | active | 2\n" + kBeacon +
                         " | paused | 1\n");
  EXPECT_EQ(r.markdown,
            "| File (3) | status | Rank |\n| --- | --- | --- |\n"
            "| [[Projects/Archive/Comet\\|Comet]] | done | 3 |\n"
            "| [[Projects/Atlas\\|Atlas]] | active | 2 |\n"
            "| [[Projects/Beacon\\|Beacon]] | paused | 1 |\n");

  r = Run("TABLE WITHOUT ID file.name AS Name, status FROM #work/projects SORT file.name DESC");
  EXPECT_EQ(r.columns, (std::vector<std::string>{"Name", "status"}));
  EXPECT_EQ(Rows(r), "Beacon | paused\nAtlas | active\n");

  r = Run("TABLE length(rows) AS Count, rows.file.name AS Names FROM \"Projects\" GROUP BY status");
  EXPECT_EQ(r.columns, (std::vector<std::string>{"status", "Count", "Names"}));
  EXPECT_EQ(Rows(r), "active | 1 | Atlas\ndone | 1 | Comet\npaused | 1 | Beacon\n");

  EXPECT_EQ(Rows(Run("LIST rows.file.name GROUP BY type")),
            "- | 2025-12-02, Dashboard\naccount | Harbor Labs\nperson | Mina Ortiz\n"
            "project | Comet, Atlas, Beacon\n");

  r = Run("TABLE tag FROM \"Projects/Atlas\" FLATTEN file.etags AS tag");
  EXPECT_EQ(Rows(r), std::string(kAtlas) + " | #work/projects\n" + kAtlas + " | #q4\n");
}

TEST_F(DataviewTest, TaskQueries) {
  // Open tasks by due date, nothing due first, grouped by note in that order.
  EXPECT_EQ(Tasks("TASK FROM \"\" WHERE !completed SORT due ASC"),
            std::string(kAtlas) +
                ": [ ] Review the budget [estimate:: 3]; [ ] Draft the launch plan @Mina Ortiz "
                "📅 2026-01-05 ⏫;\n" +
                kBeacon +
                ": [-] Try the old vendor again; [ ] Ship the beta 📅 2025-12-20;\n"
                "[[Daily/2025-12-02|2025-12-02]]: [?] Ask Harbor Labs about the contract 📅 "
                "2025-12-10 #followup;\n");
  EXPECT_EQ(Tasks("TASK WHERE completed"),
            std::string(kAtlas) + ": [x] Book the venue ✅ 2025-12-01;\n");
  EXPECT_EQ(Tasks("TASK WHERE completion = date(2025-12-01)"),
            std::string(kAtlas) + ": [x] Book the venue ✅ 2025-12-01;\n");
  EXPECT_EQ(Tasks("TASK WHERE status = \"?\""),
            "[[Daily/2025-12-02|2025-12-02]]: [?] Ask Harbor Labs about the contract 📅 "
            "2025-12-10 #followup;\n");
  EXPECT_EQ(Tasks("TASK WHERE owner = \"Mina Ortiz\" AND priority = \"high\""),
            std::string(kAtlas) + ": [ ] Draft the launch plan @Mina Ortiz 📅 2026-01-05 ⏫;\n");
  EXPECT_EQ(Tasks("TASK WHERE estimate > 2"),
            std::string(kAtlas) + ": [ ] Review the budget [estimate:: 3];\n");
  EXPECT_EQ(Tasks("TASK WHERE contains(tags, \"#followup\")"),
            "[[Daily/2025-12-02|2025-12-02]]: [?] Ask Harbor Labs about the contract 📅 "
            "2025-12-10 #followup;\n");
  EXPECT_EQ(Tasks("TASK FROM \"Projects\" WHERE due < date(2026-01-01) AND due"),
            std::string(kBeacon) + ": [ ] Ship the beta 📅 2025-12-20;\n");
  EXPECT_EQ(Tasks("TASK FROM \"Projects\" WHERE !checked GROUP BY file.name"),
            "Atlas: [ ] Draft the launch plan @Mina Ortiz 📅 2026-01-05 ⏫; [ ] Review the budget "
            "[estimate:: 3];\nBeacon: [ ] Ship the beta 📅 2025-12-20;\n");
  const DataviewResult r = Run("TASK WHERE completed");
  ASSERT_EQ(r.task_groups.size(), 1u);
  EXPECT_EQ(r.task_groups[0].tasks[0].path, "Projects/Atlas.md");
  EXPECT_EQ(r.task_groups[0].tasks[0].line, 19);
  EXPECT_EQ(r.markdown,
            "#### [[Projects/Atlas|Atlas]] (1)\n\n- [x] Book the venue ✅ 2025-12-01\n\n");
}

TEST_F(DataviewTest, ErrorsAndMissingNotes) {
  try {
    Run("LIST WHERE status = ");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kQuery);
    EXPECT_NE(std::string(e.what()).find("line 1, column 20: expected an expression"),
              std::string::npos);
  }
  try {
    Run("LIST", "No Such Note");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kNotFound);
  }
  try {
    Run("LIST FROM [[]]");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("--note"), std::string::npos);
  }
  // A link to a note that does not exist selects the notes linking to that name.
  EXPECT_EQ(Ids("LIST FROM [[Nowhere]]"), "");
}

TEST_F(DataviewTest, RenderReplacesEachBlockWithItsResult) {
  OpenOptions read_only;
  read_only.read_only = true;
  const std::string text = Store::open(db_, read_only).render("Dashboard");
  EXPECT_EQ(text.find("```dataview"), std::string::npos) << text;
  EXPECT_NE(text.find("Open work, soonest first:\n\n#### [[Projects/Atlas|Atlas]] (2)\n\n"
                      "- [ ] Review the budget [estimate:: 3]\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("| File (2) | Status | priority |\n| --- | --- | --- |\n"
                      "| [[Projects/Atlas\\|Atlas]] | active | 2 |\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("A broken one:\n\n> [!error] Dataview\n> dataview query, line 1, column"),
            std::string::npos)
      << text;
}

TEST_F(DataviewTest, CommandLine) {
  const testing::CommandResult list = testing::RunCommand(
      std::string(NOTESTORE_CLI) + " query 'LIST FROM #work SORT file.name DESC' --db " +
      testing::ShellQuote(db_));
  EXPECT_EQ(list.exit_code, 0) << list.out;
  EXPECT_EQ(list.out, "- [[Projects/Beacon|Beacon]]\n- [[Projects/Atlas|Atlas]]\n");
  const testing::CommandResult json =
      testing::RunCommand(std::string(NOTESTORE_CLI) +
                          " query 'TASK WHERE completed' --json --db " + testing::ShellQuote(db_));
  EXPECT_EQ(json.exit_code, 0) << json.out;
  EXPECT_NE(json.out.find("\"path\": \"Projects/Atlas.md\""), std::string::npos) << json.out;
  const testing::CommandResult bad = testing::RunCommand(
      std::string(NOTESTORE_CLI) + " query 'CALENDAR file.day' --db " + testing::ShellQuote(db_));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.out.find("CALENDAR queries are not supported"), std::string::npos) << bad.out;
  const testing::CommandResult piped =
      testing::RunCommand("printf 'LIST\\nFROM #work\\nSORT file.name\\n' | " +
                          std::string(NOTESTORE_CLI) + " query - --db " + testing::ShellQuote(db_));
  EXPECT_EQ(piped.out, "- [[Projects/Atlas|Atlas]]\n- [[Projects/Beacon|Beacon]]\n");
  const testing::CommandResult render = testing::RunCommand(
      std::string(NOTESTORE_CLI) + " render Projects/Beacon.md --db " + testing::ShellQuote(db_));
  EXPECT_EQ(render.exit_code, 0);
  EXPECT_EQ(render.out.rfind("# Beacon\n", 0), 0u) << render.out;
}

// Names in the vault that could trip the SQL or the fields: '_' in a tag is not a LIKE
// wildcard, a frontmatter key `file` does not hide the implicit one, links may carry a
// heading or the extension, and a hostile block renders as an error, not a failure.
TEST(DataviewEdges, TagsFieldsLinksAndHostileBlocks) {
  testing::TempDir dir;
  dir.Write("v/a.md", "---\ntags: [my_tag]\nfile: shadow\n---\n# A\nSee [[b#Part]].\n");
  dir.Write("v/b.md", "---\ntags: [myXtag/sub]\n---\n# B\n## Part\n");
  dir.Write("v/t.md",
            "# T\n- [ ] Plan ⏳ 2026-02-01 🛫 2026-01-20 ➕ 2026-01-02 🔺\n"
            "- [x] Parent\n    - [x] Child\n- [x] Done above\n    - [ ] Open below\n");
  dir.Write("v/r.md", "# R\n\n```dataview\nLIST FROM " + std::string(3000, '-') +
                          "#x\n```\n\n```dataview\nLIST FROM #my_tag\n```\n");
  const std::string db = dir.Join("e.db");
  Store store = Store::open(db);
  store.ingest(dir.Join("v"));
  auto ids = [&](const std::string& q) {
    std::string out;
    for (const auto& row : store.dataview(q).rows) out += row.at(0) + ";";
    return out;
  };
  EXPECT_EQ(ids("LIST FROM #my_tag"), "[[a]];");
  EXPECT_EQ(ids("LIST FROM #myXtag"), "[[b]];");
  EXPECT_EQ(ids("LIST WHERE file.name = \"a\""), "[[a]];");
  EXPECT_EQ(ids("LIST FROM [[b#Part]]"), "[[a]];");
  EXPECT_EQ(ids("LIST FROM [[b.md]]"), "[[a]];");
  // Links resolve as the store's own links do, from the note holding the query: a name
  // two notes share means the one in the query's folder.
  dir.Write("v/x/Dup.md", "# Dup in x\n");
  dir.Write("v/y/Dup.md", "# Dup in y\n");
  dir.Write("v/x/src.md", "# Src\nSee [[Dup]].\n");
  dir.Write("v/y/other.md", "# Other\nSee [[Dup]].\n");
  store.ingest(dir.Join("v"));
  auto from = [&](const std::string& q, const std::string& note) {
    std::string out;
    for (const auto& row : store.dataview(q, note).rows) out += row.at(0) + ";";
    return out;
  };
  EXPECT_EQ(from("LIST WHERE contains(file.outlinks, [[Dup]])", "y/other"), "[[y/other|other]];");
  EXPECT_EQ(from("LIST WHERE contains(file.outlinks, [[Dup]])", "x/src"), "[[x/src|src]];");
  try {
    store.dataview("LIST", "Dup");  // A note named by the user: two fit.
    ADD_FAILURE() << "an ambiguous note name was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
  }
  // The task dates of the Tasks plugin, and its priorities.
  const DataviewResult plan = store.dataview(
      "TABLE WITHOUT ID t.scheduled, t.start, t.created, t.priority FROM \"t.md\" "
      "FLATTEN file.tasks AS t WHERE t.scheduled");
  ASSERT_EQ(plan.rows.size(), 1u);
  EXPECT_EQ(plan.rows[0], (std::vector<std::string>{"February 01, 2026", "January 20, 2026",
                                                    "January 02, 2026", "highest"}));
  // fullyCompleted: done, and every subtask too; parent is the parent task's line.
  const DataviewResult done = store.dataview("TASK FROM \"t.md\" WHERE fullyCompleted");
  ASSERT_EQ(done.task_groups.size(), 1u);
  ASSERT_EQ(done.task_groups[0].tasks.size(), 2u);
  EXPECT_EQ(done.task_groups[0].tasks[0].text, "Parent");
  EXPECT_EQ(done.task_groups[0].tasks[1].text, "Child");
  EXPECT_EQ(store
                .dataview("TABLE WITHOUT ID t.text, t.parent FROM \"t.md\" FLATTEN file.tasks "
                          "AS t WHERE t.parent")
                .rows,
            (std::vector<std::vector<std::string>>{{"Child", "3"}, {"Open below", "5"}}));
  const std::string text = store.render("r");
  EXPECT_NE(text.find("> [!error] Dataview\n> dataview query, line 1, column"), std::string::npos)
      << text;
  EXPECT_NE(text.find("- [[a]]\n"), std::string::npos) << text;  // The next block still runs.
}

// The queries of the seed notes, on the shared sample vault.
TEST(DataviewSampleVault, TheSeedQueriesGiveWhatObsidianShows) {
  const std::optional<std::string> vault = testing::SharedPath("sample-vault");
  if (!vault) GTEST_SKIP() << "../shared/sample-vault is absent";
  testing::TempDir dir;
  const std::string db = dir.Join("s.db");
  Store store = Store::open(db);
  store.ingest(*vault);
  const DataviewResult open =
      store.dataview("TASK\nFROM \"\"\nWHERE !completed\nSORT due ASC\n", "Customers/CoreWeave.md");
  size_t total = 0;
  std::string last_due;
  std::set<std::string> notes;
  for (const DataviewTaskGroup& g : open.task_groups) {
    total += g.tasks.size();
    notes.insert(g.heading);
  }
  EXPECT_EQ(total, 35u);
  EXPECT_EQ(notes.size(), open.task_groups.size());  // Each note heads one group.
  // Every open task of the store is there.
  EXPECT_EQ(
      std::to_string(total),
      testing::QueryValue(db, "SELECT count(*) FROM tasks WHERE status_char NOT IN ('x','X')"));
  // In due order across the whole result: undated first, then by date.
  const DataviewResult dues = store.dataview(
      "TABLE WITHOUT ID due FROM \"\" FLATTEN file.tasks AS t WHERE !t.completed "
      "SORT t.due ASC");
  ASSERT_FALSE(dues.rows.empty());
  // The project query of the customer note: no project folder of that name exists here.
  const DataviewResult projects = store.dataview(
      "LIST\nFROM \"VAST/Projects\" OR \"Personal/Projects\"\nWHERE contains(file.outlinks, "
      "this.file.link)\n",
      "Customers/CoreWeave.md");
  EXPECT_TRUE(projects.rows.empty());
  EXPECT_EQ(projects.markdown, "Dataview: no results.\n");
  // The same question over the whole vault finds the meeting that links to CoreWeave.
  const DataviewResult linking = store.dataview(
      "LIST FROM \"Meetings\" WHERE contains(file.outlinks, this.file.link)", "CoreWeave");
  EXPECT_FALSE(linking.rows.empty());
  const DataviewResult artifacts = store.dataview(
      "TABLE file.mtime as \"Modified\"\nFROM \"\"\nWHERE type != \"readme\" AND type != "
      "\"projects\"\nSORT file.mtime DESC");
  EXPECT_EQ(artifacts.columns, (std::vector<std::string>{"File", "Modified"}));
  EXPECT_EQ(std::to_string(artifacts.rows.size()),
            testing::QueryValue(db,
                                "SELECT count(*) FROM notes WHERE type IS NULL OR type NOT IN "
                                "('readme', 'projects')"));
}

// Every query of the shared Dataview test vault runs, or fails saying what is not
// supported.
TEST(DataviewCorpus, EveryQueryRunsOrIsNamedUnsupported) {
  const std::optional<std::string> vault = testing::SharedPath("corpora/dataview-test-vault");
  if (!vault) GTEST_SKIP() << "../shared/corpora/dataview-test-vault is absent";
  testing::TempDir dir;
  Store store = Store::open(dir.Join("c.db"));
  store.ingest(*vault);
  const std::regex block("```dataview\\n([\\s\\S]*?)```");
  int total = 0, ran = 0;
  std::string unsupported;
  for (const testing::Row& row :
       testing::Query(dir.Join("c.db"), "SELECT path, body FROM notes ORDER BY path")) {
    for (std::sregex_iterator it(row[1].begin(), row[1].end(), block), end; it != end; ++it) {
      ++total;
      try {
        store.dataview((*it)[1].str(), row[0]);
        ++ran;
      } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("not supported"), std::string::npos)
            << row[0] << ": " << e.what();
        unsupported += std::string(e.what()) + "\n";
      }
    }
  }
  std::printf("dataview corpus: %d of %d queries run\n%s", ran, total, unsupported.c_str());
  EXPECT_EQ(total, 16);
  EXPECT_EQ(ran, 14);  // The other two are CALENDAR views.
}

}  // namespace
}  // namespace notestore
