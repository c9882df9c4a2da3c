// The meeting part of LinkDuplicates (duplicates.h): finds meeting notes written twice,
// writes meetings.duplicate_of and their `duplicates` rows.
#ifndef NOTESTORE_LIB_RESOLVE_DUPLICATE_MEETINGS_H_
#define NOTESTORE_LIB_RESOLVE_DUPLICATE_MEETINGS_H_

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <map>

namespace notestore::resolve {

// Returns note id -> the canonical meeting's note id, for every note of a group of
// repeated meetings (the canonical one maps to itself).
std::map<int64_t, int64_t> LinkMeetings(SQLite::Database& db);

}  // namespace notestore::resolve

#endif  // NOTESTORE_LIB_RESOLVE_DUPLICATE_MEETINGS_H_
