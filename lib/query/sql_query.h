// Building a SELECT from optional filters, with every value bound as a parameter (no
// user text is ever pasted into SQL).
#ifndef NOTESTORE_LIB_QUERY_SQL_QUERY_H_
#define NOTESTORE_LIB_QUERY_SQL_QUERY_H_

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace notestore::query {

using SqlValue = std::variant<int64_t, double, std::string>;

class SqlQuery {
 public:
  // `select` is everything up to the WHERE: "SELECT ... FROM ... JOIN ...".
  explicit SqlQuery(std::string select) : select_(std::move(select)) {}

  // Adds a condition, ANDed with the others; its '?' take `values` in order (plain '?'
  // only: numbered "?1" would clash with the parameters of other conditions).
  SqlQuery& Where(std::string condition, std::vector<SqlValue> values = {});
  SqlQuery& OrderBy(std::string order) {
    order_ = std::move(order);
    return *this;
  }
  // 0 for no limit.
  SqlQuery& Page(int limit, int offset) {
    limit_ = limit;
    offset_ = offset;
    return *this;
  }

  std::string Sql() const;
  // Binds every value to `statement`, which must have been prepared from Sql().
  void Bind(SQLite::Statement& statement) const;
  // The same for a statement prepared with SQLite's own API (for what SQLiteCpp cannot
  // bind, such as sqlite3_bind_pointer()). Returns SQLite's first error code, or SQLITE_OK.
  int Bind(sqlite3_stmt* statement) const;

 private:
  std::string select_;
  std::vector<std::string> conditions_;
  std::vector<SqlValue> values_;
  std::string order_;
  int limit_ = 0;
  int offset_ = 0;
};

}  // namespace notestore::query

#endif  // NOTESTORE_LIB_QUERY_SQL_QUERY_H_
