#include <gtest/gtest.h>

#include "extract/names.h"
#include "extract/note_extractor.h"
#include "extract/sections.h"
#include "parse/note_parser.h"

namespace notestore::extract {
namespace {

NoteRecord Extract(const std::string& path, const std::string& text) {
  return ExtractNote(path, parse::ParseNote(text));
}

std::vector<std::string> Names(const std::vector<PersonMention>& people,
                               const std::string& source) {
  std::vector<std::string> out;
  for (const PersonMention& p : people) {
    if (source.empty() || p.source == source) out.push_back(p.name);
  }
  return out;
}

TEST(Classify, TypeThenMeetingShapeThenTagsThenFolder) {
  EXPECT_EQ(Extract("a.md", "---\ntype: 1:1\n---\n").kind, NoteKind::kMeeting);
  EXPECT_EQ(Extract("a.md", "---\ntype: Sync\n---\n").kind, NoteKind::kMeeting);
  // The seeds' meetings say type: people; a date plus attendees makes them meetings.
  EXPECT_EQ(Extract("a.md", "---\ntype: people\ndate: 2025-01-02\nparticipants: [A B]\n---\n").kind,
            NoteKind::kMeeting);
  EXPECT_EQ(Extract("a.md", "---\ntype: people\n---\n").kind, NoteKind::kPerson);
  EXPECT_EQ(Extract("a.md", "**Date**: 2025-01-02\n**Attendees**: Ann Lee\n").kind,
            NoteKind::kMeeting);
  EXPECT_EQ(Extract("a.md", "---\ntype: customer\n---\n").kind, NoteKind::kAccount);
  EXPECT_EQ(Extract("a.md", "---\ntype: projects\n---\n").kind, NoteKind::kProject);
  EXPECT_EQ(Extract("a.md", "---\ntags: [type/customer]\n---\n").kind, NoteKind::kAccount);
  EXPECT_EQ(Extract("People/Ann.md", "just text").kind, NoteKind::kPerson);
  EXPECT_EQ(Extract("Notes/x.md", "just text").kind, NoteKind::kNote);
}

TEST(Extract, TitleAndDateFallbacks) {
  NoteRecord r = Extract("M/2025-03-04 - Weekly sync.md", "no heading");
  EXPECT_EQ(r.title, "Weekly sync");
  EXPECT_EQ(r.date, "2025-03-04");
  r = Extract("x.md", "# The **Heading**\n**Date**: 2025/03/05\n");
  EXPECT_EQ(r.title, "The Heading");
  EXPECT_EQ(r.date, "2025-03-05");
  r = Extract("x.md", "---\ntitle: Given\ndate: 31/12/2025\n---\n# Other\n");
  EXPECT_EQ(r.title, "Given");
  EXPECT_EQ(r.date, std::nullopt);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, "invalid-date");
}

TEST(Extract, MeetingAttendeesFromEverySource) {
  const NoteRecord r = Extract(
      "m.md",
      "---\ndate: 2025-10-22\nperson: Jack Kabat\nparticipants:\n- Jason Vallery\n- \"[[Jack "
      "Kabat]]\"\n---\n**With**: Sam Hopewell and @Ann Lee; TBD\n");
  ASSERT_TRUE(r.meeting.has_value());
  EXPECT_EQ(Names(r.meeting->attendees, ""),
            (std::vector<std::string>{"Jack Kabat", "Jason Vallery", "Sam Hopewell", "Ann Lee"}));
}

TEST(Extract, AccountsButNotPeopleDeclaredInTheNote) {
  const NoteRecord r =
      Extract("m.md",
              "---\ndate: 2025-09-18\nperson: Jack Kabat\nparticipants: [Jack Kabat]\n"
              "tags: [account/jack-kabat, account/open-ai]\n---\n**Account**: [[Jack Kabat]]\n");
  ASSERT_EQ(r.accounts.size(), 1u);
  EXPECT_EQ(r.accounts[0].name, "open-ai");
  EXPECT_EQ(r.accounts[0].source, "tag");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, "account-is-person");
  EXPECT_EQ(r.meeting->account, "open-ai");
}

TEST(Extract, AccountNoteStatusFromItsTable) {
  NoteRecord r =
      Extract("c.md",
              "---\ntype: customer\ntitle: Acme\nstatus: active\n---\n"
              "## Account Status\n| Field | Value |\n|--|--|\n| **Status** | Prospect |\n"
              "| **Industry** | _Unknown_ |\n");
  EXPECT_EQ(r.kind, NoteKind::kAccount);
  EXPECT_EQ(r.account, "Acme");
  EXPECT_EQ(r.account_status, "Prospect");
  EXPECT_EQ(r.account_industry, std::nullopt);
  r = Extract("c.md", "---\ntype: customer\nstatus: churned\nindustry: Retail\n---\n");
  EXPECT_EQ(r.account_status, "churned");
  EXPECT_EQ(r.account_industry, "Retail");
}

