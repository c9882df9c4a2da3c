// UTF-8 decoding helpers. Invalid input never throws: decoders report it so the
// caller can record a diagnostic.
#ifndef NOTESTORE_LIB_UTIL_UTF8_H_
#define NOTESTORE_LIB_UTIL_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace notestore::util {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at s[*pos] and advances *pos past it. On an invalid
// or truncated sequence returns kReplacementChar and advances by one byte.
char32_t DecodeUtf8(std::string_view s, size_t* pos);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// Whether `s` is entirely well-formed UTF-8 (no overlongs, surrogates or values
// above U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Length in bytes of the sequence a lead byte announces (1 for ASCII and for invalid
// lead bytes).
size_t Utf8SequenceLength(unsigned char lead);

// Characters (code points) of `s`; an invalid byte counts as one.
size_t CountCodePoints(std::string_view s);

// The `count` characters of `s` from character `start` (fewer at the end).
std::string_view SubstrCodePoints(std::string_view s, size_t start, size_t count);

// At most `max_bytes` of `s`, cut before a character rather than inside one.
std::string TruncateUtf8(std::string_view s, size_t max_bytes);

}  // namespace notestore::util

#endif  // NOTESTORE_LIB_UTIL_UTF8_H_
