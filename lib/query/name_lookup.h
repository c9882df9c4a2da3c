// Turning what a user types ("sam hopewell", "@Jack", "PR", "coreweave") into the id of
// a person, account or note. Every query that takes a name goes through here, so names
// match the same way everywhere: case-insensitively, by alias, and by a first name
// that fits one person only.
#ifndef NOTESTORE_LIB_QUERY_NAME_LOOKUP_H_
#define NOTESTORE_LIB_QUERY_NAME_LOOKUP_H_

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <string>

#include "query/statement_cache.h"

namespace notestore::query {

// `raw` is the name as typed. Throws Error(kNotFound) when nobody matches and
// Error(kInvalidArgument) naming the candidates when several do. "me"/"myself" mean the
// --me person. Source: the connection, or its StatementCache (both are defined). Each
// way of matching is tried only if the ones before it found nobody.
template <typename Source>
int64_t FindPersonId(Source& source, const std::string& raw);

// By name, account note alias, or name key ("core weave" finds CoreWeave).
template <typename Source>
int64_t FindAccountId(Source& source, const std::string& raw);

// By path (".md" optional, case-insensitive), else by a title or file name only one
// note has (the file name last: it reads every path).
int64_t FindNoteId(SQLite::Database& db, const std::string& raw);

}  // namespace notestore::query

#endif  // NOTESTORE_LIB_QUERY_NAME_LOOKUP_H_