TEST(Extract, PeopleFromSectionsAndTables) {
  const NoteRecord r = Extract(
      "p.md",
      "## Key Contacts\n- [[Gordon Brown]]\n- Ann Lee - Buyer\n- A sentence that is not a name.\n"
      "## Collaborators\n| Person | Role | Company |\n|--|--|--|\n| [[Rick Haselton]] | Lead | "
      "VAST Data |\n| Jeff Denworth | | |\n"
      "## Related\n- [[Microsoft]]\n"
      "## Team\n| Name | Title |\n|--|--|\n| Bo Chen | CTO |\n"
      "## Products\n| Name | Price |\n|--|--|\n| Widget | 3 |\n");
  EXPECT_EQ(Names(r.people, "contact"), (std::vector<std::string>{"Gordon Brown", "Ann Lee"}));
  EXPECT_EQ(Names(r.people, "table"),
            (std::vector<std::string>{"Rick Haselton", "Jeff Denworth", "Bo Chen"}));
  for (const PersonMention& p : r.people) {
    if (p.name == "Rick Haselton") {
      EXPECT_EQ(p.role, "Lead");
      EXPECT_EQ(p.company, "VAST Data");
    }
    if (p.name == "Ann Lee") {
      EXPECT_EQ(p.role, "Buyer");
    }
    if (p.name == "Bo Chen") {
      EXPECT_EQ(p.role, "CTO");
    }
  }
}

TEST(Extract, DecisionsAndFactsBySection) {
  const NoteRecord r = Extract(
      "d.md",
      "## Key Decisions\n- ✅ Ship in May\n  - detail, not a decision\n- ❌️ Drop the beta\n"
      "### Technical\n- Use Postgres\n"
      "## Current Blockers\n- ❌ Budget\n## Opportunities\n- Upsell\n## Risks\n- Churn\n"
      "## Open Questions\n- Who pays?\n## Key Information\n- Fact one\n## Summary\n- not a fact\n");
  ASSERT_EQ(r.decisions.size(), 3u);
  EXPECT_EQ(r.decisions[0].text, "Ship in May");
  EXPECT_EQ(r.decisions[1].text, "Drop the beta");
  EXPECT_EQ(r.decisions[2].text, "Use Postgres");
  EXPECT_EQ(r.decisions[2].section, "Technical");
  std::vector<std::pair<std::string, std::string>> facts;
  for (const Fact& f : r.facts) facts.emplace_back(f.kind, f.text);
  EXPECT_EQ(facts, (std::vector<std::pair<std::string, std::string>>{{"blocker", "Budget"},
                                                                     {"opportunity", "Upsell"},
                                                                     {"risk", "Churn"},
                                                                     {"question", "Who pays?"},
                                                                     {"fact", "Fact one"}}));
}

TEST(Extract, TaskUnderDecisionsIsADecisionWithoutTaskFields) {
  const std::string text =
      "## Key Decisions\n- ✅ Keep the cluster\n\n"
      "- [x] Go with Postgres @Ann Lee 📅 2026-12-01 ⏫ #task\n"
      "## Key Facts\n- [ ] Confirm the quota @Bo Chen ⏳ 2026-11-02\n";
  const NoteRecord r = Extract("p.md", text);
  ASSERT_EQ(r.decisions.size(), 2u);
  EXPECT_EQ(r.decisions[0].text, "Keep the cluster");
  EXPECT_EQ(r.decisions[1].text, "Go with Postgres");
  ASSERT_EQ(r.facts.size(), 1u);
  EXPECT_EQ(r.facts[0].text, "Confirm the quota");
  // Still the tasks they were, with their owners and dates.
  const parse::ParsedNote parsed = parse::ParseNote(text);
  ASSERT_EQ(parsed.tasks.size(), 2u);
  EXPECT_EQ(parsed.tasks[0].fields.owner, "Ann Lee");
  EXPECT_EQ(parsed.tasks[0].fields.due, "2026-12-01");
  EXPECT_EQ(parsed.tasks[1].fields.owner, "Bo Chen");
}

TEST(Sections, HeadingsClassified) {
  EXPECT_EQ(ClassifyHeading("✅ Key Decisions").role, SectionRole::kDecisions);
  EXPECT_EQ(ClassifyHeading("Action Items").role, SectionRole::kTasks);
  EXPECT_EQ(ClassifyHeading("🚧 Current Blockers:").fact_kind, "blocker");
  EXPECT_EQ(ClassifyHeading("Related People").role, SectionRole::kPeople);
  EXPECT_EQ(ClassifyHeading("Related").role, SectionRole::kRelated);
  EXPECT_EQ(ClassifyHeading("Summary").role, SectionRole::kNone);
}

TEST(Names, PlaceholdersSelfAndShape) {
  EXPECT_TRUE(IsPlaceholderName("TBD"));
  EXPECT_TRUE(IsPlaceholderName("unassigned"));
  EXPECT_TRUE(IsSelfName("Myself"));
  EXPECT_TRUE(IsSelfName("me"));
  EXPECT_FALSE(IsSelfName("Mel"));
  EXPECT_TRUE(LooksLikePersonName("Ludwig van Beethoven"));
  EXPECT_TRUE(LooksLikePersonName("Zoë"));
  EXPECT_FALSE(LooksLikePersonName("a sentence about things"));
  EXPECT_FALSE(LooksLikePersonName("Q3 Plan"));
  EXPECT_EQ(ExtractName("[[People/Sam Hopewell|Sam]]"), "Sam Hopewell");
  EXPECT_EQ(ExtractName("@Jack"), "Jack");
  EXPECT_EQ(SplitNameList("A B, [[C, D]] and E F"),
            (std::vector<std::string>{"A B", "C, D", "E F"}));
}

}  // namespace
}  // namespace notestore::extract
