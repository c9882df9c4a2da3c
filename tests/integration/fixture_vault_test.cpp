// Ingests tests/fixtures/vault (written for this project; every rule of the ingest has
// an example there) and checks the rows, exactly.
#include <gtest/gtest.h>

#include "notestore/notestore.h"
#include "support/test_support.h"

namespace notestore {
namespace {

using testing::Query;
using testing::QueryValue;
using testing::Row;

class FixtureVault : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    db_ = dir_->Join("vault.db");
    IngestOptions options;
    options.me = "Dana Whitfield";
    report_ = new IngestReport(Store::open(db_).ingest(testing::FixturePath("vault"), options));
  }
  static void TearDownTestSuite() {
    delete report_;
    delete dir_;
  }
  static std::vector<Row> Q(const std::string& sql) { return Query(db_, sql); }

  static testing::TempDir* dir_;
  static std::string db_;
  static IngestReport* report_;
};
testing::TempDir* FixtureVault::dir_ = nullptr;
std::string FixtureVault::db_;
IngestReport* FixtureVault::report_ = nullptr;

TEST_F(FixtureVault, ScansOnlyNotesOutsideHiddenFolders) {
  EXPECT_EQ(report_->files_seen, 10);
  EXPECT_EQ(report_->files_parsed, 10);
  EXPECT_EQ(report_->files_failed, 0);
  EXPECT_EQ(Q("SELECT path, kind, type, date, title FROM notes ORDER BY path"),
            (std::vector<Row>{
                {"Archive/Lighthouse.md", "note", "NULL", "NULL", "Lighthouse"},
                {"Customers/Harborline.md", "account", "customer", "NULL", "Harborline"},
                {"Meetings/2024-03-05 Harbor kickoff.md", "meeting", "meeting", "2024-03-05",
                 "Harborline kickoff"},
                {"Meetings/2024-03-12 - Harbor weekly.md", "meeting", "people", "2024-03-12",
                 "Harbor weekly sync"},
                {"Meetings/2024-03-14 1-1 Lena.md", "meeting", "1:1", "2024-03-14", "1-1 Lena"},
                {"Notes/Broken yaml.md", "note", "NULL", "NULL", "Still here"},
                {"Notes/Scratch.md", "note", "NULL", "NULL", "Scratchpad"},
                {"People/Priya Raman.md", "person", "person", "NULL", "Priya Raman"},
                {"People/Tomasz Wojcik.md", "person", "people", "NULL", "Tomasz Wojcik"},
                {"Projects/Lighthouse.md", "project", "project", "NULL", "Lighthouse"},
            }));
}

TEST_F(FixtureVault, BomAndCrlfAreGone) {
  const std::string body =
      QueryValue(db_, "SELECT body FROM notes WHERE path LIKE '%Harbor weekly.md'");
  EXPECT_EQ(body.find('\r'), std::string::npos);
  EXPECT_EQ(body.rfind("# Harbor weekly sync\n", 0), 0u);
  EXPECT_EQ(
      QueryValue(db_, "SELECT frontmatter FROM notes WHERE path LIKE '%Harbor weekly.md'"),
      "type: people\nparticipants: [\"Priya Raman\", \"Dana Whitfield\"]\nsource: transcript\n");
}

TEST_F(FixtureVault, Meetings) {
  EXPECT_EQ(Q("SELECT date, title, account, attendees FROM meeting_list"),
            (std::vector<Row>{
                {"2024-03-05", "Harborline kickoff", "Harborline",
                 "Priya Raman, Dana Whitfield, Tomasz Wojcik"},
                {"2024-03-12", "Harbor weekly sync", "Harborline",
                 "Priya Raman, Dana Whitfield, Lena Ortiz"},
                {"2024-03-14", "1-1 Lena", "NULL", "Lena Ortiz"},
            }));
  EXPECT_EQ(Q("SELECT m.id = m.note_id, m.source FROM meetings m ORDER BY m.date"),
            (std::vector<Row>{{"1", "transcript"}, {"1", "transcript"}, {"1", "NULL"}}));
}

