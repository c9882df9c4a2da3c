// The people part of a scoped pass: only the changed notes' names are resolved again.
#ifndef NOTESTORE_LIB_RESOLVE_SCOPED_PEOPLE_H_
#define NOTESTORE_LIB_RESOLVE_SCOPED_PEOPLE_H_

#include <SQLiteCpp/Database.h>

#include "resolve/scope.h"
#include "resolve/vault_resolver.h"

namespace notestore::resolve {

// Resolves the names of the notes `scope` changed, and updates the people they name,
// when the changes leave the rest of the vault's names resolving as they did: the
// people that can be named (person notes, full names, @Me) and what names mean are
// unchanged. Returns false, having changed nothing, when that cannot be shown (a person
// note changed, a full name appeared or went, a name became or stopped being a person
// of its own); the whole-vault pass must run then.
bool ResolveScopedPeople(SQLite::Database& db, const ResolveOptions& options, Scope& scope);

}  // namespace notestore::resolve

#endif  // NOTESTORE_LIB_RESOLVE_SCOPED_PEOPLE_H_
