#include "resolve/entity_sync.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

namespace notestore::resolve {
namespace {

std::optional<std::string> OptText(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

void BindOptText(SQLite::Statement& s, int idx, const std::optional<std::string>& v) {
  if (v) {
    s.bind(idx, *v);
  } else {
    s.bind(idx);
  }
}

void BindNoteId(SQLite::Statement& s, int idx, int64_t note_id) {
  if (note_id) {
    s.bind(idx, note_id);
  } else {
    s.bind(idx);
  }
}

}  // namespace

std::map<std::string, int64_t> SyncEntities(SQLite::Database& db, const EntityTable& t,
                                            std::vector<EntityRow> rows) {
  const std::string table = t.table;
  const std::string cols = std::string(t.first_column) + ", " + t.second_column;
  std::map<std::string, std::pair<int64_t, EntityRow>> existing;
  {
    SQLite::Statement q(db, "SELECT id, name_key, name, note_id, " + cols + " FROM " + table);
    while (q.executeStep()) {
      EntityRow row{q.getColumn(1).getString(), q.getColumn(2).getString(),
                    q.getColumn(3).isNull() ? 0 : q.getColumn(3).getInt64(),
                    OptText(q.getColumn(4)), OptText(q.getColumn(5))};
      existing.emplace(row.key, std::make_pair(q.getColumn(0).getInt64(), row));
    }
  }
  std::sort(rows.begin(), rows.end(),
            [](const EntityRow& a, const EntityRow& b) { return a.key < b.key; });
  SQLite::Statement insert(
      db, "INSERT INTO " + table + "(name, name_key, note_id, " + cols + ") VALUES(?,?,?,?,?)");
  SQLite::Statement update(db, "UPDATE " + table + " SET name=?, note_id=?, " + t.first_column +
                                   "=?, " + t.second_column + "=? WHERE id=?");
  std::map<std::string, int64_t> ids;
  for (const EntityRow& row : rows) {
    auto it = existing.find(row.key);
    if (it == existing.end()) {
      insert.bind(1, row.name);
      insert.bind(2, row.key);
      BindNoteId(insert, 3, row.note_id);
      BindOptText(insert, 4, row.first);
      BindOptText(insert, 5, row.second);
      insert.exec();
      insert.reset();
      ids[row.key] = db.getLastInsertRowid();
      continue;
    }
    const auto& [id, old] = it->second;
    ids[row.key] = id;
    if (old.name != row.name || old.note_id != row.note_id || old.first != row.first ||
        old.second != row.second) {
      update.bind(1, row.name);
      BindNoteId(update, 2, row.note_id);
      BindOptText(update, 3, row.first);
      BindOptText(update, 4, row.second);
      update.bind(5, id);
      update.exec();
      update.reset();
    }
    existing.erase(it);
  }
  SQLite::Statement remove(db, "DELETE FROM " + table + " WHERE id = ?");
  for (const auto& [key, entry] : existing) {
    remove.bind(1, entry.first);
    remove.exec();
    remove.reset();
  }
  return ids;
}

int64_t ApplyAssignments(SQLite::Database& db, const char* update_sql,
                         const std::vector<Assignment>& assignments) {
  SQLite::Statement update(db, update_sql);
  int64_t changed = 0;
  for (const Assignment& a : assignments) {
    if (a.current == a.wanted) continue;
    if (a.wanted) {
      update.bind(1, *a.wanted);
    } else {
      update.bind(1);
    }
    update.bind(2, a.rowid);
    update.exec();
    update.reset();
    ++changed;
  }
  return changed;
}

}  // namespace notestore::resolve
