// The decision part of LinkDuplicates (duplicates.h): decisions are compared across all
// notes, the same when worded alike and not dated differently.
#ifndef NOTESTORE_LIB_RESOLVE_DUPLICATE_DECISIONS_H_
#define NOTESTORE_LIB_RESOLVE_DUPLICATE_DECISIONS_H_

#include <SQLiteCpp/Database.h>

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

#include "resolve/repeat_items.h"
#include "resolve/scope.h"

namespace notestore::resolve {

// The links among all decisions, and the duplicate_of values that change. `groups` maps
// notes of repeated meetings to the canonical one's, `rank` notes to their vault order.
// With a scope that is not full, only the decisions that could link differently are
// compared again (see duplicate_decisions.cpp); the result is the same.
Results LinkDecisions(SQLite::Database& db, const std::map<int64_t, int64_t>& groups,
                      const std::unordered_map<int64_t, int64_t>& rank, const Scope& scope);

// LinkDecisions in two parts, so that the first, which needs neither the meeting groups
// nor the vault order, can run while the pass's earlier parts do (decisions_ahead.h).
//
// What the first part found: every decision (their words found) and which are alike.
struct ComparedDecisions {
  std::unique_ptr<WordIds> ids;  // The items' words are ids of this (it must not move).
  std::vector<Item> items;
  UnionFind alike{0};
};
// Thrown by CompareDecisions when `cancel` was set.
struct CompareCancelled {};
// Reads every decision and compares those that could link differently (all, for a full
// scope). Reads only the decisions table, which the pass's earlier parts leave as it is
// but for account_id. Checks `cancel` (when given) as it reads.
ComparedDecisions CompareDecisions(SQLite::Database& db, const Scope& scope,
                                   const std::atomic<bool>* cancel = nullptr);
// The second part: the groups' originals, and what to write.
Results GroupDecisions(ComparedDecisions& compared, const std::map<int64_t, int64_t>& groups,
                       const std::unordered_map<int64_t, int64_t>& rank);

}  // namespace notestore::resolve

#endif  // NOTESTORE_LIB_RESOLVE_DUPLICATE_DECISIONS_H_
