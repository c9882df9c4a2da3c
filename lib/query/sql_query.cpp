#include "query/sql_query.h"

#include <utility>

namespace notestore::query {

SqlQuery& SqlQuery::Where(std::string condition, std::vector<SqlValue> values) {
  condition.insert(0, "(");
  condition += ")";
  conditions_.push_back(std::move(condition));
  for (SqlValue& v : values) values_.push_back(std::move(v));
  return *this;
}

std::string SqlQuery::Sql() const {
  std::string sql = select_;
  for (size_t i = 0; i < conditions_.size(); ++i) {
    sql += i == 0 ? " WHERE " : " AND ";
    sql += conditions_[i];
  }
  if (!order_.empty()) sql += " ORDER BY " + order_;
  sql += " LIMIT ? OFFSET ?";
  return sql;
}

void SqlQuery::Bind(SQLite::Statement& statement) const {
  int index = 0;
  for (const SqlValue& v : values_) {
    ++index;
    std::visit([&](const auto& x) { statement.bind(index, x); }, v);
  }
  statement.bind(++index, static_cast<int64_t>(limit_ > 0 ? limit_ : -1));
  statement.bind(++index, static_cast<int64_t>(offset_ > 0 ? offset_ : 0));
}

int SqlQuery::Bind(sqlite3_stmt* statement) const {
  int index = 0;
  int rc = SQLITE_OK;
  auto bind = [&](const SqlValue& v) {
    ++index;
    if (rc != SQLITE_OK) return;
    if (const auto* i = std::get_if<int64_t>(&v)) {
      rc = sqlite3_bind_int64(statement, index, *i);
    } else if (const auto* d = std::get_if<double>(&v)) {
      rc = sqlite3_bind_double(statement, index, *d);
    } else {
      const std::string& text = std::get<std::string>(v);
      rc = sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()),
                             SQLITE_TRANSIENT);
    }
  };
  for (const SqlValue& v : values_) bind(v);
  bind(static_cast<int64_t>(limit_ > 0 ? limit_ : -1));
  bind(static_cast<int64_t>(offset_ > 0 ? offset_ : 0));
  return rc;
}

}  // namespace notestore::query
