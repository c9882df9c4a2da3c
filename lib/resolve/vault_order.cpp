#include "resolve/vault_order.h"

#include <SQLiteCpp/Statement.h>

namespace notestore::resolve {

std::unordered_map<int64_t, int64_t> VaultOrder(SQLite::Database& db) {
  std::unordered_map<int64_t, int64_t> rank;
  SQLite::Statement q(db, "SELECT id FROM notes ORDER BY path");
  for (int64_t i = 0; q.executeStep(); ++i) rank[q.getColumn(0).getInt64()] = i;
  return rank;
}

}  // namespace notestore::resolve
