#include "store/search_terms.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace notestore::store {
namespace {

void AddTokens(const TokenList& tokens, std::vector<std::string_view>* out) {
  tokens.ForEachToken([out](std::string_view token) { out->push_back(token); });
}

}  // namespace

std::vector<std::string> SearchTermClaims::Claim(const NoteTokens& tokens, size_t order) {
  // Deduplicated outside the lock: a note repeats most of its words.
  std::vector<std::string_view> terms;
  AddTokens(tokens.title, &terms);
  AddTokens(tokens.body, &terms);
  for (const TokenList& t : tokens.tasks) AddTokens(t, &terms);
  for (const TokenList& d : tokens.decisions) AddTokens(d, &terms);
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  std::vector<std::string> fresh;
  const std::lock_guard<std::mutex> lock(mutex_);
  if (claimed_.size() > most_) claimed_.clear();
  for (std::string_view term : terms) {
    std::string owned(term);
    auto [it, inserted] = claimed_.try_emplace(owned, order);
    if (inserted || order < it->second) {
      it->second = order;
      fresh.push_back(std::move(owned));
    }
  }
  return fresh;
}

SearchTermWriter::SearchTermWriter(SQLite::Database& db)
    : insert_(db, "INSERT OR IGNORE INTO search_terms(term) VALUES(?)") {}

void SearchTermWriter::Add(std::vector<std::string> terms) {
  if (pending_.empty()) {
    pending_ = std::move(terms);
  } else {
    pending_.insert(pending_.end(), std::make_move_iterator(terms.begin()),
                    std::make_move_iterator(terms.end()));
  }
}

void SearchTermWriter::Flush() {
  std::sort(pending_.begin(), pending_.end());
  pending_.erase(std::unique(pending_.begin(), pending_.end()), pending_.end());
  for (const std::string& term : pending_) {
    insert_.bind(1, term);
    insert_.exec();
    insert_.reset();
  }
  pending_.clear();
}

void PruneSearchTerms(SQLite::Database& db) {
  db.exec("CREATE VIRTUAL TABLE temp.index_vocabulary USING fts5vocab(main, search, row)");
  db.exec("DELETE FROM search_terms WHERE term NOT IN (SELECT term FROM temp.index_vocabulary)");
  db.exec("DROP TABLE temp.index_vocabulary");
}

}  // namespace notestore::store
