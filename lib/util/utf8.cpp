#include "util/utf8.h"

namespace notestore::util {

size_t Utf8SequenceLength(unsigned char lead) {
  if (lead < 0xC2) return 1;  // ASCII, continuation bytes and overlong leads.
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  if (lead < 0xF5) return 4;
  return 1;
}

char32_t DecodeUtf8(std::string_view s, size_t* pos) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const size_t i = *pos;
  const unsigned char lead = byte(i);
  if (lead < 0x80) {
    *pos = i + 1;
    return lead;
  }
  const size_t len = Utf8SequenceLength(lead);
  if (len == 1 || i + len > s.size()) {
    *pos = i + 1;
    return kReplacementChar;
  }
  char32_t cp = lead & (0xFF >> (len + 1));
  for (size_t k = 1; k < len; ++k) {
    const unsigned char c = byte(i + k);
    if ((c & 0xC0) != 0x80) {
      *pos = i + 1;
      return kReplacementChar;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  // Reject overlong forms, UTF-16 surrogates and values past U+10FFFF.
  const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
  if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
    *pos = i + 1;
    return kReplacementChar;
  }
  *pos = i + len;
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsValidUtf8(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {
      ++pos;
      continue;
    }
    const size_t before = pos;
    const char32_t cp = DecodeUtf8(s, &pos);
    // A genuine U+FFFD is three bytes; a decoding failure advances only one.
    if (cp == kReplacementChar && pos - before != 3) return false;
  }
  return true;
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (size_t pos = 0; pos < s.size(); ++n) DecodeUtf8(s, &pos);
  return n;
}

std::string_view SubstrCodePoints(std::string_view s, size_t start, size_t count) {
  size_t pos = 0;
  for (size_t i = 0; i < start && pos < s.size(); ++i) DecodeUtf8(s, &pos);
  size_t end = pos;
  for (size_t i = 0; i < count && end < s.size(); ++i) DecodeUtf8(s, &end);
  return s.substr(pos, end - pos);
}

std::string TruncateUtf8(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  size_t end = 0;
  for (size_t pos = 0; pos < s.size();) {
    DecodeUtf8(s, &pos);
    if (pos > max_bytes) break;
    end = pos;
  }
  return std::string(s.substr(0, end));
}

}  // namespace notestore::util
