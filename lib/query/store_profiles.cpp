// Store's one-entity views: person and account profiles, a note with everything in it,
// and the links into and out of a note.
//
// The profiles find a meeting's attendees and account in its note's rows: every attendee
// is also a person mention of the meeting's note (extract::FindPeople copies them, source
// 'attendee') resolved to the same person, since both resolve the name against the same
// context (the note's full names; resolve/vault_resolver.cpp); and a meeting's account is
// its note's, both being the note's first account mention. Asking meeting_attendees as
// well cost an account's people 0.30 -> 0.17 ms and a person's accounts 0.29 -> 0.16 ms at
// 100k notes, and found no one more. profile_pages_test.cpp holds the store to it.
#include <functional>

#include "api/store_impl.h"
#include "notestore/error.h"
#include "query/guard.h"
#include "query/name_lookup.h"
#include "query/record_readers.h"

namespace notestore {

using query::Guard;
using query::SqlQuery;
using query::SqlValue;

namespace {

std::vector<Link> LinksWhere(SQLite::Database& db, const char* condition, int64_t note_id) {
  SqlQuery sql(query::kLinkSelect);
  sql.Where(condition, {note_id}).OrderBy("n.path, l.line, l.id");
  return query::Load<Link>(db, sql, query::ReadLink);
}

int LimitOf(const ProfileOptions& options) {
  if (options.limit < 0) {
    throw Error(ErrorCode::kInvalidArgument, "profile limit must not be negative");
  }
  return options.limit;
}

// A page of a profile's list: the rows of `from` (tables, aliased as in `sql`) that meet
// `condition` (its '?' taking `values`), the first `limit` of them in `pick`, returned in
// `order`; all of them when `limit` is 0. The page is chosen first, reading index keys
// (schema 6 widened the indexes for it) and small rows rather than every row with its
// joins and lists, and only its rows are read whole: for a person with hundreds of
// meetings, reading them all cost more than choosing among them. The note of each row
// (for its path, which breaks ties) is read through notes_path (schema 7), named because
// the planner prefers the table's rowid, whose rows hold the bodies: choosing the page
// of the vault owner's 93,500 meetings took 0.25 s that way, 0.08 s through the index.
// (Not where the notes are chosen by account: notes_account holds their paths.)
template <typename T>
std::vector<T> Page(SqlQuery sql, const char* key, const char* from, const std::string& condition,
                    std::vector<SqlValue> values, const char* pick, const char* order, int limit,
                    const std::function<std::vector<T>(const SqlQuery&)>& load) {
  if (limit == 0) return load(sql.Where(condition, std::move(values)).OrderBy(order));
  // The limit is bound, so that one statement serves every page size.
  const std::string keys = std::string(key) + " IN (SELECT " + key + " FROM " + from + " WHERE " +
                           condition + " ORDER BY " + pick + " LIMIT ?)";
  values.emplace_back(int64_t{limit});
  return load(sql.Where(keys, std::move(values)).OrderBy(order));
}

constexpr const char* kMeetingOrder = "m.date IS NULL, m.date, n.path";
constexpr const char* kMeetingsLatest = "m.date IS NULL DESC, m.date DESC, n.path DESC";
constexpr const char* kDecisionOrder = "d.date IS NULL, d.date, n.path, d.line";
constexpr const char* kDecisionsLatest =
    "d.date IS NULL DESC, d.date DESC, n.path DESC, d.line DESC";
constexpr const char* kTaskOrder = "t.due IS NULL, t.due, n.path, t.line";
constexpr const char* kNoteOrder = "n.date IS NULL, n.date DESC, n.path";
constexpr const char* kFactOrder = "f.kind, n.path, f.line";
constexpr const char* kPersonOrder = "p.name COLLATE NOCASE";
constexpr const char* kAccountOrder = "a.name COLLATE NOCASE";

// Loaders of each kind of row, for Page(), with statements kept for reuse.
auto LoadMeetings(query::StatementCache& cache) {
  return [&cache](const SqlQuery& q) { return query::LoadMeetings(cache, q); };
}
auto LoadTasks(query::StatementCache& cache) {
  return [&cache](const SqlQuery& q) { return query::LoadTasks(cache, q); };
}
auto LoadPeople(query::StatementCache& cache) {
  return [&cache](const SqlQuery& q) { return query::LoadPeople(cache, q); };
}
auto LoadNotes(query::StatementCache& cache) {
  return [&cache](const SqlQuery& q) { return query::LoadNotes(cache, q, false); };
}
auto LoadAccounts(query::StatementCache& cache) {
  return [&cache](const SqlQuery& q) { return query::Load<Account>(cache, q, query::ReadAccount); };
}
auto LoadDecisions(query::StatementCache& cache) {
  return
      [&cache](const SqlQuery& q) { return query::Load<Decision>(cache, q, query::ReadDecision); };
}
auto LoadFacts(query::StatementCache& cache) {
  return [&cache](const SqlQuery& q) { return query::Load<Fact>(cache, q, query::ReadFact); };
}

}  // namespace

PersonProfile Store::person(const std::string& name, const ProfileOptions& options) const {
  const int limit = LimitOf(options);
  return Guard("person query failed", [&] {
    SQLite::Database& db = *impl_->db;
    query::StatementCache& cache = *impl_->statements;
    const query::ReadSnapshot snapshot(db);
    const int64_t id = query::FindPersonId(cache, name);
    PersonProfile profile;
    profile.person =
        query::LoadPeople(cache, SqlQuery(query::kPersonSelect).Where("p.id = ?", {id})).at(0);
    profile.meetings =
        Page<Meeting>(SqlQuery(query::kMeetingSelect), "m.id",
                      "meetings m JOIN notes n INDEXED BY notes_path ON n.id = m.note_id",
                      "m.id IN (SELECT meeting_id FROM meeting_attendees WHERE person_id = ?) AND "
                      "m.duplicate_of IS NULL",
                      {id}, kMeetingsLatest, kMeetingOrder, limit, LoadMeetings(cache));
    profile.open_tasks =
        Page<Task>(SqlQuery(query::kTaskSelect), "t.id",
                   "tasks t JOIN notes n INDEXED BY notes_path ON n.id = t.note_id",
                   "t.owner_id = ? AND t.status IN ('open', 'in_progress') AND "
                   "t.duplicate_of IS NULL",
                   {id}, kTaskOrder, kTaskOrder, limit, LoadTasks(cache));
    // Accounts of the notes that name them, which holds those of the meetings they
    // attended (see the top of the file); from notes_path, which holds each note's
    // account (schema 9), not from rows that keep it after the body.
    profile.accounts = Page<Account>(
        SqlQuery(query::kAccountSelect), "a.id", "accounts a",
        "a.id IN (SELECT n2.account_id FROM person_mentions pm CROSS JOIN notes n2 INDEXED BY "
        "notes_path ON n2.id = pm.note_id WHERE pm.person_id = ?)",
        {id}, kAccountOrder, kAccountOrder, limit, LoadAccounts(cache));
    profile.notes =
        Page<Note>(SqlQuery(query::NoteSelect(false)), "n.id", "notes n",
                   "n.id IN (SELECT note_id FROM person_mentions WHERE person_id = ? "
                   "UNION SELECT l.note_id FROM people pp CROSS JOIN links l ON l.target_note_id = "
                   "pp.note_id WHERE pp.id = ? UNION SELECT note_id FROM tasks WHERE owner_id = ?)",
                   {id, id, id}, kNoteOrder, kNoteOrder, limit, LoadNotes(cache));
    return profile;
  });
}

AccountProfile Store::account(const std::string& name, const ProfileOptions& options) const {
  const int limit = LimitOf(options);
  return Guard("account query failed", [&] {
    SQLite::Database& db = *impl_->db;
    query::StatementCache& cache = *impl_->statements;
    const query::ReadSnapshot snapshot(db);
    const int64_t id = query::FindAccountId(cache, name);
    AccountProfile profile;
    profile.account =
        LoadAccounts(cache)(SqlQuery(query::kAccountSelect).Where("a.id = ?", {id})).at(0);
    // The people its notes name, its meetings' attendees among them (the top of the file).
    profile.people =
        Page<Person>(SqlQuery(query::kPersonSelect), "p.id", "people p",
                     "p.id IN (SELECT pm.person_id FROM notes n2 CROSS JOIN person_mentions pm ON "
                     "pm.note_id = n2.id WHERE n2.account_id = ?)",
                     {id}, kPersonOrder, kPersonOrder, limit, LoadPeople(cache));
    profile.meetings =
        Page<Meeting>(SqlQuery(query::kMeetingSelect), "m.id",
                      "meetings m JOIN notes n INDEXED BY notes_path ON n.id = m.note_id",
                      "m.account_id = ? AND m.duplicate_of IS NULL", {id}, kMeetingsLatest,
                      kMeetingOrder, limit, LoadMeetings(cache));
    profile.decisions =
        Page<Decision>(SqlQuery(query::kDecisionSelect), "d.id",
                       "decisions d JOIN notes n INDEXED BY notes_path ON n.id = d.note_id",
                       "d.account_id = ? AND d.duplicate_of IS NULL", {id}, kDecisionsLatest,
                       kDecisionOrder, limit, LoadDecisions(cache));
    // From tasks_account (schema 8), in due order: the page reads its own rows and a few more.
    profile.open_tasks =
        Page<Task>(SqlQuery(query::kTaskSelect), "t.id",
                   "tasks t JOIN notes n INDEXED BY notes_path ON n.id = t.note_id",
                   "t.account_id = ? AND t.status IN ('open', 'in_progress') AND "
                   "t.duplicate_of IS NULL",
                   {id}, kTaskOrder, kTaskOrder, limit, LoadTasks(cache));
    profile.facts =
        Page<Fact>(SqlQuery(query::kFactSelect), "f.id", "facts f JOIN notes n ON n.id = f.note_id",
                   "n.account_id = ?", {id}, kFactOrder, kFactOrder, limit, LoadFacts(cache));
    return profile;
  });
}

NoteDetail Store::note(const std::string& path) const {
  return Guard("note query failed", [&] {
    SQLite::Database& db = *impl_->db;
    const query::ReadSnapshot snapshot(db);
    const int64_t id = query::FindNoteId(db, path);
    NoteDetail detail;
    detail.note =
        query::LoadNotes(db, SqlQuery(query::NoteSelect(true)).Where("n.id = ?", {id}), true).at(0);
    SqlQuery ts(query::kTaskSelect);
    ts.Where("t.note_id = ?", {id}).OrderBy("t.line");
    detail.tasks = query::LoadTasks(db, ts);
    SqlQuery ds(query::kDecisionSelect);
    ds.Where("d.note_id = ?", {id}).OrderBy("d.line");
    detail.decisions = query::Load<Decision>(db, ds, query::ReadDecision);
    SqlQuery fs(query::kFactSelect);
    fs.Where("f.note_id = ?", {id}).OrderBy("f.line");
    detail.facts = query::Load<Fact>(db, fs, query::ReadFact);
    detail.links = LinksWhere(db, "l.note_id = ?", id);
    detail.backlinks = LinksWhere(db, "l.target_note_id = ? AND l.note_id != l.target_note_id", id);
    return detail;
  });
}

std::vector<Link> Store::links_from(const std::string& path) const {
  return Guard("link query failed", [&] {
    return LinksWhere(*impl_->db, "l.note_id = ?", query::FindNoteId(*impl_->db, path));
  });
}

std::vector<Link> Store::backlinks(const std::string& path) const {
  return Guard("link query failed", [&] {
    return LinksWhere(*impl_->db, "l.target_note_id = ? AND l.note_id != l.target_note_id",
                      query::FindNoteId(*impl_->db, path));
  });
}

}  // namespace notestore
