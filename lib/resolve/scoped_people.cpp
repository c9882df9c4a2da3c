// Why the scoped form gives what the whole-vault pass gives (vault_resolver.cpp): that
// pass builds a directory of who can be named (@Me, person notes and their aliases, and
// every full name the vault writes) before resolving any name, and a name resolves from
// the directory and its own note (the people that note names in full). When no person
// note changed and the changed notes write no full name that is new to the vault, the
// directory is the same, so every unchanged note's names resolve as before, and the
// changed notes' names resolve as the directory, stored in `people`, says.
//
// Two things depend on order. A person without a note is shown as the vault first
// writes them: a changed note's first spelling that is new and the shown one moves
// nothing; one that is gone or respelled is checked against the vault's rows
// (ShownSpelling). And a short name that is nobody yet ("@Zed" where no Zed has a full
// name) becomes a person of its own the first time it is met, and a later "zed" then
// finds that person: the notes that meet such a person must meet them as before, and a
// "zed" that is not below a meeting in its own note resolves as the note's "zed" did.
#include "resolve/scoped_people.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "query/statement_cache.h"
#include "resolve/entity_sync.h"
#include "resolve/people_directory.h"
#include "resolve/people_shared.h"
#include "store/statement_binding.h"
#include "util/text.h"

namespace notestore::resolve {
namespace {

using Outcome = PeopleDirectory::Outcome;

std::optional<std::string> OptText(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

// A name row of a changed note as it is now: 'M' person_mentions, 'A' meeting_attendees,
// 'O' a task's owner.
struct NameNow {
  char table = 'M';
  int64_t rowid = 0;
  int line = 0;
  std::string name;
  std::string source;
  std::optional<std::string> role, company;
  std::optional<int64_t> current;  // The person stored (a row the writer kept has one).
  std::string key;                 // The person it resolves to; empty for none.
};

// In the order the whole-vault pass meets them: mentions by line, attendees as listed,
// owners by line.
std::vector<NameNow> NamesOf(query::StatementCache& statements, int64_t note) {
  query::Prepared prepared(
      statements,
      "SELECT 'M', rowid, line, name, source, role, company, person_id, 1, "
      "line FROM person_mentions WHERE note_id = ?1 "
      "UNION ALL SELECT 'A', rowid, line, name, '', NULL, NULL, person_id, 2, 0 "
      "FROM meeting_attendees WHERE meeting_id = ?1 "
      "UNION ALL SELECT 'O', id, line, owner_name, '', NULL, NULL, owner_id, 3, "
      "line FROM tasks WHERE note_id = ?1 AND owner_name IS NOT NULL "
      "ORDER BY 9, 10, 2");
  SQLite::Statement& q = *prepared;
  q.bind(1, note);
  std::vector<NameNow> out;
  while (q.executeStep()) {
    out.push_back(NameNow{
        q.getColumn(0).getText()[0], q.getColumn(1).getInt64(),
        q.getColumn(2).isNull() ? 0 : q.getColumn(2).getInt(), q.getColumn(3).getString(),
        q.getColumn(4).getString(), OptText(q.getColumn(5)), OptText(q.getColumn(6)),
        q.getColumn(7).isNull() ? std::nullopt : std::optional<int64_t>(q.getColumn(7).getInt64()),
        ""});
  }
  return out;
}

// The key a name has in the directory ("@Jack Kabat" -> "jackkabat").
std::string KeyOf(const std::string& name) { return util::NameKey(name); }

// The stored people as a directory: what the whole-vault pass would build, since
// `people` holds every full name the vault writes (each resolves to itself).
class StoredPeople {
 public:
  StoredPeople(SQLite::Database& db, const std::string& me) {
    dir_.SetMe(me);
    if (!util::Trim(me).empty()) me_key_ = KeyOf(me);
    AddPersonNotes(db, &dir_);
    SQLite::Statement people(db, "SELECT id, name_key, name, note_id, role, company FROM people");
    while (people.executeStep()) {
      const std::string key = people.getColumn(1).getString();
      EntityRow& row = rows_[key];
      row = EntityRow{key, people.getColumn(2).getString(),
                      people.getColumn(3).isNull() ? 0 : people.getColumn(3).getInt64(),
                      OptText(people.getColumn(4)), OptText(people.getColumn(5))};
      ids_[key] = people.getColumn(0).getInt64();
      keys_[ids_[key]] = key;
      if (IsMultiWordName(row.name)) {
        dir_.AddKnownName(row.name);
      } else if (row.note_id == 0 && key != me_key_) {
        met_.insert(key);
      }
    }
  }

  const PeopleDirectory& dir() const { return dir_; }
  // Whether no note's spelling decides how `key` is shown: it has a note, or is @Me.
  bool Fixed(const std::string& key) const {
    const PersonEntry* e = dir_.Find(key);
    return key == me_key_ || (e && e->note_id != 0);
  }
  // A full name that means a person note's person by their alias: it shows nobody.
  bool Alias(const std::string& key) const { return dir_.MeansAnAlias(key); }
  // A short name that became a person of its own where it was first met.
  bool Met(const std::string& key) const { return met_.count(key) > 0; }
  int64_t Id(const std::string& key) const {
    auto it = ids_.find(key);
    return it == ids_.end() ? 0 : it->second;
  }
  std::string Key(int64_t id) const {
    auto it = keys_.find(id);
    return it == keys_.end() ? std::string() : it->second;
  }
  const EntityRow* Row(const std::string& key) const {
    auto it = rows_.find(key);
    return it == rows_.end() ? nullptr : &it->second;
  }

 private:
  PeopleDirectory dir_;
  std::string me_key_;
  std::map<std::string, EntityRow> rows_;
  std::map<std::string, int64_t> ids_;
  std::map<int64_t, std::string> keys_;
  std::set<std::string> met_;
};

// The names of people first met where they were written (a short name that is nobody
// else), in the order the note writes them: where such a name first appears decides who
// later spellings of it find, so they must stay the same, in the same order.
std::vector<std::pair<char, std::string>> MetOrder(
    const std::vector<std::pair<char, std::string>>& names, const StoredPeople& people) {
  std::vector<std::pair<char, std::string>> out;
  std::set<std::pair<char, std::string>> seen;
  for (const auto& entry : names) {
    if (IsMultiWordName(entry.second) || !people.Met(KeyOf(entry.second))) continue;
    if (seen.insert(entry).second) out.push_back(entry);
  }
  return out;
}

// A person without a note of their own is shown as the vault first writes them: the first
// spelling in path order among the mentions, else among the attendees, else among the
// owners. (An alias is a person note's: it is shown by the note's title.) A note's part in that is,
// per table, the first spelling it gives each such full name. `names` in the note's order; (table,
// key) -> spelling, whitespace collapsed as the shown name is.
std::map<std::pair<char, std::string>, std::string> FirstFullSpellings(
    const std::vector<std::pair<char, std::string>>& names, const StoredPeople& people) {
  std::map<std::pair<char, std::string>, std::string> out;
  for (const auto& [table, name] : names) {
    if (!IsMultiWordName(name)) continue;
    const std::string key = KeyOf(name);
    if (!people.Fixed(key) && !people.Alias(key)) {
      out.try_emplace({table, key}, util::CollapseWhitespace(name));
    }
  }
  return out;
}

// Whether a note's first spellings going from `then` to `now` keep the directory of who
// can be named, adding to `check` the people whose shown spelling they may move. A full
// name new to the note must be stored already: the whole-vault pass makes every full
// name the vault writes a person (but a person note's alias), before any resolving, so
// one written for the first time is someone new, even where the stored directory would
// read it as no name at all. A first spelling that is new, or changed to the shown one,
// cannot move how its person is shown: whether it now comes first or not, the person is
// shown the same. So adding "@Alex Rivera" to a note that did not name him, where he is
// shown "Alex Rivera", needs no check. One that is gone, or changed to another, may (this
// note may have held the vault's first).
bool KeepsWhoCanBeNamed(const std::map<std::pair<char, std::string>, std::string>& then,
                        const std::map<std::pair<char, std::string>, std::string>& now,
                        const StoredPeople& people, std::set<std::string>* check) {
  auto shown_as = [&](const std::string& key, const std::string& spelling) {
    const EntityRow* row = people.Row(key);
    return row && row->name == spelling;
  };
  for (const auto& [table_key, spelling] : then) {
    auto it = now.find(table_key);
    if (it != now.end() && (it->second == spelling || shown_as(table_key.second, it->second))) {
      continue;
    }
    check->insert(table_key.second);
  }
  for (const auto& [table_key, spelling] : now) {
    if (then.count(table_key)) continue;  // Checked above.
    if (!people.Row(table_key.second)) return false;
    if (!shown_as(table_key.second, spelling)) check->insert(table_key.second);
  }
  return true;
}

// A changed note's names as they resolve now, and what its resolution reports.
struct Resolved {
  int64_t note = 0;
  std::vector<NameNow> names;
  struct Unresolved {
    int line;
    std::string name;
    PeopleDirectory::Resolution resolution;
    const char* what;
  };
  std::vector<Unresolved> unresolved;
  int self_without_me = 0, self_line = 0;
};

// Resolves a changed note's names, or returns nothing when the whole-vault pass is
// needed. `before`: its names before, by (table, name) -> the person they resolved to.
std::optional<Resolved> ResolveNote(int64_t note, std::vector<NameNow> names,
                                    const std::map<std::pair<char, std::string>, int64_t>& before,
                                    const StoredPeople& people) {
  Resolved out;
  out.note = note;
  std::set<std::string> context;
  std::set<std::string> meets;  // Filled before any short name is resolved.
  bool ok = true;
  auto resolve = [&](NameNow& row, const char* what) {
    const PeopleDirectory::Resolution r = people.dir().Resolve(row.name, context);
    const std::string key = KeyOf(row.name);
    auto was = before.find({row.table, row.name});
    if (r.outcome == Outcome::kPerson && people.dir().Find(r.key)) {
      row.key = r.key;
    } else if (people.Met(r.outcome == Outcome::kPerson ? r.key : key) &&
               r.outcome != Outcome::kPlaceholder && r.outcome != Outcome::kSelfWithoutMe) {
      const std::string met_key = r.outcome == Outcome::kPerson ? r.key : key;
      if (r.outcome == Outcome::kPerson) {
        row.key = r.key;  // Meets them here, or finds them met before: theirs either way.
      } else if (meets.count(met_key) || was == before.end()) {
        // Theirs only below where this note meets them, or (not written here before)
        // only if another note meets them first: that takes the whole vault's order.
        ok = false;
      } else if (was->second == people.Id(met_key)) {
        row.key = met_key;  // Met in another note before this one, as before.
      } else if (was->second != 0) {
        ok = false;
      }
    } else if (r.outcome == Outcome::kPerson) {
      ok = false;  // A new person of its own.
    }
    if (row.key.empty() && what) out.unresolved.push_back({row.line, row.name, r, what});
    return r.outcome;
  };
  for (NameNow& m : names) {
    if (m.table != 'M') continue;
    if (IsMultiWordName(m.name)) resolve(m, nullptr);
    if (!m.key.empty() && m.source != "owner") context.insert(m.key);
  }
  // People first met at a short name that this note writes so that it can meet them
  // ("@Zed"; a lowercase "@zed" only finds them once met).
  for (const NameNow& row : names) {
    if (IsMultiWordName(row.name)) continue;
    const PeopleDirectory::Resolution r = people.dir().Resolve(row.name, context);
    if (r.outcome == Outcome::kPerson && !people.dir().Find(r.key) && people.Met(r.key)) {
      meets.insert(r.key);
    }
  }
  for (NameNow& row : names) {
    if (row.table == 'M' && row.key.empty()) resolve(row, nullptr);
    if (row.table == 'A') resolve(row, "attendee");
    if (row.table == 'O' && resolve(row, "task owner") == Outcome::kSelfWithoutMe) {
      if (out.self_without_me++ == 0) out.self_line = row.line;
    }
  }
  if (!ok) return std::nullopt;
  out.names = std::move(names);
  return out;
}

// Whether a changed note's names can be resolved alone (see the top of the file), given
// them before (`old`, null for a note not stored before) and now, once the shown spelling
// of each person added to `check` is found unchanged.
bool NamesStayResolvable(const store::OldNote* old, bool person_now, const std::string& title,
                         const std::vector<std::string>& aliases, const std::vector<NameNow>& names,
                         const StoredPeople& people, std::set<std::string>* check) {
  static const store::OldNote kAdded;  // A note not stored before had nothing.
  if (!old) old = &kAdded;
  if ((old->person_note || person_now) &&
      !(old->person_note && person_now && old->title == title && old->aliases == aliases)) {
    return false;
  }
  // Full names of people shown as first written, and short names of people first met,
  // decide how others resolve and are shown, by where they first appear (any other name
  // may come or go).
  std::vector<std::pair<char, std::string>> then, now;
  for (const store::OldName& n : old->names) then.emplace_back(n.table, n.name);
  for (const NameNow& n : names) now.emplace_back(n.table, n.name);
  return MetOrder(then, people) == MetOrder(now, people) &&
         KeepsWhoCanBeNamed(FirstFullSpellings(then, people), FirstFullSpellings(now, people),
                            people, check);
}

// Role and company of the person `key` from all their mentions: their own note's first,
// then the first mention in vault order that says. `changed` are the changed notes'
// mentions resolved to them, with their notes' paths.
void RoleAndCompany(query::StatementCache& statements, const std::string& key, int64_t id,
                    const std::vector<std::pair<std::string, const NameNow*>>& changed,
                    const std::set<int64_t>& changed_notes, EntityRow* row) {
  struct Mention {
    std::string path;
    int line;
    int64_t rowid;
    std::string source;
    std::optional<std::string> role, company;
  };
  std::vector<Mention> mentions;
  if (id) {
    query::Prepared prepared(
        statements,
        "SELECT n.path, m.line, m.rowid, m.source, m.role, m.company, m.note_id "
        "FROM person_mentions m JOIN notes n ON n.id = m.note_id "
        "WHERE m.person_id = ?");
    SQLite::Statement& q = *prepared;
    q.bind(1, id);
    while (q.executeStep()) {
      if (changed_notes.count(q.getColumn(6).getInt64())) continue;  // In `changed`.
      mentions.push_back(Mention{q.getColumn(0).getString(), q.getColumn(1).getInt(),
                                 q.getColumn(2).getInt64(), q.getColumn(3).getString(),
                                 OptText(q.getColumn(4)), OptText(q.getColumn(5))});
    }
  }
  for (const auto& [path, m] : changed) {
    if (m->key == key) {
      mentions.push_back(Mention{path, m->line, m->rowid, m->source, m->role, m->company});
    }
  }
  std::sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
    return std::tie(a.path, a.line, a.rowid) < std::tie(b.path, b.line, b.rowid);
  });
  row->first.reset();
  row->second.reset();
  for (int pass = 0; pass < 2; ++pass) {
    for (const Mention& m : mentions) {
      if ((pass == 0) != (m.source == "self")) continue;
      if (!row->first) row->first = m.role;
      if (!row->second) row->second = m.company;
    }
  }
}

// Whether a note outside `changed` names the person `id` (the changed notes' rows say
// for themselves).
bool NamedElsewhere(query::StatementCache& statements, int64_t id,
                    const std::set<int64_t>& changed) {
  query::Prepared prepared(
      statements,
      "SELECT note_id FROM person_mentions WHERE person_id = ?1 "
      "UNION ALL SELECT meeting_id FROM meeting_attendees WHERE person_id = ?1 "
      "UNION ALL SELECT note_id FROM tasks WHERE owner_id = ?1");
  SQLite::Statement& q = *prepared;
  q.bind(1, id);
  while (q.executeStep()) {
    if (!changed.count(q.getColumn(0).getInt64())) return true;
  }
  return false;
}

// How the whole-vault pass would show the person `key` (stored as `id`) after the
// change: the first full spelling of their key among the mentions, else the attendees,
// else the owners, in path order (then line and row id, as that pass sorts them). The
// unchanged notes' rows are read; the changed notes' are `resolved`.
std::optional<std::string> ShownSpelling(query::StatementCache& statements, const std::string& key,
                                         int64_t id, const std::vector<Resolved>& resolved,
                                         const std::map<int64_t, std::string>& paths,
                                         const std::set<int64_t>& changed) {
  static constexpr struct {
    char table;
    const char* sql;
  } kTables[] = {
      {'M',
       "SELECT n.path, r.line, r.rowid, r.name, r.note_id FROM person_mentions r "
       "JOIN notes n ON n.id = r.note_id WHERE r.person_id = ?"},
      {'A',
       "SELECT n.path, 0, r.rowid, r.name, r.meeting_id FROM meeting_attendees r "
       "JOIN notes n ON n.id = r.meeting_id WHERE r.person_id = ?"},
      {'O',
       "SELECT n.path, r.line, r.id, r.owner_name, r.note_id FROM tasks r "
       "JOIN notes n ON n.id = r.note_id WHERE r.owner_id = ?"},
  };
  for (const auto& [table, sql] : kTables) {
    std::optional<std::tuple<std::string, int, int64_t, std::string>> first;
    auto offer = [&](std::tuple<std::string, int, int64_t, std::string> row) {
      const std::string& name = std::get<3>(row);
      if (!IsMultiWordName(name) || KeyOf(name) != key) return;  // A short name finds them.
      if (!first || row < *first) first = std::move(row);
    };
    if (id) {
      query::Prepared prepared(statements, sql);
      SQLite::Statement& q = *prepared;
      q.bind(1, id);
      while (q.executeStep()) {
        if (changed.count(q.getColumn(4).getInt64())) continue;  // In `resolved`.
        offer({q.getColumn(0).getString(), q.getColumn(1).getInt(), q.getColumn(2).getInt64(),
               q.getColumn(3).getString()});
      }
    }
    for (const Resolved& r : resolved) {
      for (const NameNow& n : r.names) {
        if (n.table == table) offer({paths.at(r.note), table == 'A' ? 0 : n.line, n.rowid, n.name});
      }
    }
    if (first) return util::CollapseWhitespace(std::get<3>(*first));
  }
  return std::nullopt;
}

}  // namespace

