// Small string helpers shared by every stage. ASCII-only case folding on purpose:
// keys and names are compared the way Obsidian compares link paths.
#ifndef NOTESTORE_LIB_UTIL_TEXT_H_
#define NOTESTORE_LIB_UTIL_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace notestore::util {

bool IsSpace(char c);
std::string_view Trim(std::string_view s);
std::string_view TrimLeft(std::string_view s);
std::string_view TrimRight(std::string_view s);

std::string ToLowerAscii(std::string_view s);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);
bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix);

// Splits on `sep`, keeping empty pieces.
std::vector<std::string_view> Split(std::string_view s, char sep);
// Splits into lines on '\n' (the text is already LF-normalized). A final empty
// piece after a trailing newline is dropped.
std::vector<std::string_view> SplitLines(std::string_view s);

std::string Join(const std::vector<std::string>& parts, std::string_view sep);

// Where the first whitespace byte (IsSpace) of `s` is, or npos.
size_t FindSpace(std::string_view s);

// Collapses every run of whitespace to one space and trims both ends.
std::string CollapseWhitespace(std::string_view s);

// A key for matching names: lowercase ASCII letters and digits only, other bytes
// (spaces, hyphens, punctuation) dropped, non-ASCII kept. "Jack-Kabat" -> "jackkabat".
std::string NameKey(std::string_view s);

// Removes one pair of surrounding quotes ('...' or "...") if present.
std::string_view StripQuotes(std::string_view s);

}  // namespace notestore::util

#endif  // NOTESTORE_LIB_UTIL_TEXT_H_
