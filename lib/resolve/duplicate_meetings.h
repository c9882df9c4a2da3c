// The meeting part of LinkDuplicates (duplicates.h): finds meeting notes written twice,
// writes meetings.duplicate_of and their `duplicates` rows.
#ifndef NOTESTORE_LIB_RESOLVE_DUPLICATE_MEETINGS_H_
#define NOTESTORE_LIB_RESOLVE_DUPLICATE_MEETINGS_H_

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <map>

#include "resolve/scope.h"

namespace notestore::resolve {

// Links the meetings in `scope` (the people pass has added to it the meetings whose
// attendees changed); adds to scope.notes_touched the meetings whose link changed.
// Returns note id -> the canonical meeting's note id, for every note of a group of
// repeated meetings in the vault (the canonical one maps to itself).
std::map<int64_t, int64_t> LinkMeetings(SQLite::Database& db, Scope& scope);

}  // namespace notestore::resolve

#endif  // NOTESTORE_LIB_RESOLVE_DUPLICATE_MEETINGS_H_
