// Stage 6, resolve: the vault's order. Wherever the vault-wide pass must pick a first
// (the name a person is shown by, the canonical one of repeated items), it goes by note
// path, so that results never depend on the order notes were ingested in.
#ifndef NOTESTORE_LIB_RESOLVE_VAULT_ORDER_H_
#define NOTESTORE_LIB_RESOLVE_VAULT_ORDER_H_

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <unordered_map>

namespace notestore::resolve {

// Note id -> position of the note in path order (0 first).
std::unordered_map<int64_t, int64_t> VaultOrder(SQLite::Database& db);

}  // namespace notestore::resolve

#endif  // NOTESTORE_LIB_RESOLVE_VAULT_ORDER_H_
