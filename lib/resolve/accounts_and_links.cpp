// The account and link parts of the vault-wide pass.
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "resolve/entity_sync.h"
#include "resolve/link_index.h"
#include "resolve/vault_resolver.h"
#include "util/text.h"

namespace notestore::resolve {
namespace {

std::optional<int64_t> OptId(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}
std::optional<std::string> OptText(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
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

// An account_mentions row, with its note's path for vault order.
struct Mention {
  std::string path;
  int line = 0;
  int64_t rowid = 0;
  int64_t note_id = 0;
  std::string name;
  std::string source;
  std::optional<std::string> status, industry;
  bool operator<(const Mention& o) const {
    return std::tie(path, line, rowid) < std::tie(o.path, o.line, o.rowid);
  }
};

// A query of mentions (MentionOf), and last the account each is assigned to: `rest` is
// what follows the join (WHERE, ORDER BY). `in_table_order` walks the mentions in the
// order they are stored, which is by note, rather than as the planner would choose.
std::string MentionQuery(const char* rest, bool in_table_order = false) {
  return std::string(
             "SELECT n.path, am.line, am.rowid, am.note_id, am.name, am.source, am.status, "
             "am.industry, am.account_id FROM account_mentions am ") +
         (in_table_order ? "CROSS " : "") + "JOIN notes n ON n.id = am.note_id " + rest;
}

// The mention of the row `q` (MentionQuery) is on.
Mention MentionOf(SQLite::Statement& q) {
  return Mention{q.getColumn(0).getString(), q.getColumn(1).getInt(),    q.getColumn(2).getInt64(),
                 q.getColumn(3).getInt64(),  q.getColumn(4).getString(), q.getColumn(5).getString(),
                 OptText(q.getColumn(6)),    OptText(q.getColumn(7))};
}

// Appends the mentions `q` returns (MentionQuery).
void ReadMentions(SQLite::Statement& q, std::vector<Mention>* out) {
  while (q.executeStep()) out->push_back(MentionOf(q));
  q.reset();
}

// From this share of the accounts (1 in N), the scoped pass reads all mentions at once.
constexpr size_t kSweepMentionsFrom = 4;

// The accounts that mentions, given in vault order, define: per name key, the name its
// most trusted source gives (the first among equals), and the note, status and industry
// of the first account note that names it.
class AccountBuilder {
 public:
  void Add(const Mention& m) {
    const std::string key = util::NameKey(m.name);
    if (key.empty()) return;
    Best& best = accounts_[key];
    best.row.key = key;
    const int rank = SourceRank(m.source);
    if (rank < best.rank) {
      best.rank = rank;
      best.row.name = m.source == "tag" ? NameFromTag(m.name) : m.name;
    }
    if (m.source == "self" && best.row.note_id == 0) {
      best.row.note_id = m.note_id;
      best.row.first = m.status;
      best.row.second = m.industry;
    }
  }
  std::vector<EntityRow> Rows() {
    std::vector<EntityRow> rows;
    for (auto& [key, best] : accounts_) rows.push_back(std::move(best.row));
    return rows;
  }

 private:
  struct Best {
    EntityRow row;
    int rank = 99;
  };
  std::map<std::string, Best> accounts_;
};

// Sets the account column of the rows `select_sql` returns (rowid, name, account_id)
// from the account their name names; the ids moved from and to go to `touched`.
void AssignAccounts(SQLite::Database& db, const std::string& select_sql, const char* update_sql,
                    const std::map<std::string, int64_t>& ids, const std::vector<int64_t>& binds,
                    std::set<int64_t>* touched) {
  std::vector<Assignment> assignments;
  SQLite::Statement q(db, select_sql);
  auto read = [&] {
    while (q.executeStep()) {
      std::optional<int64_t> wanted;
      if (!q.getColumn(1).isNull()) {
        auto it = ids.find(util::NameKey(q.getColumn(1).getString()));
        if (it != ids.end()) wanted = it->second;
      }
      const std::optional<int64_t> current = OptId(q.getColumn(2));
      if (wanted != current) {
        for (const auto& id : {current, wanted}) {
          if (id) touched->insert(*id);
        }
      }
      assignments.push_back(Assignment{q.getColumn(0).getInt64(), current, wanted});
    }
    q.reset();
  };
  if (binds.empty()) read();
  for (int64_t value : binds) {
    q.bind(1, value);
    read();
  }
  ApplyAssignments(db, update_sql, assignments);
}

// The reference columns that name accounts: (select rowid, name, account_id; update).
struct AccountColumn {
  const char* select;
  const char* update;
};
constexpr AccountColumn kAccountMentions{
    "SELECT rowid, name, account_id FROM account_mentions",
    "UPDATE account_mentions SET account_id = ?1 WHERE rowid = ?2"};
constexpr AccountColumn kMeetingAccounts{"SELECT id, account_name, account_id FROM meetings",
                                         "UPDATE meetings SET account_id = ?1 WHERE id = ?2"};
constexpr AccountColumn kDecisionAccounts{"SELECT id, account_name, account_id FROM decisions",
                                          "UPDATE decisions SET account_id = ?1 WHERE id = ?2"};
// A note is about the first account it names (an account note: itself). The writer sets
// it already (store/note_writer.cpp), so this mostly checks, reading the column from the
// notes_account index rather than from rows that end in their body.
constexpr AccountColumn kNoteAccounts{
    "SELECT n.id, (SELECT am.name FROM account_mentions am WHERE am.note_id = n.id "
    "ORDER BY am.rowid LIMIT 1), n.account_id FROM notes n",
    "UPDATE notes SET account_id = ?1 WHERE id = ?2"};

void AssignAll(SQLite::Database& db, const std::map<std::string, int64_t>& ids, Scope& scope) {
  for (const AccountColumn& c :
       {kAccountMentions, kMeetingAccounts, kDecisionAccounts, kNoteAccounts})
    AssignAccounts(db, c.select, c.update, ids, {}, &scope.accounts_touched);
}

void ResolveAllAccounts(SQLite::Database& db, Scope& scope) {
  AccountBuilder builder;
  std::vector<Mention> mentions;
  SQLite::Statement q(db, MentionQuery("ORDER BY n.path, am.line, am.rowid"));
  ReadMentions(q, &mentions);
  for (const Mention& m : mentions) builder.Add(m);
  AssignAll(db, SyncEntities(db, {"accounts", "status", "industry"}, builder.Rows()), scope);
}

// The scoped pass. The accounts the changed notes name now or named before are rebuilt
// from all their mentions: the unchanged notes' ones are those already assigned to them
// (every mention is assigned to the account of its key), the changed notes' ones are
// read by note. Only the changed notes' rows are assigned again: an account appears or
// goes with its first or last mention, and the account a meeting, decision or note
// names is its note's first mention, so no unchanged row names one that came or went.
void ResolveScopedAccounts(SQLite::Database& db, Scope& scope) {
  std::map<int64_t, std::string> key_of;
  {
    SQLite::Statement q(db, "SELECT id, name_key FROM accounts");
    while (q.executeStep()) key_of[q.getColumn(0).getInt64()] = q.getColumn(1).getString();
  }
  std::set<std::string> keys;
  for (int64_t id : scope.changes().old_accounts) {
    if (auto it = key_of.find(id); it != key_of.end()) keys.insert(it->second);
  }
  std::vector<Mention> changed;
  {
    SQLite::Statement q(db, MentionQuery("WHERE am.note_id = ?"));
    for (int64_t note : scope.notes()) {
      q.bind(1, note);
      ReadMentions(q, &changed);
    }
  }
  // Changed mentions by key, for the keys' loop below (NameKey is not free).
  std::multimap<std::string, const Mention*> changed_by_key;
  for (const Mention& m : changed) changed_by_key.emplace(util::NameKey(m.name), &m);
  for (const auto& [key, m] : changed_by_key) keys.insert(key);
  keys.erase("");

  std::map<std::string, int64_t> ids;
  for (const auto& [id, key] : key_of) ids[key] = id;
  // The stored mentions of the keys' accounts. When the keys are a large part of the
  // accounts (a change to 1% of a vault of 1,000 accounts touches most of them), one
  // sweep of the table in note order is cheaper than a query per account, whose rows lie
  // all over the table (at 100,000 notes, 172 ms of the scoped pass's 250).
  std::unordered_map<int64_t, std::vector<Mention>> stored;  // Account id -> mentions.
  for (const std::string& key : keys) {
    if (auto it = ids.find(key); it != ids.end()) stored[it->second];
  }
  if (stored.size() * kSweepMentionsFrom >= key_of.size() && !stored.empty()) {
    SQLite::Statement every(db, MentionQuery("", true));
    while (every.executeStep()) {
      const SQLite::Column account = every.getColumn(8);
      if (account.isNull()) continue;
      auto it = stored.find(account.getInt64());
      if (it != stored.end()) it->second.push_back(MentionOf(every));
    }
  } else {
    SQLite::Statement of_account(db, MentionQuery("WHERE am.account_id = ?"));
    for (auto& [id, mentions] : stored) {
      of_account.bind(1, id);
      ReadMentions(of_account, &mentions);
    }
  }
  std::vector<EntityRow> rows;
  for (const std::string& key : keys) {
    std::vector<Mention> mentions;
    if (auto it = ids.find(key); it != ids.end()) mentions = std::move(stored[it->second]);
    for (auto [it, end] = changed_by_key.equal_range(key); it != end; ++it) {
      mentions.push_back(*it->second);
    }
    std::sort(mentions.begin(), mentions.end());
    AccountBuilder builder;
    for (const Mention& m : mentions) builder.Add(m);
    for (EntityRow& row : builder.Rows()) rows.push_back(std::move(row));
  }
  const EntitySyncResult synced =
      SyncSomeEntities(db, {"accounts", "status", "industry"}, keys, std::move(rows));
  for (const auto& [key, id] : synced.removed) ids.erase(key);
  for (const auto& [key, id] : synced.ids) {
    ids[key] = id;
    scope.accounts_touched.insert(id);
  }

  const std::vector<int64_t> notes(scope.notes().begin(), scope.notes().end());
  for (const auto& [column, note] :
       {std::pair{kAccountMentions, "note_id"}, std::pair{kMeetingAccounts, "note_id"},
        std::pair{kDecisionAccounts, "note_id"}, std::pair{kNoteAccounts, "n.id"}}) {
    AssignAccounts(db, std::string(column.select) + " WHERE " + note + " = ?", column.update, ids,
                   notes, &scope.accounts_touched);
  }
}

}  // namespace

void ResolveAccounts(SQLite::Database& db, Scope& scope) {
  if (scope.full()) {
    ResolveAllAccounts(db, scope);
  } else {
    ResolveScopedAccounts(db, scope);
  }
}

void ResolveLinks(SQLite::Database& db, const Scope& scope) {
  struct Row {
    int64_t id;
    std::string target;
    bool markdown;
    std::string source;
    std::optional<int64_t> current;
  };
  std::vector<Row> links;
  std::set<int64_t> seen;
  const std::string select =
      "SELECT l.id, l.target, l.style, n.path, l.target_note_id FROM links l "
      "JOIN notes n ON n.id = l.note_id";
  auto read = [&](SQLite::Statement& q, const std::set<std::string>* names) {
    while (q.executeStep()) {
      Row row{q.getColumn(0).getInt64(), q.getColumn(1).getString(),
              q.getColumn(2).getString() == "markdown", q.getColumn(3).getString(),
              OptId(q.getColumn(4))};
      if (names) {  // Only those that can name one of `names`.
        const std::vector<std::string> can = LinkIndex::TargetNames(row.target);
        if (std::none_of(can.begin(), can.end(),
                         [&](const std::string& n) { return names->count(n) > 0; })) {
          continue;
        }
      }
      if (seen.insert(row.id).second) links.push_back(std::move(row));
    }
    q.reset();
  };
  // A link can resolve differently only if its note changed, or a note of a name it
  // uses (LinkIndex::TargetNames) came or went; and it resolves among those notes only.
  if (scope.full()) {
    SQLite::Statement q(db, select);
    read(q, nullptr);
  } else {
    SQLite::Statement q(db, select + " WHERE l.note_id = ?");
    for (int64_t note : scope.notes()) {
      q.bind(1, note);
      read(q, nullptr);
    }
    std::set<std::string> moved;
    for (const std::string& path : scope.moved_paths()) moved.insert(LinkIndex::NameOf(path));
    // Links naming a moved note hold its name in their target (any case): found by a
    // substring test, then checked.
    SQLite::Statement naming(db, select + " WHERE instr(lower(l.target), ?) > 0");
    for (const std::string& name : moved) {
      naming.bind(1, name);
      read(naming, &moved);
    }
  }
  std::set<std::string> names;
  for (const Row& l : links) {
    names.insert(LinkIndex::NameOf(l.source));  // A link to a heading of its own note.
    for (std::string& n : LinkIndex::TargetNames(l.target)) names.insert(std::move(n));
  }
  LinkIndex index;
  if (!links.empty()) {
    SQLite::Statement notes(db, "SELECT id, path FROM notes");
    while (notes.executeStep()) {
      const char* path = notes.getColumn(1).getText();
      if (scope.full() || names.count(LinkIndex::NameOf(path))) {
        index.AddNote(notes.getColumn(0).getInt64(), path);
      }
    }
  }
  std::vector<Assignment> assignments;
  assignments.reserve(links.size());
  for (const Row& l : links) {
    assignments.push_back(
        Assignment{l.id, l.current, index.Resolve(l.target, l.source, l.markdown)});
  }
  ApplyAssignments(db, "UPDATE links SET target_note_id = ?1 WHERE id = ?2", assignments);
}

}  // namespace notestore::resolve