TEST_F(FixtureVault, PeopleResolvedAcrossNotes) {
  EXPECT_EQ(Q("SELECT name, role, company, note_path FROM person_list"),
            (std::vector<Row>{
                {"Dana Whitfield", "Account lead", "Northwind Data", "NULL"},
                {"Lena Ortiz", "Analyst", "NULL", "NULL"},
                {"Omar Haddad", "Solutions engineer", "Northwind Data", "NULL"},
                {"Priya Raman", "Head of Operations", "Harborline", "People/Priya Raman.md"},
                {"Tomasz Wojcik", "NULL", "NULL", "People/Tomasz Wojcik.md"},
            }));
  EXPECT_EQ(Q("SELECT p.name, a.alias FROM person_aliases a JOIN people p ON p.id = a.person_id "
              "ORDER BY a.rowid"),
            (std::vector<Row>{{"Priya Raman", "PR"}, {"Priya Raman", "Priya R."}}));
}

TEST_F(FixtureVault, AccountsAndTheNoteThatIsAPerson) {
  EXPECT_EQ(Q("SELECT name, status, industry, note_path, meetings, decisions FROM account_list"),
            (std::vector<Row>{
                {"Harborline", "Prospect", "Logistics", "Customers/Harborline.md", "2", "4"}}));
  EXPECT_EQ(Q("SELECT path, line, code FROM diagnostics WHERE code = 'account-is-person'"),
            (std::vector<Row>{{"Meetings/2024-03-14 1-1 Lena.md", "7", "account-is-person"}}));
}

TEST_F(FixtureVault, TasksWithEverySignifierOwnerAndParent) {
  const std::vector<Row> rows =
      Q("SELECT n.path, t.line, t.status, t.status_char, t.text, COALESCE(p.name, '-'), "
        "COALESCE(t.due, '-'), COALESCE(t.scheduled, '-'), COALESCE(t.start, '-'), "
        "COALESCE(t.done, '-'), COALESCE(t.cancelled, '-'), COALESCE(t.priority, '-'), "
        "COALESCE(t.recurrence, '-'), COALESCE(t.section, '-'), COALESCE(pt.line, '-'), "
        "COALESCE((SELECT group_concat(tag) FROM task_tags WHERE task_id = t.id), '-') "
        "FROM tasks t JOIN notes n ON n.id = t.note_id LEFT JOIN people p ON p.id = t.owner_id "
        "LEFT JOIN tasks pt ON pt.id = t.parent_id ORDER BY n.path, t.line");
  const std::string k = "Meetings/2024-03-05 Harbor kickoff.md";
  const std::string w = "Meetings/2024-03-12 - Harbor weekly.md";
  const std::string s = "Notes/Scratch.md";
  const std::string _ = "-";
  EXPECT_EQ(
      rows,
      (std::vector<Row>{
          {k, "18", "open", " ", "Send the pilot scope to Harborline", "Priya Raman", "2024-03-15",
           _, _, _, _, "high", _, "Action Items", _, "followup"},
          {k, "19", "done", "x", "Book the follow-up call", "Dana Whitfield", "2024-03-07", _, _,
           "2024-03-06", _, _, _, "Action Items", _, _},
          {k, "20", "open", " ", "Collect the shipping volumes", _, _, _, _, _, _, "low", _,
           "Action Items", _, _},
          {k, "21", "in_progress", "/", "Draft the data-sharing agreement", "Tomasz Wojcik", _,
           "2024-03-10", "2024-03-08", _, _, _, _, "Action Items", _, _},
          {k, "22", "open", " ", "Ask legal about retention", "Tomasz Wojcik", "2024-03-09", _, _,
           _, _, _, _, "Action Items", "21", _},
          {k, "23", "cancelled", "-", "Prepare a slide deck", _, _, _, _, _, "2024-03-06", _, _,
           "Action Items", _, _},
          {w, "14", "open", " ", "Share the volume forecast", "Lena Ortiz", "2024-03-20", _, _, _,
           _, "medium", _, "Action Items", _, _},
          {w, "15", "open", "?", "Confirm the terminal list", "Priya Raman", _, _, _, _, _, _, _,
           "Action Items", _, _},
          {w, "16", "open", " ", "Review the forecast", "Dana Whitfield", "2024-03-22", _, _, _, _,
           "high", _, "Action Items", _, "review"},
          {w, "19", "open", " ", "Chase the signed NDA", "Priya Raman", "2024-03-14", _, _, _, _, _,
           _, "Action Items", _, _},
          {"Meetings/2024-03-14 1-1 Lena.md", "11", "open", " ", "Send Lena the onboarding guide",
           "Dana Whitfield", _, _, _, _, _, _, _, "Action Items", _, _},
          {"Notes/Broken yaml.md", "7", "open", " ", "Task that survives broken YAML", _, _, _, _,
           _, _, _, _, "Still here", _, _},
          {s, "24", "open", " ", "Top task", _, _, _, _, _, _, _, "every week on Monday", _, _, _},
          {s, "25", "done", "x", "Child done task", _, _, _, _, _, _, _, _, _, "24", _},
          {s, "26", "open", " ", "Grandchild task", _, _, _, _, _, _, _, _, _, "25", _},
          {s, "28", "open", ">", "Forwarded under a plain item", _, _, _, _, _, _, _, _, _, _, _},
          {s, "30", "open", " ", "Quoted task", _, _, _, _, _, _, _, _, _, _, _},
          {s, "31", "done", "X", "Quoted child", _, _, _, _, _, _, _, _, _, "30", _},
          {s, "33", "open", " ", "Star bullet task", _, _, _, _, _, _, _, _, _, _, _},
          {s, "34", "open", " ", "Plus bullet task", _, _, _, _, _, _, _, _, _, _, "area/ops"},
          {s, "35", "open", " ", "Task with `code @Someone #nottag` and mail to me@example.com", _,
           _, _, _, _, _, _, _, _, _, _},
          {s, "36", "open", " ", "Invalid date 2024-02-30", _, _, _, _, _, _, _, _, _, _, _},
          {"Projects/Lighthouse.md", "16", "open", " ", "Write the pilot runbook", _, _, _, _, _, _,
           _, _, "Next Steps", _, _},
          {"Projects/Lighthouse.md", "17", "open", " ", "Pick a launch date", _, _, _, _, _, _, _,
           _, "Next Steps", _, _},
      }));
  EXPECT_EQ(
      Q("SELECT owner_name, task_uid, depends_on, block_id FROM tasks WHERE text = 'Top task'"),
      (std::vector<Row>{{"NULL", "abc123", "xyz789", "blk1"}}));
  EXPECT_EQ(Q("SELECT owner_name FROM tasks WHERE line = 20 AND text LIKE 'Collect%'"),
            (std::vector<Row>{{"TBD"}}));  // A placeholder owner: kept as written, unowned.
}

