#include "query/name_lookup.h"

#include <SQLiteCpp/Statement.h>

#include <functional>
#include <set>
#include <vector>

#include "extract/names.h"
#include "notestore/error.h"
#include "store/schema.h"
#include "util/text.h"

namespace notestore::query {
namespace {

SQLite::Database& DatabaseOf(SQLite::Database& db) { return db; }
SQLite::Database& DatabaseOf(StatementCache& cache) { return cache.db(); }

// A way of finding a name's ids, tried only when the ones before it found nothing.
using Step = std::function<std::set<int64_t>()>;

// Ids returned by `sql` with `value` bound to every parameter.
template <typename Source>
Step Ids(Source& source, const char* sql, std::string value) {
  return [&source, sql, value = std::move(value)] {
    Prepared q(source, sql);
    for (int i = 1; i <= q->getBindParameterCount(); ++i) q->bind(i, value);
    std::set<int64_t> ids;
    while (q->executeStep()) ids.insert(q->getColumn(0).getInt64());
    return ids;
  };
}

// What `table` calls the rows `ids` (people and accounts by name, notes by path).
std::string NamesOf(SQLite::Database& db, const std::string& table, const std::set<int64_t>& ids) {
  std::vector<std::string> names;
  const char* column = table == "notes" ? "path" : "name";
  SQLite::Statement q(db, std::string("SELECT ") + column + " FROM " + table + " WHERE id = ?");
  for (int64_t id : ids) {
    q.bind(1, id);
    if (q.executeStep()) names.push_back(q.getColumn(0).getString());
    q.reset();
  }
  return util::Join(names, ", ");
}

// The first of `steps` that finds exactly one id wins; several ids are ambiguous.
int64_t Pick(SQLite::Database& db, const char* table, const char* what, const std::string& name,
             const std::vector<Step>& steps) {
  for (const Step& step : steps) {
    const std::set<int64_t> ids = step();
    if (ids.size() == 1) return *ids.begin();
    if (ids.size() > 1) {
      throw Error(ErrorCode::kInvalidArgument,
                  std::string(what) + " '" + name + "' is ambiguous: " + NamesOf(db, table, ids));
    }
  }
  throw Error(ErrorCode::kNotFound, std::string("no ") + what + " named '" + name + "'");
}

}  // namespace

template <typename Source>
int64_t FindPersonId(Source& source, const std::string& raw) {
  SQLite::Database& db = DatabaseOf(source);
  std::string name(util::Trim(raw));
  while (!name.empty() && name.front() == '@') name.erase(0, 1);
  if (extract::IsSelfName(name)) {
    const std::string me = store::GetMeta(db, "me");
    if (me.empty()) {
      throw Error(ErrorCode::kNotFound, "'" + name + "' means you, but no --me name was given");
    }
    name = me;
  }
  const std::string key = util::NameKey(name);
  auto by_first_name = [&] {
    std::set<int64_t> ids;
    if (name.find(' ') != std::string::npos || key.empty()) return ids;
    Prepared q(source, "SELECT id, name FROM people WHERE instr(name, ' ') > 0");
    while (q->executeStep()) {
      const std::string full = q->getColumn(1).getString();
      if (util::NameKey(full.substr(0, full.find(' '))) == key) {
        ids.insert(q->getColumn(0).getInt64());
      }
    }
    return ids;
  };
  return Pick(
      db, "people", "person", name,
      {Ids(source, "SELECT id FROM people WHERE name = ? COLLATE NOCASE", name),
       Ids(source, "SELECT person_id FROM person_aliases WHERE alias = ? COLLATE NOCASE", name),
       Ids(source, "SELECT id FROM people WHERE name_key = ?", key), by_first_name});
}

template <typename Source>
int64_t FindAccountId(Source& source, const std::string& raw) {
  const std::string name(util::Trim(raw));
  return Pick(DatabaseOf(source), "accounts", "account", name,
              {Ids(source, "SELECT id FROM accounts WHERE name = ? COLLATE NOCASE", name),
               Ids(source,
                   "SELECT a.id FROM accounts a JOIN note_aliases na ON na.note_id = a.note_id "
                   "WHERE na.alias = ? COLLATE NOCASE",
                   name),
               Ids(source, "SELECT id FROM accounts WHERE name_key = ?", util::NameKey(name))});
}

template int64_t FindPersonId(SQLite::Database&, const std::string&);
template int64_t FindPersonId(StatementCache&, const std::string&);
template int64_t FindAccountId(SQLite::Database&, const std::string&);
template int64_t FindAccountId(StatementCache&, const std::string&);

int64_t FindNoteId(SQLite::Database& db, const std::string& raw) {
  const std::string name(util::Trim(raw));
  // The file name without folder and extension: a scan of every path, so tried last.
  auto by_name = [&] {
    std::set<int64_t> ids;
    SQLite::Statement q(db, "SELECT id, path FROM notes");
    while (q.executeStep()) {
      std::string path = q.getColumn(1).getString();
      const size_t slash = path.rfind('/');
      std::string stem = slash == std::string::npos ? path : path.substr(slash + 1);
      const size_t dot = stem.rfind('.');
      if (dot != std::string::npos && dot > 0) stem.resize(dot);
      if (util::EqualsIgnoreCase(stem, name)) ids.insert(q.getColumn(0).getInt64());
    }
    return ids;
  };
  return Pick(db, "notes", "note", name,
              {Ids(db, "SELECT id FROM notes WHERE path = ?", name),
               Ids(db, "SELECT id FROM notes WHERE path = ? || '.md'", name),
               Ids(db,
                   "SELECT id FROM notes WHERE path = ? COLLATE NOCASE OR path = ? || '.md' "
                   "COLLATE NOCASE",
                   name),
               Ids(db, "SELECT id FROM notes WHERE title = ? COLLATE NOCASE", name), by_name});
}

}  // namespace notestore::query
