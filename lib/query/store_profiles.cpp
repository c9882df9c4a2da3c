// Store's one-entity views: person and account profiles, a note with everything in it,
// and the links into and out of a note.
#include <algorithm>
#include <functional>

#include "api/store_impl.h"
#include "notestore/error.h"
#include "query/guard.h"
#include "query/name_lookup.h"
#include "query/record_readers.h"

namespace notestore {

using query::Guard;
using query::SqlQuery;

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

// Orders `sql` by `order` and keeps the first `limit` rows (all when 0).
SqlQuery& First(SqlQuery& sql, const char* order, int limit) {
  return sql.OrderBy(order).Page(limit, 0);
}

// Keeps the last `limit` rows in `order` (all when 0): read in `reverse` and turned back.
template <typename T>
std::vector<T> Last(SqlQuery& sql, const char* order, const char* reverse, int limit,
                    const std::function<std::vector<T>(const SqlQuery&)>& load) {
  if (limit == 0) return load(sql.OrderBy(order));
  std::vector<T> rows = load(sql.OrderBy(reverse).Page(limit, 0));
  std::reverse(rows.begin(), rows.end());
  return rows;
}

constexpr const char* kMeetingOrder = "m.date IS NULL, m.date, n.path";
constexpr const char* kMeetingsLatest = "m.date IS NULL DESC, m.date DESC, n.path DESC";
constexpr const char* kTaskOrder = "t.due IS NULL, t.due, n.path, t.line";

}  // namespace

PersonProfile Store::person(const std::string& name, const ProfileOptions& options) const {
  const int limit = LimitOf(options);
  return Guard("person query failed", [&] {
    SQLite::Database& db = *impl_->db;
    const query::ReadSnapshot snapshot(db);
    const int64_t id = query::FindPersonId(db, name);
    PersonProfile profile;
    profile.person =
        query::LoadPeople(db, SqlQuery(query::kPersonSelect).Where("p.id = ?", {id})).at(0);
    SqlQuery ms(query::kMeetingSelect);
    ms.Where(
        "m.id IN (SELECT meeting_id FROM meeting_attendees WHERE person_id = ?) AND "
        "m.duplicate_of IS NULL",
        {id});
    profile.meetings = Last<Meeting>(ms, kMeetingOrder, kMeetingsLatest, limit,
                                     [&](const SqlQuery& q) { return query::LoadMeetings(db, q); });
    SqlQuery ts(query::kTaskSelect);
    ts.Where("t.owner_id = ? AND t.status IN ('open', 'in_progress') AND t.duplicate_of IS NULL",
             {id});
    profile.open_tasks = query::LoadTasks(db, First(ts, kTaskOrder, limit));
    // Accounts of the meetings they attended and of the notes that name them.
    SqlQuery as(query::kAccountSelect);
    as.Where(
        "a.id IN (SELECT m.account_id FROM meeting_attendees ma CROSS JOIN meetings m ON "
        "m.id = ma.meeting_id WHERE ma.person_id = ? UNION SELECT n2.account_id FROM "
        "person_mentions pm CROSS JOIN notes n2 ON n2.id = pm.note_id WHERE pm.person_id = ?)",
        {id, id});
    profile.accounts =
        query::Load<Account>(db, First(as, "a.name COLLATE NOCASE", limit), query::ReadAccount);
    SqlQuery ns(query::NoteSelect(false));
    ns.Where(
        "n.id IN (SELECT note_id FROM person_mentions WHERE person_id = ? UNION "
        "SELECT l.note_id FROM people pp CROSS JOIN links l ON l.target_note_id = pp.note_id "
        "WHERE pp.id = ? UNION SELECT note_id FROM tasks WHERE owner_id = ?)",
        {id, id, id});
    profile.notes =
        query::LoadNotes(db, First(ns, "n.date IS NULL, n.date DESC, n.path", limit), false);
    return profile;
  });
}

AccountProfile Store::account(const std::string& name, const ProfileOptions& options) const {
  const int limit = LimitOf(options);
  return Guard("account query failed", [&] {
    SQLite::Database& db = *impl_->db;
    const query::ReadSnapshot snapshot(db);
    const int64_t id = query::FindAccountId(db, name);
    AccountProfile profile;
    profile.account =
        query::Load<Account>(db, SqlQuery(query::kAccountSelect).Where("a.id = ?", {id}),
                             query::ReadAccount)
            .at(0);
    SqlQuery ps(query::kPersonSelect);
    ps.Where(
        "p.id IN (SELECT pm.person_id FROM notes n2 CROSS JOIN person_mentions pm ON "
        "pm.note_id = n2.id WHERE n2.account_id = ? UNION SELECT ma.person_id FROM "
        "meetings m2 CROSS JOIN meeting_attendees ma ON ma.meeting_id = m2.id "
        "WHERE m2.account_id = ?)",
        {id, id});
    profile.people = query::LoadPeople(db, First(ps, "p.name COLLATE NOCASE", limit));
    SqlQuery ms(query::kMeetingSelect);
    ms.Where("m.account_id = ? AND m.duplicate_of IS NULL", {id});
    profile.meetings = Last<Meeting>(ms, kMeetingOrder, kMeetingsLatest, limit,
                                     [&](const SqlQuery& q) { return query::LoadMeetings(db, q); });
    SqlQuery ds(query::kDecisionSelect);
    ds.Where("d.account_id = ? AND d.duplicate_of IS NULL", {id});
    profile.decisions = Last<Decision>(
        ds, "d.date IS NULL, d.date, n.path, d.line",
        "d.date IS NULL DESC, d.date DESC, n.path DESC, d.line DESC", limit,
        [&](const SqlQuery& q) { return query::Load<Decision>(db, q, query::ReadDecision); });
    SqlQuery ts(query::kTaskSelect);
    ts.Where("n.account_id = ? AND t.status IN ('open', 'in_progress') AND t.duplicate_of IS NULL",
             {id});
    profile.open_tasks = query::LoadTasks(db, First(ts, kTaskOrder, limit));
    SqlQuery fs(query::kFactSelect);
    fs.Where("n.account_id = ?", {id});
    profile.facts =
        query::Load<Fact>(db, First(fs, "f.kind, n.path, f.line", limit), query::ReadFact);
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
