// Stage 2, decode: turn a note file's bytes into clean UTF-8 text with LF line ends.
// Text repair (mojibake) will plug in here, between reading and parsing.
#ifndef NOTESTORE_LIB_DECODE_NOTE_TEXT_H_
#define NOTESTORE_LIB_DECODE_NOTE_TEXT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.h"

namespace notestore::decode {

struct DecodedText {
  std::string text;         // UTF-8, '\n' line ends, no BOM.
  Diagnostics diagnostics;  // What was changed or suspicious.
};

enum class ReadOutcome {
  kRead,      // *out holds the file.
  kVanished,  // It no longer exists (deleted or renamed since the scan).
  kTooLarge,  // It is over max_bytes (it grew since the scan).
  kFailed,    // It cannot be read (permissions, I/O error, not a regular file).
};

// Reads a whole regular file into *out, at most `max_bytes`. Every outcome but kRead
// adds a diagnostic and leaves *out empty.
ReadOutcome ReadFile(const std::string& path, int64_t max_bytes, std::string* out,
                     Diagnostics* diagnostics);

// Whether the bytes look like a binary file rather than text (NUL bytes near the start).
bool LooksBinary(std::string_view bytes);

// Strips a UTF-8 BOM, turns CRLF and lone CR into LF, replaces each byte that is not
// part of valid UTF-8 by the Windows-1252 character it stands for (the usual origin of
// such bytes) and each NUL by U+FFFD, with a diagnostic for each kind.
DecodedText DecodeNoteBytes(std::string_view bytes);

}  // namespace notestore::decode

#endif  // NOTESTORE_LIB_DECODE_NOTE_TEXT_H_
