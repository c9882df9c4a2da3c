// The account and link parts of the vault-wide pass, and the pass itself.
#include <SQLiteCpp/Statement.h>

#include <map>
#include <vector>

#include "resolve/duplicates.h"
#include "resolve/entity_sync.h"
#include "resolve/link_index.h"
#include "resolve/vault_resolver.h"
#include "store/schema_sql.h"
#include "util/text.h"

namespace notestore::resolve {
namespace {

std::optional<int64_t> OptId(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}

// How much a way of naming an account is trusted for its display name.
int SourceRank(const std::string& source) {
  if (source == "self") return 0;
  if (source == "frontmatter") return 1;
  if (source == "field") return 2;
  return 3;  // tag
}

// "acme-corp" (from an account/acme-corp tag) -> "Acme Corp".
std::string NameFromTag(const std::string& slug) {
  std::string out;
  bool word_start = true;
  for (char c : slug) {
    if (c == '-' || c == '_') {
      out.push_back(' ');
      word_start = true;
      continue;
    }
    out.push_back(word_start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
    word_start = false;
  }
  return out;
}

// Sets `column` of `table` from the account its name column names.
void AssignAccounts(SQLite::Database& db, const char* select_sql, const char* update_sql,
                    const std::map<std::string, int64_t>& ids) {
  std::vector<Assignment> assignments;
  SQLite::Statement q(db, select_sql);
  while (q.executeStep()) {
    std::optional<int64_t> wanted;
    if (!q.getColumn(1).isNull()) {
      auto it = ids.find(util::NameKey(q.getColumn(1).getString()));
      if (it != ids.end()) wanted = it->second;
    }
    assignments.push_back(Assignment{q.getColumn(0).getInt64(), OptId(q.getColumn(2)), wanted});
  }
  ApplyAssignments(db, update_sql, assignments);
}

}  // namespace

void ResolveAccounts(SQLite::Database& db) {
  struct Best {
    EntityRow row;
    int rank = 99;
  };
  std::map<std::string, Best> accounts;
  SQLite::Statement q(db,
                      "SELECT am.note_id, am.name, am.source, am.status, am.industry "
                      "FROM account_mentions am JOIN notes n ON n.id = am.note_id "
                      "ORDER BY n.path, am.line, am.rowid");
  while (q.executeStep()) {
    const std::string name = q.getColumn(1).getString();
    const std::string source = q.getColumn(2).getString();
    const std::string key = util::NameKey(name);
    if (key.empty()) continue;
    Best& best = accounts[key];
    best.row.key = key;
    const int rank = SourceRank(source);
    if (rank < best.rank) {
      best.rank = rank;
      best.row.name = source == "tag" ? NameFromTag(name) : name;
    }
    if (source == "self" && best.row.note_id == 0) {
      best.row.note_id = q.getColumn(0).getInt64();
      if (!q.getColumn(3).isNull()) best.row.first = q.getColumn(3).getString();
      if (!q.getColumn(4).isNull()) best.row.second = q.getColumn(4).getString();
    }
  }
  std::vector<EntityRow> rows;
  for (auto& [key, best] : accounts) rows.push_back(std::move(best.row));
  const auto ids = SyncEntities(db, {"accounts", "status", "industry"}, rows);

  AssignAccounts(db, "SELECT rowid, name, account_id FROM account_mentions",
                 "UPDATE account_mentions SET account_id = ?1 WHERE rowid = ?2", ids);
  AssignAccounts(db, "SELECT id, account_name, account_id FROM meetings",
                 "UPDATE meetings SET account_id = ?1 WHERE id = ?2", ids);
  AssignAccounts(db, "SELECT id, account_name, account_id FROM decisions",
                 "UPDATE decisions SET account_id = ?1 WHERE id = ?2", ids);
  // A note is about the first account it names (an account note: itself).
  AssignAccounts(db,
                 "SELECT n.id, (SELECT am.name FROM account_mentions am WHERE am.note_id = n.id "
                 "ORDER BY am.rowid LIMIT 1), n.account_id FROM notes n",
                 "UPDATE notes SET account_id = ?1 WHERE id = ?2", ids);
}

void ResolveLinks(SQLite::Database& db) {
  LinkIndex index;
  SQLite::Statement notes(db, "SELECT id, path FROM notes");
  while (notes.executeStep()) {
    index.AddNote(notes.getColumn(0).getInt64(), notes.getColumn(1).getString());
  }
  std::vector<Assignment> assignments;
  SQLite::Statement links(db,
                          "SELECT l.id, l.target, l.style, n.path, l.target_note_id "
                          "FROM links l JOIN notes n ON n.id = l.note_id");
  while (links.executeStep()) {
    const bool markdown = links.getColumn(2).getString() == "markdown";
    assignments.push_back(Assignment{
        links.getColumn(0).getInt64(), OptId(links.getColumn(4)),
        index.Resolve(links.getColumn(1).getString(), links.getColumn(3).getString(), markdown)});
  }
  ApplyAssignments(db, "UPDATE links SET target_note_id = ?1 WHERE id = ?2", assignments);
}

void ResolveVault(SQLite::Database& db, const ResolveOptions& options) {
  db.exec("DELETE FROM diagnostics WHERE stage = 'resolve'");
  ResolvePeople(db, options);
  ResolveAccounts(db);
  ResolveLinks(db);
  LinkDuplicates(db);
  db.exec(store::kEntityCounts);  // Last: counts leave repeats out.
}

}  // namespace notestore::resolve
