// How plausible a character is as the result of undoing mojibake.
#ifndef NOTESTORE_LIB_REPAIR_CHAR_CLASSES_H_
#define NOTESTORE_LIB_REPAIR_CHAR_CLASSES_H_

namespace notestore::repair {

enum class Plausibility {
  kPreferred,  // What notes are full of: Tasks signifiers, check marks, typographic punctuation.
  kStrong,     // Latin letters, symbols, emoji: enough on its own.
  kWeak,       // Letters of other scripts, CJK: only with others (a lone one is a coincidence).
  kNever,      // Controls, combining marks, IPA, private use, unassigned planes.
};

Plausibility Classify(char32_t cp);

// Letters of the Latin, Greek and Cyrillic scripts (for the context checks of repairs that
// produce a single letter), and whether one is lowercase (approximately, for Latin
// Extended-A).
bool IsLetter(char32_t cp);
bool IsLowercaseLetter(char32_t cp);

}  // namespace notestore::repair

#endif  // NOTESTORE_LIB_REPAIR_CHAR_CLASSES_H_
