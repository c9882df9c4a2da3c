// Finding the people and accounts a note names: in frontmatter fields, **Field**: lines,
// people sections (Collaborators, Key Contacts, ...), people tables and account tags.
#ifndef NOTESTORE_LIB_EXTRACT_MENTIONS_H_
#define NOTESTORE_LIB_EXTRACT_MENTIONS_H_

#include <set>
#include <string>
#include <vector>

#include "extract/note_record.h"
#include "parse/parsed_note.h"

namespace notestore::extract {

// Attendees from participants/attendees/with frontmatter and **Attendees**: lines, plus
// the `person:` field (the other side of a 1:1). Deduplicated, first mention kept.
std::vector<PersonMention> FindAttendees(const parse::ParsedNote& note);

// Every person the note names, attendees included (not task owners: those are
// resolved with the tasks).
std::vector<PersonMention> FindPeople(const parse::ParsedNote& note,
                                      const std::vector<PersonMention>& attendees);

// Accounts the note names, except names the note itself declares to be people (its
// person: field, attendees, or the note's own subject when it is a person note);
// each exclusion adds an info diagnostic.
std::vector<AccountMention> FindAccounts(const parse::ParsedNote& note,
                                         const std::set<std::string>& person_keys,
                                         Diagnostics* diagnostics);

}  // namespace notestore::extract

#endif  // NOTESTORE_LIB_EXTRACT_MENTIONS_H_
