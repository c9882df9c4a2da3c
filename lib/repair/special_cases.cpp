#include "repair/special_cases.h"

#include "repair/code_pages.h"
#include "util/text.h"
#include "util/utf8.h"

namespace notestore::repair {
namespace {

constexpr std::string_view kCapitalATilde = "\xC3\x83";  // Ã
constexpr std::string_view kSmallAGrave = "\xC3\xA0";    // à

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

void Count(RepairReport* report, const char* encoding, const std::string& example) {
  if (!report) return;
  ++report->characters;
  report->encodings.insert(encoding);
  if (report->example.empty()) report->example = example;
}

// Portuguese contractions of "à": às, àquele, àquela, àquilo (and plurals).
bool StartsContraction(std::string_view rest) {
  for (std::string_view word : {"s", "quele", "queles", "quela", "quelas", "quilo"}) {
    if (util::StartsWith(rest, word)) {
      const size_t n = word.size();
      if (rest.size() == n ||
          !((rest[n] >= 'a' && rest[n] <= 'z') || (rest[n] >= 'A' && rest[n] <= 'Z'))) {
        return word != "s" || (rest.size() > n && rest[n] == ' ');  // "às " needs the space.
      }
    }
  }
  return false;
}

}  // namespace

std::string RepairSpecialCases(std::string_view text, RepairReport* report) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    // A C1 control (U+0080-U+009F, bytes C2 80-C2 9F): a Windows-1252 byte read as
    // Latin-1. Real text never holds these.
    if (c == 0xC2 && pos + 1 < text.size()) {
      const unsigned char b = static_cast<unsigned char>(text[pos + 1]);
      if (b >= 0x80 && b <= 0x9F && kWindows1252[b - 0x80] != 0) {
        std::string fixed;
        util::AppendUtf8(kWindows1252[b - 0x80], &fixed);
        Count(report, "Latin-1", std::string(text.substr(pos, 2)) + " -> " + fixed);
        out += fixed;
        pos += 2;
        continue;
      }
    }
    // "Ã " at the end of a word (not an upper-case one: "IRMÃ E" is Portuguese) is "à"
    // whose no-break space became a space.
    if (text.compare(pos, 3, "\xC3\x83 ") == 0 && (pos == 0 || !IsAsciiUpper(text[pos - 1]))) {
      const std::string_view rest = text.substr(pos + 3);
      out += kSmallAGrave;
      Count(report, "Windows-1252", std::string(kCapitalATilde) + " -> à");
      // Absorb the space that was the no-break space when another follows, or before
      // the Portuguese contractions; otherwise it separates "à" from the next word.
      pos += (util::StartsWith(rest, " ") || StartsContraction(rest)) ? 3 : 2;
      continue;
    }
    out.push_back(text[pos++]);
  }
  return out;
}

}  // namespace notestore::repair
