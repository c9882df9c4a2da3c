#include "parse/note_parser.h"

#include <gtest/gtest.h>

#include "parse/cmark_guard.h"

namespace notestore::parse {
namespace {

std::vector<int> TaskLines(const ParsedNote& n) {
  std::vector<int> lines;
  for (const Task& t : n.tasks) lines.push_back(t.line);
  return lines;
}

TEST(NoteParser, TasksInEveryKindOfList) {
  const ParsedNote n = ParseNote(
      "- [ ] dash\n"                   // 1
      "* [x] star\n"                   // 2
      "+ [X] plus\n"                   // 3
      "\n"                             // 4
      "1. [-] numbered\n"              // 5
      "2) [/] paren\n"                 // 6
      "\n"                             // 7
      "> - [?] quoted\n"               // 8
      "\n"                             // 9
      "> [!note] Callout\n"            // 10
      "> - [>] in callout\n"           // 11
      "\n"                             // 12
      "- item\n"                       // 13
      "  - [ ] nested\n"               // 14
      "- [] not a task\n"              // 15
      "- [ ]no space, not a task\n");  // 16
  EXPECT_EQ(TaskLines(n), (std::vector<int>{1, 2, 3, 5, 6, 8, 11, 14}));
  std::vector<std::string> chars;
  for (const Task& t : n.tasks) chars.push_back(t.status_char);
  EXPECT_EQ(chars, (std::vector<std::string>{" ", "x", "X", "-", "/", "?", ">", " "}));
  EXPECT_EQ(n.tasks[1].status, TaskStatus::kDone);
  EXPECT_EQ(n.tasks[2].status, TaskStatus::kDone);
  EXPECT_EQ(n.tasks[3].status, TaskStatus::kCancelled);
  EXPECT_EQ(n.tasks[4].status, TaskStatus::kInProgress);
  EXPECT_EQ(n.tasks[5].status, TaskStatus::kOpen);
  EXPECT_TRUE(n.items[n.tasks[5].item].in_quote);
}

TEST(NoteParser, NothingInsideCodeOrCommentsCounts) {
  const ParsedNote n = ParseNote(
      "```\n- [ ] fenced #nottag [[NotLink]]\n```\n"                            // 1-3
      "~~~dataview\nTASK\n- [ ] tilde fence\n~~~\n"                             // 4-7
      "\n    - [ ] indented code\n\n"                                           // 8-10
      "%%\n- [ ] obsidian comment #hidden\n%%\n"                                // 11-13
      "<!--\n- [ ] html comment [[Hidden]]\n-->\n"                              // 14-16
      "Text `#code [[Code]] key:: v` and %% #inline %% <!-- [[x]] --> #real\n"  // 17
      "- [ ] real task\n");                                                     // 18
  EXPECT_EQ(TaskLines(n), (std::vector<int>{18}));
  ASSERT_EQ(n.tags.size(), 1u);
  EXPECT_EQ(n.tags[0].name, "real");
  EXPECT_EQ(n.tags[0].line, 17);
  EXPECT_TRUE(n.links.empty());
  EXPECT_TRUE(n.properties.empty());
}

TEST(NoteParser, UnclosedCommentHidesTheRest) {
  const ParsedNote n = ParseNote("- [ ] before\n%% never closed\n- [ ] after\n");
  EXPECT_EQ(TaskLines(n), (std::vector<int>{1}));
}

TEST(NoteParser, ParentsSectionsAndLines) {
  const ParsedNote n = ParseNote(
      "---\ntitle: x\n---\n"    // 1-3
      "# Top\n"                 // 4
      "## Action Items\n"       // 5
      "- [ ] parent\n"          // 6
      "  - plain child\n"       // 7
      "    - [ ] grandchild\n"  // 8
      "- [ ] sibling\n"         // 9
      "\n"                      // 10
      "Setext heading\n"        // 11
      "---\n"                   // 12
      "- [ ] under setext\n");  // 13
  ASSERT_EQ(n.tasks.size(), 4u);
  EXPECT_EQ(TaskLines(n), (std::vector<int>{6, 8, 9, 13}));
  EXPECT_EQ(n.tasks[1].parent_task, 0);  // Through a plain list item.
  EXPECT_EQ(n.tasks[2].parent_task, -1);
  ASSERT_EQ(n.headings.size(), 3u);
  EXPECT_EQ(n.headings[1].text, "Action Items");
  EXPECT_EQ(n.headings[1].line, 5);
  EXPECT_EQ(n.headings[2].text, "Setext heading");
  EXPECT_EQ(n.headings[2].level, 2);
  EXPECT_EQ(n.HeadingAt(n.items[n.tasks[0].item].heading)->text, "Action Items");
  EXPECT_EQ(n.HeadingAt(n.items[n.tasks[3].item].heading)->text, "Setext heading");
}

TEST(NoteParser, HeadingTextAsWritten) {
  const ParsedNote n = ParseNote("# Title #tag ##\n### [[Link]] heading\n#nospace\n");
  ASSERT_EQ(n.headings.size(), 2u);
  EXPECT_EQ(n.headings[0].text, "Title #tag");
  EXPECT_EQ(n.headings[1].text, "[[Link]] heading");
  EXPECT_EQ(n.headings[1].level, 3);
  ASSERT_EQ(n.tags.size(), 2u);  // #tag in the heading and #nospace
}

TEST(NoteParser, TablesAsRowsAndFieldTablesAsProperties) {
  const ParsedNote n = ParseNote(
      "## Account Status\n"
      "| Field | Value |\n"
      "|---|---|\n"
      "| **Status** | Prospect |\n"
      "| **Industry** | _Unknown_ |\n"
      "\n"
      "| Person | Role | Role |  |\n"
      "|---|---|---|---|\n"
      "| [[Rick\\|R]] | lead | x | y |\n");
  ASSERT_EQ(n.table_rows.size(), 3u);
  EXPECT_EQ(n.table_rows[0].cells[0], (std::pair<std::string, std::string>{"Field", "Status"}));
  EXPECT_EQ(n.table_rows[0].cells[1], (std::pair<std::string, std::string>{"Value", "Prospect"}));
  EXPECT_EQ(n.table_rows[1].line, 5);
  const TableRow& r = n.table_rows[2];
  EXPECT_EQ(r.table, 1);
  ASSERT_EQ(r.cells.size(), 4u);
  EXPECT_EQ(r.cells[0], (std::pair<std::string, std::string>{"Person", "R"}));
  EXPECT_EQ(r.cells[2].first, "Role 2");
  EXPECT_EQ(r.cells[3].first, "column 4");
  int table_props = 0;
  for (const Property& p : n.properties) {
    if (p.source == PropertySource::kTable) {
      ++table_props;
      if (p.key == "Status") {
        EXPECT_EQ(p.value, "Prospect");
      }
    }
  }
  EXPECT_EQ(table_props, 2);
  ASSERT_EQ(n.links.size(), 1u);
  EXPECT_EQ(n.links[0].target, "Rick");
}

TEST(NoteParser, InlineFieldsEveryForm) {
  const ParsedNote n = ParseNote(
      "Status:: draft\n"
      "- Mood:: good\n"
      "Text [due:: 2025-01-02] and (who:: Sam).\n"
      "**Date**: 2025-09-18\n"
      "> **Account**: [[OpenAI]]\n");
  std::vector<std::pair<std::string, std::string>> got;
  for (const Property& p : n.properties) got.emplace_back(p.key, *p.value);
  EXPECT_EQ(got, (std::vector<std::pair<std::string, std::string>>{{"Status", "draft"},
                                                                   {"Mood", "good"},
                                                                   {"due", "2025-01-02"},
                                                                   {"who", "Sam"},
                                                                   {"Date", "2025-09-18"},
                                                                   {"Account", "[[OpenAI]]"}}));
}

TEST(NoteParser, NeverThrowsOnOddInput) {
  for (const char* text : {"", "---", "---\n", "---\n---", "\n\n\n", "- [", "- [x", "> > > >",
                           "| a |\n|---|\n", "[[", "]]", "%%", "<!--", "```"}) {
    const ParsedNote n = ParseNote(text);
    EXPECT_LE(n.tasks.size(), 1u) << text;
  }
}

// A note dense with inline markup goes to cmark with that markup blanked where it cannot
// shape the blocks; the blocks must come out exactly as from the same note without it.
TEST(NoteParser, DenseMarkupDoesNotChangeTheBlocks) {
  const std::string structure =
      "# Title *with* [[link]]\n"
      "- [ ] task one @Ann 📅 2025-01-02\n"
      "  - [x] nested *done* `code`\n"
      "- - [ ] two lists deep\n"
      "> - [?] quoted task [[Note]]\n"
      "1. [ ] numbered [due:: 2025-02-03]\n"
      "***\n"
      "Setext *heading*\n"
      "---\n"
      "```js\n"
      "- [ ] not a task, in code\n"
      "```\n"
      "<!-- html\n"
      "- [ ] hidden\n"
      "-->\n"
      "| Name | Role |\n"
      "|---|---|\n"
      "| [[Ann]] | *Lead* |\n"
      "\n"
      "* [ ] star task\n";
  std::string dense = structure;
  std::string plain = structure;
  for (int i = 0; i < 8000; ++i) {
    dense += "Filler [[link]] *a* _b_ `c` ![img](x) &amp; \\* <b> [x]\n";
    plain += "Filler xxxxxxxx xxx xxx xxx xxxxxxxx xxxxx xx xxx xxx\n";
    if (i % 1000 == 0) {
      dense += "- [ ] task among filler *" + std::to_string(i) + "*\n";
      plain += "- [ ] task among filler *" + std::to_string(i) + "*\n";
    }
  }
  Diagnostics none;
  ASSERT_TRUE(GuardForCmark(dense, 1, TableLimits(), &none).has_value());  // It is dense.
  const ParsedNote a = ParseNote(dense);
  const ParsedNote b = ParseNote(plain);
  EXPECT_EQ(TaskLines(a), TaskLines(b));
  ASSERT_EQ(a.tasks.size(), 14u);
  ASSERT_EQ(a.headings.size(), b.headings.size());
  for (size_t i = 0; i < a.headings.size(); ++i) {
    EXPECT_EQ(a.headings[i].line, b.headings[i].line);
    EXPECT_EQ(a.headings[i].text, b.headings[i].text);
  }
  ASSERT_EQ(a.table_rows.size(), 1u);
  EXPECT_EQ(a.table_rows[0].cells, b.table_rows[0].cells);
  EXPECT_EQ(a.tasks[0].fields.owner, "Ann");
  for (size_t i = 0; i < a.tasks.size(); ++i) {
    EXPECT_EQ(a.tasks[i].parent_task, b.tasks[i].parent_task) << a.tasks[i].line;
  }
}

}  // namespace
}  // namespace notestore::parse
