// Store's one-entity views: person and account profiles, a note with everything in it,
// and the links into and out of a note.
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

}  // namespace

PersonProfile Store::person(const std::string& name) const {
  return Guard("person query failed", [&] {
    SQLite::Database& db = *impl_->db;
    const int64_t id = query::FindPersonId(db, name);
    PersonProfile profile;
    profile.person =
        query::LoadPeople(db, SqlQuery(query::kPersonSelect).Where("p.id = ?", {id})).at(0);
    SqlQuery ms(query::kMeetingSelect);
    ms.Where(
          "m.id IN (SELECT meeting_id FROM meeting_attendees WHERE person_id = ?) AND "
          "m.duplicate_of IS NULL",
          {id})
        .OrderBy("m.date IS NULL, m.date, n.path");
    profile.meetings = query::LoadMeetings(db, ms);
    SqlQuery ts(query::kTaskSelect);
    ts.Where("t.owner_id = ? AND t.status IN ('open', 'in_progress') AND t.duplicate_of IS NULL",
             {id})
        .OrderBy("t.due IS NULL, t.due, n.path, t.line");
    profile.open_tasks = query::LoadTasks(db, ts);
    // Accounts of the meetings they attended and of the notes that name them.
    SqlQuery as(query::kAccountSelect);
    as.Where(
          "a.id IN (SELECT m.account_id FROM meeting_attendees ma CROSS JOIN meetings m ON "
          "m.id = ma.meeting_id WHERE ma.person_id = ? UNION SELECT n2.account_id FROM "
          "person_mentions pm CROSS JOIN notes n2 ON n2.id = pm.note_id WHERE pm.person_id = ?)",
          {id, id})
        .OrderBy("a.name COLLATE NOCASE");
    profile.accounts = query::Load<Account>(db, as, query::ReadAccount);
    SqlQuery ns(query::NoteSelect(false));
    ns.Where(
          "n.id IN (SELECT note_id FROM person_mentions WHERE person_id = ? UNION "
          "SELECT l.note_id FROM people pp CROSS JOIN links l ON l.target_note_id = pp.note_id "
          "WHERE pp.id = ? UNION SELECT note_id FROM tasks WHERE owner_id = ?)",
          {id, id, id})
        .OrderBy("n.date IS NULL, n.date DESC, n.path");
    profile.notes = query::LoadNotes(db, ns, false);
    return profile;
  });
}

AccountProfile Store::account(const std::string& name) const {
  return Guard("account query failed", [&] {
    SQLite::Database& db = *impl_->db;
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
          {id, id})
        .OrderBy("p.name COLLATE NOCASE");
    profile.people = query::LoadPeople(db, ps);
    SqlQuery ms(query::kMeetingSelect);
    ms.Where("m.account_id = ? AND m.duplicate_of IS NULL", {id})
        .OrderBy("m.date IS NULL, m.date, n.path");
    profile.meetings = query::LoadMeetings(db, ms);
    SqlQuery ds(query::kDecisionSelect);
    ds.Where("d.account_id = ? AND d.duplicate_of IS NULL", {id})
        .OrderBy("d.date IS NULL, d.date, n.path, d.line");
    profile.decisions = query::Load<Decision>(db, ds, query::ReadDecision);
    SqlQuery ts(query::kTaskSelect);
    ts.Where("n.account_id = ? AND t.status IN ('open', 'in_progress') AND t.duplicate_of IS NULL",
             {id})
        .OrderBy("t.due IS NULL, t.due, n.path, t.line");
    profile.open_tasks = query::LoadTasks(db, ts);
    SqlQuery fs(query::kFactSelect);
    fs.Where("n.account_id = ?", {id}).OrderBy("f.kind, n.path, f.line");
    profile.facts = query::Load<Fact>(db, fs, query::ReadFact);
    return profile;
  });
}

NoteDetail Store::note(const std::string& path) const {
  return Guard("note query failed", [&] {
    SQLite::Database& db = *impl_->db;
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