TEST_F(FixtureVault, DecisionsAndFacts) {
  EXPECT_EQ(
      Q("SELECT path, line, decision, date, account FROM decision_list ORDER BY path, line"),
      (std::vector<Row>{
          {"Customers/Harborline.md", "38", "Price the pilot per terminal.", "NULL", "Harborline"},
          {"Meetings/2024-03-05 Harbor kickoff.md", "27", "Start with the Rotterdam terminal only.",
           "2024-03-05", "Harborline"},
          {"Meetings/2024-03-05 Harbor kickoff.md", "28",
           "Use weekly syncs until the pilot starts.", "2024-03-05", "Harborline"},
          {"Meetings/2024-03-12 - Harbor weekly.md", "28",
           "Keep the Rotterdam scope for the pilot.", "2024-03-12", "Harborline"},
      }));
  EXPECT_EQ(Q("SELECT n.path, f.line, f.kind, f.text, f.section FROM facts f "
              "JOIN notes n ON n.id = f.note_id ORDER BY n.path, f.line"),
            (std::vector<Row>{
                {"Customers/Harborline.md", "30", "blocker", "Budget approval is pending.",
                 "Current Blockers"},
                {"Customers/Harborline.md", "34", "opportunity", "Expand to the Hamburg terminal.",
                 "Opportunities"},
                {"Meetings/2024-03-05 Harbor kickoff.md", "33", "fact",
                 "Harborline moves about 40k containers a month.", "Key Facts"},
                {"Meetings/2024-03-05 Harbor kickoff.md", "34", "fact",
                 "Their current vendor contract ends in June.", "Key Facts"},
                {"Meetings/2024-03-05 Harbor kickoff.md", "38", "risk",
                 "Data quality in the legacy TMS is unknown.", "Risks"},
            }));
}

TEST_F(FixtureVault, LinksResolvedLikeObsidian) {
  EXPECT_EQ(
      Q("SELECT l.target, COALESCE(l.display, '-'), COALESCE(l.heading, '-'), l.embed, "
        "l.line, l.style, COALESCE(t.path, '-') FROM links l "
        "JOIN notes n ON n.id = l.note_id LEFT JOIN notes t ON t.id = l.target_note_id "
        "WHERE n.path = 'Notes/Scratch.md' ORDER BY l.line, l.id"),
      (std::vector<Row>{
          {"Lighthouse", "-", "-", "0", "4", "frontmatter", "-"},  // Ambiguous name.
          {"../Projects/Lighthouse.md", "the project", "Status", "0", "11", "markdown",
           "Projects/Lighthouse.md"},
          {"Harborline", "the facts", "Key Facts", "0", "11", "wiki", "Customers/Harborline.md"},
          {"diagram.png", "-", "-", "1", "11", "wiki", "-"},
      }));
  // Backlinks of the account note.
  EXPECT_EQ(Q("SELECT DISTINCT n.path FROM links l JOIN notes n ON n.id = l.note_id "
              "WHERE l.target_note_id = (SELECT id FROM notes WHERE path = "
              "'Customers/Harborline.md') ORDER BY n.path"),
            (std::vector<Row>{{"Meetings/2024-03-12 - Harbor weekly.md"},
                              {"Notes/Scratch.md"},
                              {"People/Priya Raman.md"}}));
}

