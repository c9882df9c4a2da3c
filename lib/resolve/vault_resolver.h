// Stage 6, resolve: the vault-wide pass after notes are stored. People, accounts, task
// owners, meeting attendees, account references, link targets and repeats depend on
// more than one note, so they are derived from the per-note rows after every change.
// The result depends only on those rows, never on the order notes were ingested in,
// nor on whether the pass covered the whole vault or only what changed.
#ifndef NOTESTORE_LIB_RESOLVE_VAULT_RESOLVER_H_
#define NOTESTORE_LIB_RESOLVE_VAULT_RESOLVER_H_

#include <SQLiteCpp/Database.h>

#include <string>

#include "resolve/scope.h"
#include "store/change_set.h"
#include "util/step_times.h"

namespace notestore::resolve {

struct ResolveOptions {
  std::string me;  // Full name that @Me / @Myself mean; empty if unknown.
  // Whether what the pass reads is committed: the ingest committed its notes before the
  // pass ("publish"). Helpers may then read it through connections of their own
  // (decisions_ahead.h). Default: false.
  bool published = false;
};

// Rewrites people, person_aliases, accounts, every *_id reference column, the repeats
// and the stored counts, and the diagnostics of stage 'resolve'. Call inside a write
// transaction. `changes`, when given, is what was written since the last pass: the
// pass then redoes only what those changes can affect, with the same result as a pass
// over the whole vault (which it falls back to when the changes are a large part of it).
// Null means the whole vault. Returns whether every part of the pass was scoped to the changes.
// Laps each part on `steps` ("people" ... "counts", as IngestReport::steps names them).
bool ResolveVault(SQLite::Database& db, const ResolveOptions& options,
                  const store::ChangeSet* changes, util::StepTimes& steps);

// The parts, in the order the pass runs them; each reads what the earlier ones added to
// `scope`.
void ResolvePeople(SQLite::Database& db, const ResolveOptions& options, Scope& scope);
void ResolveAccounts(SQLite::Database& db, Scope& scope);
void ResolveLinks(SQLite::Database& db, const Scope& scope);
// (LinkDuplicates, duplicates.h)
// The counts people and accounts keep, for those the scope touched (all when full).
void UpdateCounts(SQLite::Database& db, const Scope& scope);

}  // namespace notestore::resolve

#endif  // NOTESTORE_LIB_RESOLVE_VAULT_RESOLVER_H_
