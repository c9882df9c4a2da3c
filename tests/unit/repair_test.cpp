#include <gtest/gtest.h>

#include <functional>

#include "repair/code_pages.h"
#include "repair/mojibake.h"
#include "util/utf8.h"

namespace notestore::repair {
namespace {

// Mangling as it happens: UTF-8 bytes shown through a code page, saved as UTF-8 again.
enum class Undefined { kDrop, kReplace, kC1 };

std::string Mangle(const std::string& utf8, const char32_t (&table)[128], Undefined undefined) {
  std::string out;
  for (unsigned char b : utf8) {
    char32_t cp = b;
    if (b >= 0x80) {
      cp = table[b - 0x80];
      if (cp == 0) {
        if (undefined == Undefined::kDrop) continue;
        cp = undefined == Undefined::kReplace ? util::kReplacementChar : b;
      }
    }
    util::AppendUtf8(cp, &out);
  }
  return out;
}

std::string Latin1(const std::string& utf8) {  // Every byte as U+00xx.
  std::string out;
  for (unsigned char b : utf8) util::AppendUtf8(b, &out);
  return out;
}

std::string MacRoman(const std::string& utf8, bool strip_apple_logo) {
  std::string out = Mangle(utf8, kMacRoman, Undefined::kDrop);
  if (strip_apple_logo) {
    const std::string logo = "\xEF\xA3\xBF";  // U+F8FF
    for (size_t p; (p = out.find(logo)) != std::string::npos;) out.erase(p, logo.size());
  }
  return out;
}

std::string Repair(const std::string& s) { return RepairMojibake(s); }

const std::vector<std::string> kSignifiers = {"📅", "📆", "🗓", "⏳", "⌛", "🛫", "➕", "✅", "❌",
                                              "🔁", "🆔", "⛔",    "🏁", "🔺", "⏫",    "🔼", "🔽", "⏬"};

struct Mangling {
  const char* name;
  std::function<std::string(const std::string&)> apply;
};

const std::vector<Mangling>& Manglings() {
  static const std::vector<Mangling> m = {
      {"Windows-1252, undefined bytes dropped",
       [](const std::string& s) { return Mangle(s, kWindows1252, Undefined::kDrop); }},
      {"Windows-1252, undefined bytes as U+FFFD",
       [](const std::string& s) { return Mangle(s, kWindows1252, Undefined::kReplace); }},
      {"Windows-1252 with Latin-1 controls",
       [](const std::string& s) { return Mangle(s, kWindows1252, Undefined::kC1); }},
      {"Latin-1", Latin1},
      {"Windows-1254, undefined bytes dropped",
       [](const std::string& s) { return Mangle(s, kWindows1254, Undefined::kDrop); }},
      {"MacRoman", [](const std::string& s) { return MacRoman(s, false); }},
      {"MacRoman, U+F8FF stripped", [](const std::string& s) { return MacRoman(s, true); }},
      {"Windows-1252 twice",
       [](const std::string& s) {
         return Mangle(Mangle(s, kWindows1252, Undefined::kC1), kWindows1252, Undefined::kC1);
       }},
  };
  return m;
}

TEST(Mojibake, EveryTasksSignifierThroughEveryMangling) {
  for (const Mangling& m : Manglings()) {
    for (const std::string& emoji : kSignifiers) {
      for (const std::string& text :
           {emoji, "Ship it " + emoji + " 2025-10-26 #task", "@Myself " + emoji + emoji}) {
        const std::string mangled = m.apply(text);
        EXPECT_EQ(Repair(mangled), text) << m.name << ": " << mangled;
      }
    }
  }
}

TEST(Mojibake, PunctuationAndAccentsThroughEveryMangling) {
  for (const Mangling& m : Manglings()) {
    for (const std::string& text :
         {std::string("Azure’s storage"), std::string("Nov 4–6"), std::string("“quoted” — dash…"),
          std::string("déjà vu, Müller")}) {
      EXPECT_EQ(Repair(m.apply(text)), text) << m.name << ": " << m.apply(text);
    }
  }
}

TEST(Mojibake, TheSeedsDamage) {
  EXPECT_EQ(Repair("Jasonâ€™s new remit"), "Jason’s new remit");
  EXPECT_EQ(Repair("@Myself ğŸ“… 2025-10-26 â« #task"), "@Myself 📅 2025-10-26 ⏫ #task");
  EXPECT_EQ(Repair("@Jack ğŸ“… 2025-10-26 ğŸ”½ #task"), "@Jack 📅 2025-10-26 🔽 #task");
  EXPECT_EQ(Repair("San Francisco Nov 4‚Äì6 üìÖ 2025-11-04"), "San Francisco Nov 4–6 📅 2025-11-04");
  EXPECT_EQ(Repair("@Sam Hopewell ‚è´ #task"), "@Sam Hopewell ⏫ #task");
  EXPECT_EQ(Repair("Kevin Park‚Äôs team"), "Kevin Park’s team");
}

TEST(Mojibake, CorrectTextIsNeverChanged) {
  const std::vector<std::string> correct = {
      "plain ASCII, with \"quotes\" and 'apostrophes' -- and dashes",
      "café, naïve, résumé, Müller, Øresund, smørrebrød, Ångström, señor, São Paulo, IRMÃ E",
      "Çağrı, ğüşıöç İstanbul'da, Şükrü",
      "Tại sao giá hạt sầu riêng lại lên giá",
      "Привет, как дела? Ёжик",
      "Καλημέρα κόσμε",
      "שלום עולם",
      "مرحبا بالعالم",
      "नमस्ते दुनिया",
      "你好，世界。東京の天気",
      "안녕하세요 세계",
      "สวัสดีครับ",
      "√2 ≈ 1.414, ∑ π Ω ∞ ≤ ≥ ≠ ± ÷ × µ ∂ ∆ ∏ ∫",
      "“curly” ‘single’ „low“ «guillemets» …",
      "emoji 😀 🎉 📅 ⏫ ✅ ❌ 👍🏽 🇫🇷 ❤️",
      "10 Å— radius",
      "AHÅ™, the sofa",
      "a lot of Ã’s here",
      "£5 €10 ¥100 ©2025 ®™ °C ½ ¾",
      "em—dash en–dash ellipsis…",
      "A ⇒ B, x → y",
      std::string("bytes that are not UTF-8: \xff\xfe\xc3 stay"),
  };
  for (const std::string& text : correct) EXPECT_EQ(Repair(text), text) << text;
}

TEST(Mojibake, ReportsWhatItDid) {
  RepairReport report;
  EXPECT_EQ(RepairMojibake("Azureâ€™s and üìÖ", &report), "Azure’s and 📅");
  EXPECT_EQ(report.characters, 2);
  EXPECT_EQ(report.encodings, (std::set<std::string>{"Windows-1252", "MacRoman"}));
  EXPECT_EQ(report.example, "â€™ -> ’");
}

TEST(Mojibake, FrenchAndPortugueseA) {
  EXPECT_EQ(Repair("voilÃ le travail"), "voilà le travail");
  EXPECT_EQ(Repair("jusqu'Ã nos jours"), "jusqu'à nos jours");
  EXPECT_EQ(Repair("atenÃ§Ã£o Ã s crianÃ§as"), "atenção às crianças");
  EXPECT_EQ(Repair("IRMÃ E"), "IRMÃ E");
}

}  // namespace
}  // namespace notestore::repair
