#include "repair/char_classes.h"

namespace notestore::repair {
namespace {

bool In(char32_t cp, char32_t lo, char32_t hi) { return cp >= lo && cp <= hi; }

bool IsPreferred(char32_t cp) {
  switch (cp) {
    // Obsidian Tasks signifiers.
    case 0x1F4C5:
    case 0x1F4C6:
    case 0x1F5D3:
    case 0x23F3:
    case 0x231B:
    case 0x1F6EB:
    case 0x2795:
    case 0x2705:
    case 0x274C:
    case 0x1F501:
    case 0x1F194:
    case 0x26D4:
    case 0x1F3C1:
    case 0x1F53A:
    case 0x23EB:
    case 0x1F53C:
    case 0x1F53D:
    case 0x23EC:
    // Check marks and boxes.
    case 0x2713:
    case 0x2714:
    case 0x2716:
    case 0x2717:
    case 0x2718:
    case 0x2610:
    case 0x2611:
    case 0x2612:
    case 0x274E:
    // Typographic punctuation and common signs.
    case 0x2018:
    case 0x2019:
    case 0x201C:
    case 0x201D:
    case 0x2013:
    case 0x2014:
    case 0x2026:
    case 0x2022:
    case 0x20AC:
    case 0x2122:
    case 0x00A9:
    case 0x00AE:
    case 0x00B0:
    case 0x2192:
    case 0x2190:
    case 0x00A0:
      return true;
    default:
      return false;
  }
}

}  // namespace

Plausibility Classify(char32_t cp) {
  if (IsPreferred(cp)) return Plausibility::kPreferred;
  // C1 controls come out of text mangled twice (the next pass or the special cases map
  // them on); U+FFFD is what a decoder left for a byte it could not read.
  if (In(cp, 0x80, 0x9F) || cp == 0xFFFD) return Plausibility::kStrong;
  if (In(cp, 0xA0, 0x17F) || In(cp, 0x2C6, 0x2DD) ||       // Latin-1, Latin Ext-A, ˆ˜˛...
      In(cp, 0x1E00, 0x1EFF) || In(cp, 0xFF01, 0xFF5E)) {  // Vietnamese, full-width forms
    return Plausibility::kStrong;
  }
  if (In(cp, 0x2010, 0x205E) || In(cp, 0x20A0, 0x20CF) ||    // Punctuation, currency
      In(cp, 0x2100, 0x23FF) || In(cp, 0x2460, 0x27BF) ||    // Letterlike..technical, shapes
      In(cp, 0x2900, 0x2BFF) || In(cp, 0x1F000, 0x1FAFF)) {  // Arrows, symbols, emoji
    return Plausibility::kStrong;
  }
  if (In(cp, 0x180, 0x24F) || In(cp, 0x370, 0x3FF) ||      // Latin Ext-B, Greek
      In(cp, 0x400, 0x4FF) || In(cp, 0x5D0, 0x5EA) ||      // Cyrillic, Hebrew letters
      In(cp, 0x620, 0x64A) || In(cp, 0x660, 0x6FF) ||      // Arabic letters and digits
      In(cp, 0x900, 0xDFF) || In(cp, 0xE00, 0xE7F) ||      // Indic, Thai
      In(cp, 0x3000, 0x30FF) ||                            // Kana
      In(cp, 0x4E00, 0x9FFF) || In(cp, 0xAC00, 0xD7A3)) {  // CJK, Hangul
    return Plausibility::kWeak;
  }
  return Plausibility::kNever;
}

bool IsLetter(char32_t cp) {
  return (In(cp, 0xC0, 0x24F) && cp != 0xD7 && cp != 0xF7) || In(cp, 0x370, 0x4FF) ||
         In(cp, 0x1E00, 0x1EFF);
}

bool IsLowercaseLetter(char32_t cp) {
  if (In(cp, 0xDF, 0xFF)) return cp != 0xF7;
  if (In(cp, 0x100, 0x17F)) return cp % 2 == 1;  // Latin Extended-A alternates, mostly.
  return In(cp, 0x3B1, 0x3C9) || In(cp, 0x430, 0x45F);
}

}  // namespace notestore::repair
