// The decision part of a scoped pass, when it has nothing to compare: a note rewritten
// for another reason (a task added, a line fixed) comes back with the same decisions
// under new row ids.
#ifndef NOTESTORE_LIB_RESOLVE_UNCHANGED_DECISIONS_H_
#define NOTESTORE_LIB_RESOLVE_UNCHANGED_DECISIONS_H_

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "resolve/scope.h"

namespace notestore::resolve {

// Whether every changed note has the same decisions as before (text and date, in order;
// none for notes added or removed). Appends to *moved, when given, each old id with its
// new one (as far as they match: use only when this returns true).
bool SameDecisions(SQLite::Database& db, const Scope& scope,
                   std::vector<std::pair<int64_t, int64_t>>* moved = nullptr);

// When every changed note has the same decisions as before (text and date, in order;
// none for notes added or removed), and no note with decisions became or stopped being
// a repeated meeting (`old_groups` and `groups`: note -> canonical meeting note, before
// and after), the repeats among decisions are what they were: moves their links from
// the old row ids to the new ones and returns true. Otherwise changes nothing and
// returns false: the decisions must be linked again.
bool RelinkUnchangedDecisions(SQLite::Database& db, const Scope& scope,
                              const std::map<int64_t, int64_t>& old_groups,
                              const std::map<int64_t, int64_t>& groups);

}  // namespace notestore::resolve

#endif  // NOTESTORE_LIB_RESOLVE_UNCHANGED_DECISIONS_H_
