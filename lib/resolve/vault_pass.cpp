// The vault-wide pass: its parts in order, over the whole vault or the changes' scope.
#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "resolve/decisions_ahead.h"
#include "resolve/duplicates.h"
#include "resolve/unchanged_decisions.h"
#include "resolve/vault_resolver.h"
#include "store/bulk_indexes.h"
#include "store/schema_sql.h"
#include "store/scoped_pragma.h"

namespace notestore::resolve {
namespace {

// Past this share of the vault, a scoped pass would read most of it anyway, one note at
// a time: the whole-vault pass reads it in one sweep.
constexpr int64_t kScopedUpToPercent = 20;

// The page cache of a whole-vault pass (measured at 100,000 notes: peak memory of a first
// ingest 322 -> 278 MB, and a little faster).
constexpr int kWholeVaultCacheKiB = 16384;

Scope ChooseScope(SQLite::Database& db, const store::ChangeSet* changes) {
  if (changes == nullptr) return Scope::Full();
  const int64_t notes = db.execAndGet("SELECT count(*) FROM notes").getInt64();
  const auto changed = static_cast<int64_t>(changes->notes.size());
  if (changed * 100 > notes * kScopedUpToPercent) return Scope::Full();
  return Scope::Of(*changes);
}

void Count(SQLite::Database& db, const char* sql, const std::set<int64_t>& ids, bool all) {
  SQLite::Statement update(db, sql);
  if (!all) {
    if (ids.empty()) return;
    update.bind(1, nlohmann::json(ids).dump());
  }
  update.exec();
}

}  // namespace

void UpdateCounts(SQLite::Database& db, const Scope& scope) {
  std::set<int64_t> people = scope.people_touched;
  people.insert(scope.changes().old_people.begin(), scope.changes().old_people.end());
  std::set<int64_t> accounts = scope.accounts_touched;
  accounts.insert(scope.changes().old_accounts.begin(), scope.changes().old_accounts.end());
  Count(db, store::kPeopleCounts, people, scope.full());
  Count(db, store::kAccountCounts, accounts, scope.full());
}

bool ResolveVault(SQLite::Database& db, const ResolveOptions& options,
                  const store::ChangeSet* changes, util::StepTimes& steps) {
  Scope scope = ChooseScope(db, changes);
  // A pass over the whole vault reads each table once, in order: a large page cache buys
  // it little, and at 100,000 notes its own memory comes on top of the cache's.
  std::optional<store::ScopedPragma> small;  // cache_size: negative for KiB.
  if (scope.full()) small.emplace(db, "cache_size", -kWholeVaultCacheKiB);
  // A scoped pass compares decisions on another core meanwhile, if it can read them;
  // not when the changed notes kept their decisions (then, unless a note joined or left
  // a repeated meeting's group, their links are only moved to the new ids). A pass
  // over the whole vault does not: the comparison's memory (26 MB at 20,000 notes) would
  // come on top of the people part's, at a first ingest's peak.
  std::optional<DecisionsAhead> decisions;
  if (options.published && !scope.full() && !SameDecisions(db, scope)) {
    decisions.emplace(db, scope);
  }
  ResolvePeople(db, options, scope);
  steps.Lap("people");
  ResolveAccounts(db, scope);
  steps.Lap("accounts");
  ResolveLinks(db, scope);
  steps.Lap("links");
  // After a first ingest, the indexes of the columns just set (store/bulk_indexes.h).
  if (store::RestoreIndexes(db) > 0) steps.Lap("indexes");
  LinkDuplicates(db, scope, steps, decisions ? &*decisions : nullptr);
  UpdateCounts(db, scope);  // Last: counts leave repeats out.
  steps.Lap("counts");
  return !scope.full() && !scope.people_whole_vault;
}

}  // namespace notestore::resolve
