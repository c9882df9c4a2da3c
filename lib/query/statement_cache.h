// Prepared statements kept for reuse. Preparing the SQL of a profile's list (joins, a
// subquery choosing the page) takes 60-100 µs, as long as running it; a profile runs
// eight of them.
#ifndef NOTESTORE_LIB_QUERY_STATEMENT_CACHE_H_
#define NOTESTORE_LIB_QUERY_STATEMENT_CACHE_H_

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <string>
#include <unordered_map>

namespace notestore::query {

// The statements one connection has prepared, by their SQL. Not thread-safe (like the
// connection it belongs to); must be destroyed before the connection.
class StatementCache {
 public:
  explicit StatementCache(SQLite::Database& db) : db_(db) {}
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  SQLite::Database& db() { return db_; }

 private:
  friend class Prepared;
  // More distinct statements than this, and the cache starts again (those not lent): a
  // task query's SQL depends on its filters, so the set is not fixed.
  static constexpr size_t kMaxStatements = 64;

  struct Entry {
    std::unique_ptr<SQLite::Statement> statement;
    bool in_use = false;  // Lent to a Prepared.
  };

  SQLite::Database& db_;
  // Node-based: an entry stays put while others come and go.
  std::unordered_map<std::string, Entry> entries_;
};

// A statement to run: taken from a cache (and reset, its bindings cleared, when this
// goes, so it holds no read lock), or prepared for this use alone from a connection.
// A cached statement already in use (a nested query with the same SQL) is not shared:
// this one is then prepared anew.
class Prepared {
 public:
  Prepared(StatementCache& cache, const std::string& sql);
  Prepared(SQLite::Database& db, const std::string& sql);
  ~Prepared();
  Prepared(const Prepared&) = delete;
  Prepared& operator=(const Prepared&) = delete;

  SQLite::Statement& operator*() { return *statement_; }
  SQLite::Statement* operator->() { return statement_; }

 private:
  std::unique_ptr<SQLite::Statement> owned_;
  SQLite::Statement* statement_ = nullptr;
  bool* in_use_ = nullptr;  // The cache's flag for a borrowed statement.
};

}  // namespace notestore::query

#endif  // NOTESTORE_LIB_QUERY_STATEMENT_CACHE_H_
