#include "query/sql_query.h"

namespace notestore::query {

SqlQuery& SqlQuery::Where(std::string condition, std::vector<SqlValue> values) {
  conditions_.push_back("(" + condition + ")");
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

}  // namespace notestore::query
