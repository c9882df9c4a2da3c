// Reading names of people and accounts out of field values, bullets and table cells.
#ifndef NOTESTORE_LIB_EXTRACT_NAMES_H_
#define NOTESTORE_LIB_EXTRACT_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

namespace notestore::extract {

// The name a value refers to: the target of its first wikilink ("[[People/Sam Hopewell|Sam]]"
// -> "Sam Hopewell", folder and .md dropped), else the text without '@', quotes and
// emphasis. Whitespace collapsed.
std::string ExtractName(std::string_view value);

// Splits "Sam Hopewell, Jason Vallery and Jack" into names; wikilinks stay whole.
std::vector<std::string> SplitNameList(std::string_view value);

// Owners that mean "nobody yet": TBD, TBA, Unassigned, None, N/A, Unknown, Someone, ...
bool IsPlaceholderName(std::string_view name);

// Owners that mean the vault's owner: Me, Myself, I, Self.
bool IsSelfName(std::string_view name);

// Whether `name` reads like a person's name: 1-5 words, letters, no sentence
// punctuation, each word capitalized (particles like "van", "de" allowed).
bool LooksLikePersonName(std::string_view name);

// The key (util::NameKey) of the person a whole-vault pass resolves `name` to, when the
// name alone tells: a full name is its own person (the pass registers every full name it
// meets before it resolves any; unless a person note gives it as an alias, which the
// pass corrects), and Me, Myself, ... are `me`'s (when given). "" when it
// takes the vault to tell (a short name, decided by the note's context and the vault's
// other people) or the name means nobody. The writer guesses person ids with it on a
// first ingest; the pass checks every one (resolve/people_directory.h).
std::string KnownPersonKey(std::string_view name, std::string_view me);

// Placeholder values in fields and tables: "Unknown", "_Unknown_", "TBD", "N/A", "-".
bool IsPlaceholderValue(std::string_view value);

}  // namespace notestore::extract

#endif  // NOTESTORE_LIB_EXTRACT_NAMES_H_
