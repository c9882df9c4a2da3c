// Stage 4, extract: what a note means, read from its ParsedNote alone. Names stay as
// written here; the resolve stage later ties them to people and accounts across the
// whole vault.
#ifndef NOTESTORE_LIB_EXTRACT_NOTE_RECORD_H_
#define NOTESTORE_LIB_EXTRACT_NOTE_RECORD_H_

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace notestore::extract {

enum class NoteKind { kMeeting, kPerson, kAccount, kProject, kNote };
const char* NoteKindName(NoteKind kind);

// A person named in a note. `source` says how: "self" (the note is about them),
// "person" (a person: field), "attendee", "owner" (an Owner field), "contact" (a bullet
// under Collaborators, Key Contacts, ...), "table" (a row of a people table).
struct PersonMention {
  std::string name;
  std::string source;
  int line = 0;
  std::string role;
  std::string company;
};

// An account named in a note: "self" (an account note), "frontmatter", "field"
// (**Account**: line) or "tag" (account/... tags).
struct AccountMention {
  std::string name;
  std::string source;
  int line = 0;
};

struct MeetingInfo {
  std::optional<std::string> date;
  std::string title;
  std::optional<std::string> account;  // As written; resolved later.
  std::optional<std::string> source;   // frontmatter `source` (e.g. "transcript").
  std::vector<PersonMention> attendees;
};

struct Decision {
  int line = 0;
  std::string text;
  std::string section;
};

struct Fact {
  int line = 0;
  std::string kind;  // fact, blocker, opportunity, risk, question, requirement
  std::string text;
  std::string section;
};

struct NoteRecord {
  std::string title;
  NoteKind kind = NoteKind::kNote;
  std::optional<std::string> type;  // frontmatter `type` as written.
  std::optional<std::string> date;  // ISO date of the note, if it has one.
  std::optional<MeetingInfo> meeting;
  std::optional<std::string> account;           // The account the note is about, as written.
  std::optional<std::string> account_status;    // For account notes.
  std::optional<std::string> account_industry;  // For account notes.
  std::vector<PersonMention> people;
  std::vector<AccountMention> accounts;
  std::vector<Decision> decisions;
  std::vector<Fact> facts;
  Diagnostics diagnostics;
};

}  // namespace notestore::extract

#endif  // NOTESTORE_LIB_EXTRACT_NOTE_RECORD_H_
