#include "resolve/entity_sync.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

#include "store/statement_binding.h"

namespace notestore::resolve {
namespace {

std::optional<std::string> OptText(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

using Existing = std::map<std::string, std::pair<int64_t, EntityRow>>;  // key -> (id, row)

void ReadExisting(SQLite::Statement& q, Existing* out) {
  while (q.executeStep()) {
    EntityRow row{q.getColumn(1).getString(), q.getColumn(2).getString(),
                  q.getColumn(3).isNull() ? 0 : q.getColumn(3).getInt64(), OptText(q.getColumn(4)),
                  OptText(q.getColumn(5))};
    out->emplace(row.key, std::make_pair(q.getColumn(0).getInt64(), row));
  }
  q.reset();
}

std::string SelectSql(const EntityTable& t) {
  return std::string("SELECT id, name_key, name, note_id, ") + t.first_column + ", " +
         t.second_column + " FROM " + t.table;
}

// Turns `existing` into `rows`: updates, then inserts in key order, then deletes.
EntitySyncResult Sync(SQLite::Database& db, const EntityTable& t, Existing existing,
                      std::vector<EntityRow> rows) {
  const std::string table = t.table;
  const std::string cols = std::string(t.first_column) + ", " + t.second_column;
  std::sort(rows.begin(), rows.end(),
            [](const EntityRow& a, const EntityRow& b) { return a.key < b.key; });
  SQLite::Statement insert(
      db, "INSERT INTO " + table + "(name, name_key, note_id, " + cols + ") VALUES(?,?,?,?,?)");
  SQLite::Statement update(db, "UPDATE " + table + " SET name=?, note_id=?, " + t.first_column +
                                   "=?, " + t.second_column + "=? WHERE id=?");
  EntitySyncResult out;
  for (const EntityRow& row : rows) {
    auto it = existing.find(row.key);
    if (it == existing.end()) {
      store::Exec(insert, row.name, row.key, store::NullIfZero(row.note_id), row.first, row.second);
      out.ids[row.key] = db.getLastInsertRowid();
      continue;
    }
    const auto& [id, old] = it->second;
    out.ids[row.key] = id;
    if (old.name != row.name || old.note_id != row.note_id || old.first != row.first ||
        old.second != row.second) {
      store::Exec(update, row.name, store::NullIfZero(row.note_id), row.first, row.second, id);
    }
    existing.erase(it);
  }
  SQLite::Statement remove(db, "DELETE FROM " + table + " WHERE id = ?");
  for (const auto& [key, entry] : existing) {
    store::Exec(remove, entry.first);
    out.removed.emplace_back(key, entry.first);
  }
  return out;
}

}  // namespace

std::map<std::string, int64_t> SyncEntities(SQLite::Database& db, const EntityTable& t,
                                            std::vector<EntityRow> rows) {
  Existing existing;
  SQLite::Statement q(db, SelectSql(t));
  ReadExisting(q, &existing);
  return Sync(db, t, std::move(existing), std::move(rows)).ids;
}

EntitySyncResult SyncSomeEntities(SQLite::Database& db, const EntityTable& t,
                                  const std::set<std::string>& keys, std::vector<EntityRow> rows) {
  Existing existing;
  SQLite::Statement q(db, SelectSql(t) + " WHERE name_key = ?");
  for (const std::string& key : keys) {
    q.bind(1, key);
    ReadExisting(q, &existing);
  }
  return Sync(db, t, std::move(existing), std::move(rows));
}

int64_t ApplyAssignments(SQLite::Database& db, const char* update_sql,
                         const std::vector<Assignment>& assignments) {
  SQLite::Statement update(db, update_sql);
  int64_t changed = 0;
  for (const Assignment& a : assignments) {
    if (a.current == a.wanted) continue;
    store::Exec(update, store::NullIfZero(a.wanted.value_or(0)), a.rowid);
    ++changed;
  }
  return changed;
}

}  // namespace notestore::resolve
