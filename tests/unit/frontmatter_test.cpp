#include "parse/frontmatter.h"

#include <gtest/gtest.h>

#include "parse/note_parser.h"

namespace notestore::parse {
namespace {

std::vector<std::string> Values(const ParsedNote& n, const std::string& key) {
  return n.FrontmatterValues(key);
}

TEST(Frontmatter, SplitsAtTheFences) {
  Diagnostics d;
  FrontmatterSplit s = SplitFrontmatter("---\na: 1\n---\nbody\n", &d);
  ASSERT_TRUE(s.found);
  EXPECT_EQ(s.yaml, "a: 1\n");
  EXPECT_EQ(s.body, "body\n");
  EXPECT_EQ(s.body_first_line, 4);
  s = SplitFrontmatter("---\na: 1\n...\nbody", &d);
  EXPECT_TRUE(s.found);
  s = SplitFrontmatter("text\n---\na: 1\n---\n", &d);
  EXPECT_FALSE(s.found);
  EXPECT_TRUE(d.empty());
  s = SplitFrontmatter("---\na: 1\nno end\n", &d);
  EXPECT_FALSE(s.found);
  EXPECT_EQ(s.body, "---\na: 1\nno end\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].code, "unterminated-frontmatter");
}

TEST(Frontmatter, EveryScalarAndListStyle) {
  const ParsedNote n = ParseNote(
      "---\n"
      "plain: two words\n"
      "single: 'quoted: yes'\n"
      "double: \"2025-10-22\"\n"
      "folded: a plain scalar\n"
      "  over two lines\n"
      "block:\n"
      "- one\n"
      "- two\n"
      "indented:\n"
      "  - \"three\"\n"
      "flow: [\"Sam Hopewell\", Jason Vallery]\n"
      "empty:\n"
      "blank: ''\n"
      "nested:\n"
      "  inner: value\n"
      "---\n");
  EXPECT_EQ(Values(n, "plain"), (std::vector<std::string>{"two words"}));
  EXPECT_EQ(Values(n, "single"), (std::vector<std::string>{"quoted: yes"}));
  EXPECT_EQ(Values(n, "double"), (std::vector<std::string>{"2025-10-22"}));
  EXPECT_EQ(Values(n, "folded"), (std::vector<std::string>{"a plain scalar over two lines"}));
  EXPECT_EQ(Values(n, "block"), (std::vector<std::string>{"one", "two"}));
  EXPECT_EQ(Values(n, "indented"), (std::vector<std::string>{"three"}));
  EXPECT_EQ(Values(n, "flow"), (std::vector<std::string>{"Sam Hopewell", "Jason Vallery"}));
  EXPECT_EQ(Values(n, "blank"), (std::vector<std::string>{""}));
  EXPECT_EQ(Values(n, "nested.inner"), (std::vector<std::string>{"value"}));
  // YAML null keeps its row, with no value.
  int empties = 0;
  for (const Property& p : n.properties) {
    if (p.key == "empty") {
      ++empties;
      EXPECT_FALSE(p.value.has_value());
      EXPECT_EQ(p.line, 13);
    }
    if (p.key == "block") {
      EXPECT_EQ(p.line, p.idx == 0 ? 8 : 9);
    }
  }
  EXPECT_EQ(empties, 1);
  EXPECT_TRUE(n.diagnostics.empty());
}

TEST(Frontmatter, TagsAliasesAndLinks) {
  const ParsedNote n = ParseNote(
      "---\n"
      "tags: [one, \"#two\"]\n"
      "tag: three four, five\n"
      "aliases:\n"
      "  - Sam\n"
      "  - S. Hopewell\n"
      "person: \"[[Sam Hopewell|Sam]]\"\n"
      "---\n");
  std::vector<std::string> tags;
  for (const Tag& t : n.tags) {
    EXPECT_TRUE(t.in_frontmatter);
    tags.push_back(t.name);
  }
  EXPECT_EQ(tags, (std::vector<std::string>{"one", "two", "three", "four", "five"}));
  EXPECT_EQ(n.aliases, (std::vector<std::string>{"Sam", "S. Hopewell"}));
  ASSERT_EQ(n.links.size(), 1u);
  EXPECT_EQ(n.links[0].target, "Sam Hopewell");
  EXPECT_EQ(n.links[0].display, "Sam");
  EXPECT_EQ(n.links[0].style, LinkStyle::kFrontmatter);
  EXPECT_EQ(n.links[0].line, 7);
}

TEST(Frontmatter, InvalidYamlKeepsTheBody) {
  const ParsedNote n = ParseNote("---\ntitle: [oops\n---\n# Body\n- [ ] still a task\n");
  EXPECT_FALSE(n.frontmatter_valid);
  ASSERT_TRUE(n.frontmatter.has_value());
  EXPECT_EQ(n.body, "# Body\n- [ ] still a task\n");
  ASSERT_EQ(n.tasks.size(), 1u);
  EXPECT_EQ(n.tasks[0].line, 5);
  ASSERT_FALSE(n.diagnostics.empty());
  EXPECT_EQ(n.diagnostics[0].code, "invalid-yaml");
  EXPECT_EQ(n.diagnostics[0].severity, Severity::kError);
}

TEST(Frontmatter, NonMapAndDuplicateKeysAreDiagnosed) {
  ParsedNote n = ParseNote("---\n- just\n- a list\n---\n");
  ASSERT_EQ(n.diagnostics.size(), 1u);
  EXPECT_EQ(n.diagnostics[0].code, "frontmatter-not-a-map");
  n = ParseNote("---\nstatus: a\nstatus: b\n---\n");
  ASSERT_EQ(n.diagnostics.size(), 1u);
  EXPECT_EQ(n.diagnostics[0].code, "duplicate-key");
  EXPECT_EQ(Values(n, "status"), (std::vector<std::string>{"a", "b"}));
}

TEST(Frontmatter, AliasBombIsCutOff) {
  std::string yaml = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c) {
    yaml += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) yaml += std::string(i ? ", *" : "*") + prev;
    yaml += "]\n";
    prev = c;
  }
  yaml += "---\n";
  ParseOptions options;
  options.frontmatter.max_properties = 1000;
  const ParsedNote n = ParseNote(yaml, options);
  EXPECT_LE(n.properties.size(), 1000u);
  bool reported = false;
  for (const Diagnostic& d : n.diagnostics) reported |= d.code == "frontmatter-too-large";
  EXPECT_TRUE(reported);
}

}  // namespace
}  // namespace notestore::parse
