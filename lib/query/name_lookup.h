// Turning what a user types ("sam hopewell", "@Jack", "PR", "coreweave") into the id of
// a person, account or note. Every query that takes a name goes through here, so names
// match the same way everywhere: case-insensitively, by alias, and by a first name
// that fits one person only.
#ifndef NOTESTORE_LIB_QUERY_NAME_LOOKUP_H_
#define NOTESTORE_LIB_QUERY_NAME_LOOKUP_H_

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <string>

namespace notestore::query {

// Throws Error(kNotFound) when nobody matches and Error(kInvalidArgument) naming the
// candidates when several do. "me"/"myself" mean the --me person.
int64_t FindPersonId(SQLite::Database& db, const std::string& name);

// By name, account note alias, or name key ("core weave" finds CoreWeave).
int64_t FindAccountId(SQLite::Database& db, const std::string& name);

// By path (".md" optional, case-insensitive), else by a title or file name only one
// note has.
int64_t FindNoteId(SQLite::Database& db, const std::string& path_or_title);

}  // namespace notestore::query

#endif  // NOTESTORE_LIB_QUERY_NAME_LOOKUP_H_
