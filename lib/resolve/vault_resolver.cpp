#include "resolve/vault_resolver.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <unordered_map>
#include <vector>

#include "diag/diagnostic.h"
#include "resolve/entity_sync.h"
#include "resolve/link_index.h"
#include "resolve/people_directory.h"
#include "resolve/people_shared.h"
#include "resolve/scoped_people.h"
#include "resolve/vault_order.h"
#include "store/statement_binding.h"
#include "util/text.h"

namespace notestore::resolve {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

// Strings that repeat across hundreds of thousands of rows (names, person keys, roles)
// kept once; rows hold their numbers. A large vault names a few thousand people in a
// million task lines, and a string per row was most of this pass's memory.
class Interner {
 public:
  uint32_t Id(const std::string& s) {
    auto [it, inserted] = ids_.try_emplace(s, static_cast<uint32_t>(strings_.size()));
    if (inserted) strings_.push_back(&it->first);
    return it->second;
  }
  uint32_t OptId(const SQLite::Column& c) { return c.isNull() ? kNone : Id(c.getString()); }
  const std::string& operator[](uint32_t id) const { return *strings_[id]; }
  size_t size() const { return strings_.size(); }
  std::optional<std::string> Opt(uint32_t id) const {
    if (id == kNone) return std::nullopt;
    return *strings_[id];
  }

 private:
  std::unordered_map<std::string, uint32_t> ids_;  // Node-based: keys never move.
  std::vector<const std::string*> strings_;
};

enum class Source : uint8_t { kOther, kOwner, kSelf };  // person_mentions.source

// A name as one of the tables holds it, waiting to be tied to a person.
struct NameRow {
  int64_t rowid = 0;
  int64_t note_id = 0;
  int64_t current = 0;  // The person id stored, 0 for none (ids start at 1).
  int32_t order = 0;    // The note's place in path order.
  int32_t line = 0;
  uint32_t name = 0;               // Interned.
  uint32_t key = kNone;            // Resolved person (interned key), kNone for none.
  Source source = Source::kOther;  // person_mentions only, as are role and company.
  uint32_t role = kNone, company = kNone;
};

// A deque: no copy of a million rows each time it grows.
using NameRows = std::deque<NameRow>;

// Rows of `sql` (rowid, note_id, line, name, current[, source, role, company]) in
// vault order: by note path, then line (if `by_line`), then rowid. Sorted here rather
// than in SQL: joining notes for each of a million task rows and sorting them there
// took more than half of this pass.
NameRows LoadNames(SQLite::Database& db, const char* sql, bool with_details, bool by_line,
                   const std::unordered_map<int64_t, int64_t>& order, Interner& strings) {
  NameRows rows;
  SQLite::Statement q(db, sql);
  while (q.executeStep()) {
    NameRow r;
    r.rowid = q.getColumn(0).getInt64();
    r.note_id = q.getColumn(1).getInt64();
    auto it = order.find(r.note_id);
    if (it == order.end()) continue;  // Not possible with foreign keys on; as a join would.
    r.order = static_cast<int32_t>(it->second);
    r.line = q.getColumn(2).getInt();
    r.name = strings.Id(q.getColumn(3).getString());
    r.current = q.getColumn(4).isNull() ? 0 : q.getColumn(4).getInt64();
    if (with_details) {
      const std::string source = q.getColumn(5).getString();
      r.source = source == "owner"  ? Source::kOwner
                 : source == "self" ? Source::kSelf
                                    : Source::kOther;
      r.role = strings.OptId(q.getColumn(6));
      r.company = strings.OptId(q.getColumn(7));
    }
    rows.push_back(r);
  }
  std::sort(rows.begin(), rows.end(), [by_line](const NameRow& a, const NameRow& b) {
    if (a.order != b.order) return a.order < b.order;
    if (by_line && a.line != b.line) return a.line < b.line;
    return a.rowid < b.rowid;
  });
  return rows;
}

}  // namespace

