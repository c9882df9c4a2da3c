// Stage 6, resolve: the vault-wide pass after notes are stored. People, accounts, task
// owners, meeting attendees, account references and link targets depend on more than
// one note, so they are derived again from the per-note rows after every change. The
// result depends only on those rows, never on the order notes were ingested in.
#ifndef NOTESTORE_LIB_RESOLVE_VAULT_RESOLVER_H_
#define NOTESTORE_LIB_RESOLVE_VAULT_RESOLVER_H_

#include <SQLiteCpp/Database.h>

#include <string>

namespace notestore::resolve {

struct ResolveOptions {
  std::string me;  // Full name that @Me / @Myself mean; empty if unknown.
};

// Rewrites people, person_aliases, accounts and every *_id reference column, and the
// diagnostics of stage 'resolve'. Call inside a write transaction.
void ResolveVault(SQLite::Database& db, const ResolveOptions& options);

// The parts, exposed for tests.
void ResolvePeople(SQLite::Database& db, const ResolveOptions& options);
void ResolveAccounts(SQLite::Database& db);
void ResolveLinks(SQLite::Database& db);

}  // namespace notestore::resolve

#endif  // NOTESTORE_LIB_RESOLVE_VAULT_RESOLVER_H_
