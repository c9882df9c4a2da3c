#include "parse/inline_syntax.h"

#include <gtest/gtest.h>

namespace notestore::parse {
namespace {

std::vector<std::string> TagNames(std::string_view line) {
  std::vector<std::string> out;
  for (const TagMatch& t : FindTags(line)) out.push_back(t.name);
  return out;
}

TEST(Tags, ObsidianRules) {
  EXPECT_EQ(TagNames("#task #proposed #auto"),
            (std::vector<std::string>{"task", "proposed", "auto"}));
  EXPECT_EQ(TagNames("nested #area/sub-area_2 done"),
            (std::vector<std::string>{"area/sub-area_2"}));
  EXPECT_EQ(TagNames("#2024 is a number, #y2024 is a tag"), (std::vector<std::string>{"y2024"}));
  EXPECT_EQ(TagNames("a#b c.#d [[#heading]] url/#frag"), (std::vector<std::string>{}));
  EXPECT_EQ(TagNames("#tag, #tag2. #tag3!"), (std::vector<std::string>{"tag", "tag2", "tag3"}));
  EXPECT_EQ(TagNames("#café #東京"), (std::vector<std::string>{"café", "東京"}));
  EXPECT_EQ(TagNames("#quoted’s"), (std::vector<std::string>{"quoted"}));
}

TEST(Wikilinks, TargetsHeadingsAliasesAndEmbeds) {
  auto links = FindWikilinks("see [[Note]] and ![[img.png]] and [[Folder/Other#Part|shown]]");
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(links[0].target, "Note");
  EXPECT_FALSE(links[0].embed);
  EXPECT_EQ(links[1].target, "img.png");
  EXPECT_TRUE(links[1].embed);
  EXPECT_EQ(links[2].target, "Folder/Other");
  EXPECT_EQ(links[2].subpath, "Part");
  EXPECT_EQ(links[2].display, "shown");

  links = FindWikilinks("[[#heading#sub]] [[Note#^block]] [[a\\|b]]");
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(links[0].target, "");
  EXPECT_EQ(links[0].subpath, "heading#sub");
  EXPECT_EQ(links[1].subpath, "^block");
  EXPECT_EQ(links[2].target, "a");  // An escaped pipe (inside a table) still separates.
  EXPECT_EQ(links[2].display, "b");

  // Obsidian's own reading of odd links.
  links = FindWikilinks("[[|alias]] [[]] [[outer [[inner]]");
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].target, "|alias");
  EXPECT_EQ(links[1].target, "inner");
}

TEST(MarkdownLinks, LocalFilesOnlyPercentDecoded) {
  auto links = FindMarkdownLinks(
      "[a](Note.md) [b](https://x.org/#t) ![c](img%20one.png) [d](<My Note.md#Part> \"title\") "
      "[e](mailto:me@x.org) [[wiki]] [f](../up.md)");
  ASSERT_EQ(links.size(), 4u);
  EXPECT_EQ(links[0].target, "Note.md");
  EXPECT_EQ(links[0].display, "a");
  EXPECT_EQ(links[1].target, "img one.png");
  EXPECT_TRUE(links[1].embed);
  EXPECT_EQ(links[2].target, "My Note.md");
  EXPECT_EQ(links[2].subpath, "Part");
  EXPECT_EQ(links[3].target, "../up.md");
}

TEST(Fields, BracketedAndWholeLine) {
  auto fields =
      FindBracketFields("x [due:: 2025-10-26] y (mood:: calm [[Link]]) [not a field] [[w]]");
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0].key, "due");
  EXPECT_EQ(fields[0].value, "2025-10-26");
  EXPECT_EQ(fields[1].key, "mood");
  EXPECT_EQ(fields[1].value, "calm [[Link]]");

  FieldMatch m;
  ASSERT_TRUE(MatchLineField("Status:: in review", &m));
  EXPECT_EQ(m.key, "Status");
  EXPECT_EQ(m.value, "in review");
  ASSERT_TRUE(MatchLineField("**Date**: 2025-09-18", &m));
  EXPECT_EQ(m.key, "Date");
  EXPECT_EQ(m.value, "2025-09-18");
  ASSERT_TRUE(MatchLineField("**Account:** [[OpenAI]]", &m));
  EXPECT_EQ(m.key, "Account");
  EXPECT_EQ(m.value, "[[OpenAI]]");
  ASSERT_TRUE(MatchLineField("**Owner**:: Sam", &m));
  EXPECT_EQ(m.value, "Sam");
  EXPECT_FALSE(MatchLineField("**Bold** text: not a field", &m));
  EXPECT_FALSE(MatchLineField("**Empty**:", &m));
  EXPECT_FALSE(MatchLineField("Note: single colon", &m));
  EXPECT_FALSE(MatchLineField(" leading:: space", &m));
}

TEST(Mentions, MultiWordNamesStopAtMetadata) {
  auto m = FindMentions("Do it @Sam Hopewell ⏫ #task");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].name, "Sam Hopewell");
  m = FindMentions("@Myself 📅 2025-10-26");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].name, "Myself");
  m = FindMentions("ask @Jack to review, then @José Álvarez.");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].name, "Jack");
  EXPECT_EQ(m[1].name, "José Álvarez");
  m = FindMentions("mail me@example.com or @[[Sam Hopewell]]");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].name, "Sam Hopewell");
  m = FindMentions("@Jack ğŸ“… mangled emoji is not part of a name");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].name, "Jack");
}

TEST(LineContent, SkipsQuotesMarkersAndCheckboxes) {
  EXPECT_EQ(LineContentStart("- [ ] task"), 6u);
  EXPECT_EQ(LineContentStart("> > 12. [x] done"), 12u);
  EXPECT_EQ(LineContentStart("  * item"), 4u);
  EXPECT_EQ(LineContentStart("plain text"), 0u);
  EXPECT_EQ(LineContentStart("-not a list"), 0u);
  EXPECT_EQ(LineContentStart("1.5 is a number"), 0u);
}

TEST(PlainText, DropsMarkupKeepsWords) {
  EXPECT_EQ(PlainText("**Status**"), "Status");
  EXPECT_EQ(PlainText("_Unknown_"), "Unknown");
  EXPECT_EQ(PlainText("[[Rick Haselton]]"), "Rick Haselton");
  EXPECT_EQ(PlainText("[[People/Sam|Sam H.]] and snake_case"), "Sam H. and snake_case");
  EXPECT_EQ(PlainText("`code` \\*literal\\*"), "code *literal*");
}

}  // namespace
}  // namespace notestore::parse
