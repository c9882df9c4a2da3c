// Recognizers for the inline syntax of Obsidian notes: #tags, [[wikilinks]],
// [markdown](links), inline fields and @owners. They work on one line of "masked" text,
// in which code spans and comments were blanked with spaces, so nothing inside code
// matches while byte offsets still line up with the original line.
#ifndef NOTESTORE_LIB_PARSE_INLINE_SYNTAX_H_
#define NOTESTORE_LIB_PARSE_INLINE_SYNTAX_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace notestore::parse {

struct Span {
  size_t begin = 0;  // Byte offsets into the line, end exclusive.
  size_t end = 0;
};

struct TagMatch {
  Span span;         // Includes the '#'.
  std::string name;  // Without the '#'.
};
// Obsidian tags: '#' at the start or after whitespace, then letters, digits, '_', '-',
// '/' or non-ASCII letters, with at least one character that is not a digit.
std::vector<TagMatch> FindTags(std::string_view s);

struct LinkMatch {
  Span span;
  std::string target;
  std::string display;
  std::string subpath;
  bool embed = false;
  bool wiki = true;
};
// [[target#sub|display]] and ![[embed]]. "\|" (a pipe escaped for tables) separates too.
std::vector<LinkMatch> FindWikilinks(std::string_view s);
// [text](target) and ![alt](target) to local files: URLs with a scheme (https:, mailto:)
// are not note links and are skipped. Targets are percent-decoded.
std::vector<LinkMatch> FindMarkdownLinks(std::string_view s);

struct FieldMatch {
  Span span;
  std::string key;
  std::string value;
};
// Dataview's bracketed inline fields: [key:: value] and (key:: value).
std::vector<FieldMatch> FindBracketFields(std::string_view s);
// A whole-line field after the line's prefix: "key:: value" (Dataview) or
// "**Key**: value" / "**Key:** value". Returns false when the line is not a field.
bool MatchLineField(std::string_view s, FieldMatch* out);

struct MentionMatch {
  Span span;         // Includes the '@'.
  std::string name;  // "Sam Hopewell"
};
// @Name mentions: the first word, then following capitalized words ("@Sam Hopewell");
// "@[[Sam Hopewell]]" too. An '@' inside a word (e-mail addresses) is not a mention.
std::vector<MentionMatch> FindMentions(std::string_view s);

// Offset where a line's content starts: after indentation, block-quote markers, a list
// marker and a task checkbox.
size_t LineContentStart(std::string_view line);

// Replaces [[target|alias]] by alias and [[target]] by target, and drops emphasis
// markers (** __ * _ at word edges): the plain reading of a short piece of markup.
std::string PlainText(std::string_view markup);

}  // namespace notestore::parse

#endif  // NOTESTORE_LIB_PARSE_INLINE_SYNTAX_H_
