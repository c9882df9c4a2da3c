// The decision part of LinkDuplicates (duplicates.h): decisions are compared across all
// notes, the same when worded alike and not dated differently.
#ifndef NOTESTORE_LIB_RESOLVE_DUPLICATE_DECISIONS_H_
#define NOTESTORE_LIB_RESOLVE_DUPLICATE_DECISIONS_H_

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <map>
#include <unordered_map>

#include "resolve/repeat_items.h"
#include "resolve/scope.h"

namespace notestore::resolve {

// The links among all decisions, and the duplicate_of values that change. `groups` maps
// notes of repeated meetings to the canonical one's, `rank` notes to their vault order.
// With a scope that is not full, only the decisions that could link differently are
// compared again (see duplicate_decisions.cpp); the result is the same.
Results LinkDecisions(SQLite::Database& db, const std::map<int64_t, int64_t>& groups,
                      const std::unordered_map<int64_t, int64_t>& rank, const Scope& scope);

}  // namespace notestore::resolve

#endif  // NOTESTORE_LIB_RESOLVE_DUPLICATE_DECISIONS_H_