TEST_F(FixtureVault, TagsPropertiesAndTables) {
  EXPECT_EQ(Q("SELECT tag, line, source FROM tags t JOIN notes n ON n.id = t.note_id "
              "WHERE n.path = 'Notes/Scratch.md' ORDER BY line, tag"),
            (std::vector<Row>{{"ideas", "3", "frontmatter"},
                              {"inbox", "3", "frontmatter"},
                              {"a1", "9", "body"},
                              {"ideas/nested", "9", "body"},
                              {"area/ops", "34", "body"}}));
  EXPECT_EQ(Q("SELECT key, value, line, source FROM properties p JOIN notes n ON n.id = p.note_id "
              "WHERE n.path = 'Notes/Scratch.md' ORDER BY line, p.rowid"),
            (std::vector<Row>{
                {"title", "Scratchpad", "2", "frontmatter"},
                {"tags", "ideas, inbox", "3", "frontmatter"},
                {"related", "[[Lighthouse]]", "4", "frontmatter"},
                {"summary", "a plain scalar that is folded over two lines", "5", "frontmatter"},
                {"Mood", "focused", "8", "inline"},
                {"energy", "high", "9", "inline"},
                {"focus", "deep", "9", "inline"},
                {"Owner", "Dana Whitfield", "10", "inline"},
            }));
  EXPECT_EQ(Q("SELECT section, json_extract(cells, '$.Person'), json_extract(cells, '$.Role') "
              "FROM table_rows WHERE json_extract(cells, '$.Person') IS NOT NULL ORDER BY rowid"),
            (std::vector<Row>{{"Collaborators", "Dana Whitfield", "Account lead"},
                              {"Collaborators", "Omar Haddad", "Solutions engineer"},
                              {"Collaborators", "Omar Haddad", ""}}));
}

TEST_F(FixtureVault, DiagnosticsForBrokenInput) {
  EXPECT_EQ(Q("SELECT path, severity, code FROM diagnostics ORDER BY path, code"),
            (std::vector<Row>{{"Meetings/2024-03-14 1-1 Lena.md", "info", "account-is-person"},
                              {"Notes/Broken yaml.md", "error", "invalid-yaml"},
                              {"Notes/Scratch.md", "warning", "invalid-task-date"}}));
  EXPECT_EQ(report_->diagnostics.at("error"), 1);
}

TEST_F(FixtureVault, SearchIndexAndIntegrity) {
  EXPECT_EQ(Q("SELECT kind, title FROM search WHERE search MATCH 'rotterdam' ORDER BY kind, title"),
            (std::vector<Row>{{"decision", "Keep the Rotterdam scope for the pilot."},
                              {"decision", "Start with the Rotterdam terminal only."},
                              {"note", "Harbor weekly sync"},
                              {"note", "Harborline kickoff"}}));
  // Aliases are searchable with the note's title.
  EXPECT_EQ(QueryValue(db_, "SELECT count(*) FROM search WHERE search MATCH 'title:PR'"), "1");
  EXPECT_EQ(QueryValue(db_, "PRAGMA integrity_check"), "ok");
  EXPECT_TRUE(Q("PRAGMA foreign_key_check").empty());
  EXPECT_EQ(QueryValue(db_, "PRAGMA user_version"), std::to_string(kSchemaVersion));
  EXPECT_EQ(QueryValue(db_, "PRAGMA journal_mode"), "wal");
}

TEST_F(FixtureVault, OpenTasksView) {
  EXPECT_EQ(Q("SELECT owner, count(*) FROM open_tasks GROUP BY owner ORDER BY owner"),
            (std::vector<Row>{{"NULL", "12"},
                              {"Dana Whitfield", "2"},
                              {"Lena Ortiz", "1"},
                              {"Priya Raman", "3"},
                              {"Tomasz Wojcik", "2"}}));
}

}  // namespace
}  // namespace notestore
