#include "store/known_people.h"

#include <string_view>
#include <utility>

#include "extract/names.h"
#include "util/text.h"

namespace notestore::store {

KnownPeople::KnownPeople(SQLite::Database& db, std::string me)
    : db_(db),
      find_(db, "SELECT id FROM people WHERE name_key = ?"),
      insert_(db, "INSERT INTO people(name, name_key) VALUES(?, ?)"),
      me_(std::move(me)) {}

int64_t KnownPeople::IdOf(const std::string& name) {
  auto [named, is_new] = by_name_.try_emplace(name, 0);
  if (!is_new) return named->second;
  const std::string key = extract::KnownPersonKey(name, me_);
  if (key.empty()) return 0;
  auto [keyed, new_key] = by_key_.try_emplace(key, 0);
  if (new_key) {
    find_.bind(1, key);
    if (find_.executeStep()) keyed->second = find_.getColumn(0).getInt64();
    find_.reset();
    if (keyed->second == 0) {
      // Shown as the pass will show it unless a person note or an earlier name says
      // otherwise (it sets the name it chooses): Me as the owner's name.
      std::string_view shown = util::Trim(name);
      while (!shown.empty() && shown.front() == '@') shown.remove_prefix(1);
      const std::string& text = key == util::NameKey(me_) ? me_ : std::string(shown);
      insert_.bind(1, util::CollapseWhitespace(text));
      insert_.bind(2, key);
      insert_.exec();
      insert_.reset();
      keyed->second = db_.getLastInsertRowid();
    }
  }
  named->second = keyed->second;
  return keyed->second;
}

}  // namespace notestore::store
