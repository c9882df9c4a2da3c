#include "store/search_terms.h"

#include <algorithm>
#include <functional>
#include <iterator>
#include <utility>

namespace notestore::store {
namespace {

// The distinct tokens of a note's texts, in the order they first occur. Found by open
// addressing on the tokens' hashes: sorting the thousand-odd tokens of a note took a
// seventh of a parsing thread's time.
std::vector<std::string_view> DistinctTerms(const NoteTokens& tokens) {
  int64_t count = tokens.title.count() + tokens.body.count();
  for (const TokenList& t : tokens.tasks) count += t.count();
  for (const TokenList& d : tokens.decisions) count += d.count();
  size_t capacity = 64;  // A power of two, at least twice the tokens: probes stay short.
  while (capacity < static_cast<size_t>(count) * 2) capacity <<= 1;
  std::vector<uint32_t> slots(capacity, 0);  // 1 + the term's index in `distinct`; 0: free.
  std::vector<std::string_view> distinct;
  const std::hash<std::string_view> hash;
  auto add = [&](std::string_view token) {
    for (size_t i = hash(token) & (capacity - 1);; i = (i + 1) & (capacity - 1)) {
      if (slots[i] == 0) {
        distinct.push_back(token);
        slots[i] = static_cast<uint32_t>(distinct.size());
        return;
      }
      if (distinct[slots[i] - 1] == token) return;
    }
  };
  tokens.title.ForEachToken(add);
  tokens.body.ForEachToken(add);
  for (const TokenList& t : tokens.tasks) t.ForEachToken(add);
  for (const TokenList& d : tokens.decisions) d.ForEachToken(add);
  return distinct;
}

}  // namespace

std::vector<std::string> SearchTermClaims::Claim(const NoteTokens& tokens, size_t order) {
  // Deduplicated outside the lock: a note repeats most of its words.
  const std::vector<std::string_view> terms = DistinctTerms(tokens);
  std::vector<std::string> fresh;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (claimed_.size() > most_) {
      claimed_.clear();
      terms_.clear();
    }
    for (std::string_view term : terms) {
      auto it = claimed_.find(term);
      if (it == claimed_.end()) {
        claimed_.emplace(terms_.emplace_back(term), order);
      } else if (order < it->second) {
        it->second = order;
      } else {
        continue;
      }
      fresh.emplace_back(term);
    }
  }
  std::sort(fresh.begin(), fresh.end());  // Few, once the common words are claimed.
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