void ResolvePeople(SQLite::Database& db, const ResolveOptions& options, Scope& scope) {
  if (!scope.full()) {
    if (ResolveScopedPeople(db, options, scope)) return;
    scope.people_whole_vault = true;
  }
  db.exec("DELETE FROM diagnostics WHERE stage = 'resolve'");
  Interner strings;
  const std::unordered_map<int64_t, int64_t> order = VaultOrder(db);
  NameRows mentions =
      LoadNames(db,
                "SELECT rowid, note_id, line, name, person_id, source, role, company "
                "FROM person_mentions",
                true, true, order, strings);
  NameRows attendees =
      LoadNames(db, "SELECT rowid, meeting_id, line, name, person_id FROM meeting_attendees", false,
                false, order, strings);
  NameRows owners = LoadNames(
      db, "SELECT id, note_id, line, owner_name, owner_id FROM tasks WHERE owner_name IS NOT NULL",
      false, true, order, strings);

  PeopleDirectory dir;
  dir.SetMe(options.me);
  AddPersonNotes(db, &dir);
  // Full names first, so a short "@Jack" can find "Jack Kabat" wherever it appears.
  for (const auto* rows : {&mentions, &attendees, &owners}) {
    for (const NameRow& r : *rows) {
      if (IsMultiWordName(strings[r.name])) dir.AddKnownName(strings[r.name]);
    }
  }

  DiagnosticSink sink(db);
  std::map<int64_t, std::set<std::string>> context;  // note -> people it names
  auto resolve = [&](NameRow& row, const char* what) {
    static const std::set<std::string> kNoContext;
    auto it = context.find(row.note_id);
    const std::string& name = strings[row.name];
    const PeopleDirectory::Resolution r =
        dir.Resolve(name, it == context.end() ? kNoContext : it->second);
    if (r.outcome == PeopleDirectory::Outcome::kPerson) {
      row.key = strings.Id(dir.Find(r.key) ? r.key : dir.Add(name));
    } else if (what) {
      ReportUnresolved(sink, row.note_id, row.line, name, r, what);
    }
    return r.outcome;
  };
  for (NameRow& m : mentions) {
    // Full names first (they build each note's context), short names after.
    if (IsMultiWordName(strings[m.name])) resolve(m, nullptr);
    if (m.key != kNone && m.source != Source::kOwner) context[m.note_id].insert(strings[m.key]);
  }
  for (NameRow& m : mentions) {
    if (m.key == kNone) resolve(m, nullptr);
  }
  for (NameRow& a : attendees) resolve(a, "attendee");

  std::map<int64_t, std::pair<int, int>> self_without_me;  // note -> (count, first line)
  for (NameRow& o : owners) {
    if (resolve(o, "task owner") == PeopleDirectory::Outcome::kSelfWithoutMe) {
      auto& [count, line] = self_without_me[o.note_id];
      if (count++ == 0) line = o.line;
    }
  }
  for (const NameRow& o : owners) {
    auto it = self_without_me.find(o.note_id);
    if (it == self_without_me.end()) continue;
    ReportSelfWithoutMe(sink, o.note_id, it->second.second, it->second.first);
    self_without_me.erase(it);
  }

  // Every person referenced, or with a note of their own.
  std::map<std::string, EntityRow> people;
  for (const auto& [key, entry] : dir.entries()) {
    if (entry.note_id) people[key] = EntityRow{key, entry.name, entry.note_id, {}, {}};
  }
  for (const auto* rows : {&mentions, &attendees, &owners}) {
    for (const NameRow& r : *rows) {
      if (r.key == kNone) continue;
      const std::string& key = strings[r.key];
      EntityRow& row = people[key];
      if (row.key.empty()) row = EntityRow{key, dir.Find(key)->name, 0, {}, {}};
    }
  }
  // Role and company: the person's own note first, then the first mention that says.
  for (int pass = 0; pass < 2; ++pass) {
    for (const NameRow& m : mentions) {
      if (m.key == kNone || (pass == 0) != (m.source == Source::kSelf)) continue;
      EntityRow& row = people[strings[m.key]];
      if (!row.first) row.first = strings.Opt(m.role);
      if (!row.second) row.second = strings.Opt(m.company);
    }
  }
  std::vector<EntityRow> rows;
  for (auto& [key, row] : people) rows.push_back(std::move(row));
  const std::map<std::string, int64_t> ids = SyncEntities(db, {"people", "role", "company"}, rows);

  db.exec("DELETE FROM person_aliases");
  SQLite::Statement alias(db, "INSERT INTO person_aliases(person_id, alias) VALUES(?, ?)");
  for (const auto& [key, entry] : dir.entries()) {
    auto id = ids.find(key);
    if (id == ids.end()) continue;
    for (const std::string& a : entry.aliases) store::Exec(alias, id->second, a);
  }

  // Person id by interned key (-1: not looked up yet), so that a million rows naming a
  // few thousand people look each one up once.
  std::vector<int64_t> person_of(strings.size(), -1);
  auto person = [&](uint32_t key) {
    if (key == kNone) return int64_t{0};
    if (person_of[key] < 0) {
      auto it = ids.find(strings[key]);
      person_of[key] = it == ids.end() ? 0 : it->second;
    }
    return person_of[key];
  };
  // Only the rows that change: after a small edit, none of a million. Their notes and
  // people go to the scope, for the parts of the pass that depend on them.
  auto assignments = [&](const NameRows& list, std::set<int64_t>* changed_notes) {
    std::vector<Assignment> out;
    for (const NameRow& r : list) {
      const int64_t wanted = person(r.key);
      if (wanted == r.current) continue;
      out.push_back(Assignment{r.rowid,
                               r.current ? std::optional<int64_t>(r.current) : std::nullopt,
                               wanted ? std::optional<int64_t>(wanted) : std::nullopt});
      if (changed_notes) changed_notes->insert(r.note_id);
      for (int64_t p : {r.current, wanted}) {
        if (p) scope.people_touched.insert(p);
      }
    }
    return out;
  };
  ApplyAssignments(db, "UPDATE person_mentions SET person_id = ?1 WHERE rowid = ?2",
                   assignments(mentions, nullptr));
  ApplyAssignments(db, "UPDATE meeting_attendees SET person_id = ?1 WHERE rowid = ?2",
                   assignments(attendees, &scope.attendees_changed));
  ApplyAssignments(db, "UPDATE tasks SET owner_id = ?1 WHERE id = ?2",
                   assignments(owners, &scope.owners_changed));
}

}  // namespace notestore::resolve