bool ResolveScopedPeople(SQLite::Database& db, const ResolveOptions& options, Scope& scope) {
  const StoredPeople people(db, options.me);
  // The helpers run their statements for each changed note or person (a thousand
  // times in a 1% re-sync at 100,000 notes): prepared once, as the queries' are.
  query::StatementCache statements(db);
  const store::ChangeSet& changes = scope.changes();
  std::vector<Resolved> resolved;
  std::map<int64_t, std::string> paths;
  SQLite::Statement note_q(db, "SELECT kind = 'person', title, path FROM notes WHERE id = ?");
  SQLite::Statement aliases_q(db,
                              "SELECT alias FROM note_aliases WHERE note_id = ? ORDER BY rowid");
  std::set<std::string> check_shown;  // People whose shown spelling the change may move.
  for (int64_t note : scope.notes()) {
    auto it = changes.old_notes.find(note);
    const store::OldNote* old = it == changes.old_notes.end() ? nullptr : &it->second;
    note_q.bind(1, note);
    const bool exists = note_q.executeStep();
    const bool person_now = exists && note_q.getColumn(0).getInt() != 0;
    const std::string title = exists ? note_q.getColumn(1).getString() : "";
    if (exists) paths[note] = note_q.getColumn(2).getString();
    note_q.reset();
    if (!exists) {  // Removed: as if it now had no names.
      if (old &&
          !NamesStayResolvable(old, false, old->title, old->aliases, {}, people, &check_shown)) {
        return false;
      }
      continue;
    }
    std::vector<std::string> aliases;
    aliases_q.bind(1, note);
    while (aliases_q.executeStep()) aliases.push_back(aliases_q.getColumn(0).getString());
    aliases_q.reset();
    std::vector<NameNow> names = NamesOf(statements, note);
    if (!NamesStayResolvable(old, person_now, title, aliases, names, people, &check_shown)) {
      return false;
    }
    std::map<std::pair<char, std::string>, int64_t> before;
    if (old) {
      for (const store::OldName& n : old->names)
        before.emplace(std::make_pair(n.table, n.name), n.person);
    }
    std::optional<Resolved> r = ResolveNote(note, std::move(names), before, people);
    if (!r) return false;
    resolved.push_back(std::move(*r));
  }
  for (const std::string& key : check_shown) {
    const EntityRow* row = people.Row(key);
    if (!row || ShownSpelling(statements, key, people.Id(key), resolved, paths, scope.notes()) !=
                    row->name) {
      return false;
    }
  }

  // Shown: the changed notes' diagnostics, assignments, and the people whose rows or
  // details they change.
  SQLite::Statement clear(db, "DELETE FROM diagnostics WHERE stage = 'resolve' AND note_id = ?");
  for (int64_t note : scope.notes()) store::Exec(clear, note);
  DiagnosticSink sink(db);
  std::set<std::string> keys;   // People to write again.
  std::set<std::string> named;  // By the changed notes.
  std::vector<std::pair<std::string, const NameNow*>> mentions;
  for (const Resolved& r : resolved) {
    for (const auto& u : r.unresolved) {
      ReportUnresolved(sink, r.note, u.line, u.name, u.resolution, u.what);
    }
    if (r.self_without_me > 0) ReportSelfWithoutMe(sink, r.note, r.self_line, r.self_without_me);
    for (const NameNow& n : r.names) {
      if (n.key.empty()) continue;
      named.insert(n.key);
      if (!people.Id(n.key)) keys.insert(n.key);  // @Me, named for the first time.
      if (n.table == 'M') {
        mentions.emplace_back(paths[r.note], &n);
        if (n.role || n.company) keys.insert(n.key);
      }
    }
  }
  // People the changed notes named before: their details, if those notes gave any, and
  // whether anyone still names them.
  std::map<int64_t, bool> named_before;  // person -> a mention gave details
  for (const auto& [note, old] : changes.old_notes) {
    for (const store::OldName& n : old.names) {
      if (n.person) named_before[n.person] |= n.details;
    }
  }
  for (const auto& [id, details] : named_before) {
    const std::string key = people.Key(id);
    if (details || (!named.count(key) && !NamedElsewhere(statements, id, scope.notes()))) {
      keys.insert(key);
    }
  }
  keys.erase("");
  std::vector<EntityRow> rows;
  for (const std::string& key : keys) {
    const EntityRow* stored = people.Row(key);
    const PersonEntry* entry = people.dir().Find(key);
    EntityRow row = stored ? *stored : EntityRow{key, entry ? entry->name : key, 0, {}, {}};
    if (entry) row.note_id = entry->note_id;
    const int64_t id = people.Id(key);
    if (row.note_id == 0 && !named.count(key) &&
        !(id && NamedElsewhere(statements, id, scope.notes())))
      continue;  // Gone.
    RoleAndCompany(statements, key, id, mentions, scope.notes(), &row);
    rows.push_back(std::move(row));
  }
  const EntitySyncResult synced = SyncSomeEntities(db, {"people", "role", "company"}, keys, rows);
  auto id_of = [&](const std::string& key) {
    auto it = synced.ids.find(key);
    return it != synced.ids.end() ? it->second : people.Id(key);
  };
  std::vector<Assignment> by_table[3];
  for (const Resolved& r : resolved) {
    for (const NameNow& n : r.names) {
      const int64_t wanted = n.key.empty() ? 0 : id_of(n.key);
      if (wanted) scope.people_touched.insert(wanted);
      std::vector<Assignment>& list = by_table[n.table == 'M' ? 0 : n.table == 'A' ? 1 : 2];
      list.push_back(
          Assignment{n.rowid, n.current, wanted ? std::optional<int64_t>(wanted) : std::nullopt});
    }
  }
  ApplyAssignments(db, "UPDATE person_mentions SET person_id = ?1 WHERE rowid = ?2", by_table[0]);
  ApplyAssignments(db, "UPDATE meeting_attendees SET person_id = ?1 WHERE rowid = ?2", by_table[1]);
  ApplyAssignments(db, "UPDATE tasks SET owner_id = ?1 WHERE id = ?2", by_table[2]);
  return true;
}

}  // namespace notestore::resolve
