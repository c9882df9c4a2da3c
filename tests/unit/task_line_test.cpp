#include "parse/task_line.h"

#include <gtest/gtest.h>

namespace notestore::parse {
namespace {

TaskFields Parse(std::string_view text) { return ParseTaskLine(text, text); }

TEST(TaskLine, EverySignifierAnywhereInTheLine) {
  const TaskFields f = Parse(
      "⏫ Ship it 📅 2025-10-26 ⏳ 2025-10-20 🛫 2025-10-18 ➕ 2025-10-01 ✅ 2025-10-25 "
      "❌ 2025-10-24 🔁 every week on Monday 🆔 ship1 ⛔ a1, b2 #release @Sam Hopewell");
  EXPECT_EQ(f.text, "Ship it");
  EXPECT_EQ(f.priority, "high");
  EXPECT_EQ(f.due, "2025-10-26");
  EXPECT_EQ(f.scheduled, "2025-10-20");
  EXPECT_EQ(f.start, "2025-10-18");
  EXPECT_EQ(f.created, "2025-10-01");
  EXPECT_EQ(f.done, "2025-10-25");
  EXPECT_EQ(f.cancelled, "2025-10-24");
  EXPECT_EQ(f.recurrence, "every week on Monday");
  EXPECT_EQ(f.task_id, "ship1");
  EXPECT_EQ(f.depends_on, "a1, b2");
  EXPECT_EQ(f.tags, (std::vector<std::string>{"release"}));
  EXPECT_EQ(f.owner, "Sam Hopewell");
  EXPECT_TRUE(f.diagnostics.empty());
}

TEST(TaskLine, AlternativeEmojiAndVariationSelectors) {
  EXPECT_EQ(Parse("a 📆 2025-01-02").due, "2025-01-02");
  EXPECT_EQ(Parse("a 🗓️ 2025-01-03").due, "2025-01-03");  // U+1F5D3 U+FE0F
  EXPECT_EQ(Parse("a ⌛ 2025-01-04").scheduled, "2025-01-04");
  EXPECT_EQ(Parse("a ⏳️2025-01-05").scheduled, "2025-01-05");  // no space, U+FE0F
  EXPECT_EQ(Parse("a 🔺").priority, "highest");
  EXPECT_EQ(Parse("a 🔼").priority, "medium");
  EXPECT_EQ(Parse("a 🔽").priority, "low");
  EXPECT_EQ(Parse("a ⏬️").priority, "lowest");
  EXPECT_EQ(Parse("a").priority, std::nullopt);
}

TEST(TaskLine, DataviewFields) {
  const TaskFields f = Parse(
      "Pay rent [due:: 2025-11-01] [priority:: High] [repeat:: every month] "
      "[completion:: 2025-11-02] (created:: 2025-10-01) [custom:: kept]");
  EXPECT_EQ(f.due, "2025-11-01");
  EXPECT_EQ(f.priority, "high");
  EXPECT_EQ(f.recurrence, "every month");
  EXPECT_EQ(f.done, "2025-11-02");
  EXPECT_EQ(f.created, "2025-10-01");
  EXPECT_EQ(f.text, "Pay rent [custom:: kept]");
}

TEST(TaskLine, OwnerIsTheTrailingMention) {
  EXPECT_EQ(Parse("Share notes @Jack Kabat 📅 2025-10-26 🔽 #task").owner, "Jack Kabat");
  EXPECT_EQ(Parse("@Sam send the deck").owner, "Sam");
  EXPECT_EQ(Parse("@Sam send the deck").text, "send the deck");
  // A mention inside the sentence is a reference, not an owner.
  TaskFields f = Parse("Check with @Vlad about storage");
  EXPECT_EQ(f.owner, "");
  EXPECT_EQ(f.text, "Check with @Vlad about storage");
  f = Parse("Check with @Vlad about storage @Jack");
  EXPECT_EQ(f.owner, "Jack");
  EXPECT_EQ(f.text, "Check with @Vlad about storage");
  // Mis-decoded emoji after the owner do not hide it.
  EXPECT_EQ(Parse("Do it @Myself ğŸ“… 2025-10-26 â« #task").owner, "Myself");
  EXPECT_EQ(Parse("Write to sam@example.com").owner, "");
}

TEST(TaskLine, BlockIdAndCodeAreRespected) {
  const std::string text = "Fix `#nottag @Nobody` bug ^abc-1";
  std::string masked = text;
  for (size_t i = text.find('`'); i <= text.rfind('`'); ++i) masked[i] = ' ';
  const TaskFields f = ParseTaskLine(text, masked);
  EXPECT_EQ(f.block_id, "abc-1");
  EXPECT_TRUE(f.tags.empty());
  EXPECT_EQ(f.owner, "");
  EXPECT_EQ(f.text, "Fix `#nottag @Nobody` bug");
}

TEST(TaskLine, InvalidDatesAreReported) {
  TaskFields f = Parse("Renew 📅 2025-02-30");
  EXPECT_EQ(f.due, std::nullopt);
  ASSERT_EQ(f.diagnostics.size(), 1u);
  EXPECT_EQ(f.diagnostics[0].code, "invalid-task-date");
  EXPECT_EQ(f.text, "Renew 2025-02-30");
  f = Parse("Renew 📅 soon");
  EXPECT_EQ(f.diagnostics.size(), 1u);
  f = Parse("Renew [due:: someday]");
  EXPECT_EQ(f.diagnostics.size(), 1u);
}

}  // namespace
}  // namespace notestore::parse
