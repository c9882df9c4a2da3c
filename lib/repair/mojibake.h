// Stage 2b, repair: undoing mojibake, text whose UTF-8 bytes were once decoded with the
// wrong code page (Windows-1252, Windows-1254, Latin-1 or MacRoman) and saved again:
// "Azureâ€™s" -> "Azure’s", "ğŸ“…" -> "📅", "üìÖ" -> "📅", "‚Äì" -> "–".
//
// The repair works run by run (a run is a stretch of non-ASCII characters): a run is
// re-encoded with the code page and decoded as UTF-8, and each resulting character is
// kept only if it is the kind of character text is made of; anything doubtful stays as
// it was. Bytes the code page could not show (Windows-1252 has none for 0x81, 0x8D, 0x8F,
// 0x90, 0x9D) were dropped by the mis-decoding: a sequence short of one such byte (two
// in an emoji) is completed when exactly one completion is a character notes use (a
// Tasks signifier, punctuation). Likewise MacRoman turns the lead byte of every emoji into
// U+F8FF, which is sometimes stripped: three continuation bytes alone get it back when
// that makes an emoji. Text mangled twice is repaired twice. Correct text is never
// changed: accented and non-Latin letters, math symbols, typographic quotes and emoji
// decode to nothing plausible and stay as they are.
#ifndef NOTESTORE_LIB_REPAIR_MOJIBAKE_H_
#define NOTESTORE_LIB_REPAIR_MOJIBAKE_H_

#include <set>
#include <string>
#include <string_view>

namespace notestore::repair {

struct RepairReport {
  int characters = 0;               // Characters of the result that came from a repair.
  std::set<std::string> encodings;  // Code pages found: "Windows-1252", "MacRoman", ...
  std::string example;              // The first repair, as "â€™ -> ’".
};

// Returns `text` with mojibake undone. Bytes that are not valid UTF-8 and everything
// outside mangled runs pass through unchanged, byte for byte. `report` may be null.
std::string RepairMojibake(std::string_view text, RepairReport* report = nullptr);

}  // namespace notestore::repair

#endif  // NOTESTORE_LIB_REPAIR_MOJIBAKE_H_
