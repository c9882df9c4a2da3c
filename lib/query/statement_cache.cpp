#include "query/statement_cache.h"

#include <iterator>

namespace notestore::query {

Prepared::Prepared(StatementCache& cache, const std::string& sql) {
  auto found = cache.entries_.find(sql);
  if (found == cache.entries_.end()) {
    if (cache.entries_.size() >= StatementCache::kMaxStatements) {
      for (auto it = cache.entries_.begin(); it != cache.entries_.end();) {
        it = it->second.in_use ? std::next(it) : cache.entries_.erase(it);
      }
    }
    StatementCache::Entry entry{std::make_unique<SQLite::Statement>(cache.db_, sql)};
    found = cache.entries_.emplace(sql, std::move(entry)).first;
  }
  if (found->second.in_use) {
    owned_ = std::make_unique<SQLite::Statement>(cache.db_, sql);
    statement_ = owned_.get();
    return;
  }
  found->second.in_use = true;
  in_use_ = &found->second.in_use;
  statement_ = found->second.statement.get();
}

Prepared::Prepared(SQLite::Database& db, const std::string& sql)
    : owned_(std::make_unique<SQLite::Statement>(db, sql)), statement_(owned_.get()) {}

Prepared::~Prepared() {
  if (in_use_ == nullptr) return;
  // tryReset() returns the last step's error, which the reader has already had thrown.
  statement_->tryReset();
  try {
    statement_->clearBindings();
  } catch (...) {  // Cannot fail on a reset statement, and a stale binding is rebound.
  }
  *in_use_ = false;
}

}  // namespace notestore::query
