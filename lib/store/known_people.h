// Stage 5, store: person ids set as a first ingest writes its rows.
//
// The vault-wide pass resolves every task owner, attendee and mention, and writes the
// person id of each row whose stored id differs (resolve/vault_resolver.cpp). After a
// first ingest that was every row: a million updates at 100,000 notes, each rewriting
// its row, most of the pass's people step. Most of those ids are known as the rows are
// written: a full name is its own person and Me is the --me person
// (extract::KnownPersonKey). KnownPeople creates those people by key and gives their
// ids; the pass, which checks every row, then writes only the ids that took the whole
// vault (short names) and the people's names, roles and notes.
#ifndef NOTESTORE_LIB_STORE_KNOWN_PEOPLE_H_
#define NOTESTORE_LIB_STORE_KNOWN_PEOPLE_H_

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <string>
#include <unordered_map>

namespace notestore::store {

// Not thread-safe: the writer's. Use only where a whole-vault pass follows in the same
// ingest (or, should the process die first, in the next one: resolve_pending), since
// only that pass removes the people no row names any more.
class KnownPeople {
 public:
  // `me` is the vault owner's name, as --me gives it ("" for none).
  KnownPeople(SQLite::Database& db, std::string me);

  // The id of the person `name` (a task owner, attendee or mention as written) is known
  // to mean, created if new; 0 when it takes the vault to tell, or it means nobody.
  int64_t IdOf(const std::string& name);

 private:
  SQLite::Database& db_;
  SQLite::Statement find_;
  SQLite::Statement insert_;
  std::string me_;
  std::unordered_map<std::string, int64_t> by_name_;  // As written; 0 for not known.
  std::unordered_map<std::string, int64_t> by_key_;
};

}  // namespace notestore::store

#endif  // NOTESTORE_LIB_STORE_KNOWN_PEOPLE_H_
