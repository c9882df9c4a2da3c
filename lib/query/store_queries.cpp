// Store's list queries: tasks, meetings, decisions, facts, people, accounts, diagnostics.
#include <algorithm>

#include "api/store_impl.h"
#include "query/guard.h"
#include "query/name_lookup.h"
#include "query/record_readers.h"
#include "util/text.h"

namespace notestore {

using query::Guard;
using query::SqlQuery;

namespace {

// Priority as a number, for "at least" and ordering (NULL when none).
constexpr const char* kPriorityRank =
    "(CASE t.priority WHEN 'highest' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 "
    "WHEN 'low' THEN 1 WHEN 'lowest' THEN 0 END)";

std::string InList(size_t n) {
  std::string s = "(";
  for (size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
  return s + ")";
}

}  // namespace

std::vector<Task> Store::tasks(const TaskQuery& q) const {
  return Guard("task query failed", [&] {
    // Statements kept for reuse: preparing one costs a sixth of a query by owner.
    query::StatementCache& cache = *impl_->statements;
    SqlQuery sql(query::kTaskSelect);
    if (!q.statuses.empty()) {
      std::vector<query::SqlValue> names;
      for (TaskStatus s : q.statuses) names.emplace_back(std::string(TaskStatusName(s)));
      const std::string condition = "t.status IN " + InList(names.size());
      sql.Where(condition, std::move(names));
    }
    if (!q.owner.empty()) sql.Where("t.owner_id = ?", {query::FindPersonId(cache, q.owner)});
    if (q.unowned) sql.Where("t.owner_id IS NULL");
    if (!q.account.empty()) sql.Where("n.account_id = ?", {query::FindAccountId(cache, q.account)});
    if (!q.note.empty()) sql.Where("t.note_id = ?", {query::FindNoteId(cache.db(), q.note)});
    if (!q.tag.empty()) {
      std::string tag = util::ToLowerAscii(q.tag);
      while (!tag.empty() && tag.front() == '#') tag.erase(0, 1);
      sql.Where(
          "EXISTS (SELECT 1 FROM task_tags tt WHERE tt.task_id = t.id AND "
          "(lower(tt.tag) = ? OR substr(lower(tt.tag), 1, ?) = ?))",
          {tag, static_cast<int64_t>(tag.size() + 1), tag + "/"});
    }
    if (q.due_before) sql.Where("t.due < ?", {q.due_before->ToString()});
    if (q.due_after) sql.Where("t.due >= ?", {q.due_after->ToString()});
    if (q.min_priority) {
      sql.Where(std::string(kPriorityRank) + " >= ?", {static_cast<int64_t>(*q.min_priority)});
    }
    if (!q.text_contains.empty()) {
      sql.Where("instr(lower(t.text), ?) > 0", {util::ToLowerAscii(q.text_contains)});
    }
    if (q.overdue_as_of) {
      sql.Where("t.status IN ('open', 'in_progress') AND t.due < ?", {q.overdue_as_of->ToString()});
    }
    if (!q.include_duplicates) sql.Where("t.duplicate_of IS NULL");
    switch (q.order) {
      case TaskOrder::kDue:
        sql.OrderBy("t.due IS NULL, t.due, n.path, t.line");
        break;
      case TaskOrder::kPriority:
        sql.OrderBy(std::string(kPriorityRank) + " IS NULL, " + kPriorityRank +
                    " DESC, t.due IS NULL, t.due, n.path, t.line");
        break;
      case TaskOrder::kPath:
        sql.OrderBy("n.path, t.line");
        break;
    }
    sql.Page(q.limit, q.offset);
    return query::LoadTasks(cache, sql);
  });
}

std::vector<Meeting> Store::meetings(const MeetingQuery& q) const {
  return Guard("meeting query failed", [&] {
    query::StatementCache& cache = *impl_->statements;
    SqlQuery sql(query::kMeetingSelect);
    if (!q.person.empty()) {
      sql.Where("m.id IN (SELECT meeting_id FROM meeting_attendees WHERE person_id = ?)",
                {query::FindPersonId(cache, q.person)});
    }
    if (!q.account.empty()) sql.Where("m.account_id = ?", {query::FindAccountId(cache, q.account)});
    if (q.from) sql.Where("m.date >= ?", {q.from->ToString()});
    if (q.to) sql.Where("m.date <= ?", {q.to->ToString()});
    if (!q.include_duplicates) sql.Where("m.duplicate_of IS NULL");
    sql.OrderBy("m.date IS NULL, m.date, n.path").Page(q.limit, 0);
    return query::LoadMeetings(cache, sql);
  });
}

std::vector<Decision> Store::decisions(const DecisionQuery& q) const {
  return Guard("decision query failed", [&] {
    query::StatementCache& cache = *impl_->statements;
    SqlQuery sql(query::kDecisionSelect);
    if (!q.account.empty()) sql.Where("d.account_id = ?", {query::FindAccountId(cache, q.account)});
    if (!q.person.empty()) {
      const int64_t person = query::FindPersonId(cache, q.person);
      sql.Where(
          "d.note_id IN (SELECT meeting_id FROM meeting_attendees WHERE person_id = ?) OR "
          "d.note_id IN (SELECT note_id FROM person_mentions WHERE person_id = ?)",
          {person, person});
    }
    if (q.from) sql.Where("d.date >= ?", {q.from->ToString()});
    if (q.to) sql.Where("d.date <= ?", {q.to->ToString()});
    if (!q.include_duplicates) sql.Where("d.duplicate_of IS NULL");
    sql.OrderBy("d.date IS NULL, d.date, n.path, d.line").Page(q.limit, 0);
    return query::Load<Decision>(cache, sql, query::ReadDecision);
  });
}

std::vector<Fact> Store::facts(const std::string& kind) const {
  return Guard("fact query failed", [&] {
    SqlQuery sql(query::kFactSelect);
    if (!kind.empty()) sql.Where("f.kind = ?", {util::ToLowerAscii(kind)});
    sql.OrderBy("n.path, f.line");
    return query::Load<Fact>(*impl_->db, sql, query::ReadFact);
  });
}

std::vector<Person> Store::people() const {
  return Guard("people query failed", [&] {
    return query::LoadPeople(*impl_->db,
                             SqlQuery(query::kPersonSelect).OrderBy("p.name COLLATE NOCASE"));
  });
}

std::vector<Account> Store::accounts() const {
  return Guard("account query failed", [&] {
    return query::Load<Account>(*impl_->db,
                                SqlQuery(query::kAccountSelect).OrderBy("a.name COLLATE NOCASE"),
                                query::ReadAccount);
  });
}

std::vector<Diagnostic> Store::diagnostics(Severity min_severity) const {
  return Guard("diagnostic query failed", [&] {
    SqlQuery sql(query::kDiagnosticSelect);
    if (min_severity == Severity::kWarning) sql.Where("d.severity IN ('warning', 'error')");
    if (min_severity == Severity::kError) sql.Where("d.severity = 'error'");
    sql.OrderBy("d.path, d.line, d.id");
    return query::Load<Diagnostic>(*impl_->db, sql, query::ReadDiagnostic);
  });
}

}  // namespace notestore

namespace notestore {

std::vector<DuplicateGroup> Store::duplicates(const std::string& kind) const {
  return query::Guard("duplicate query failed", [&] {
    SQLite::Database& db = *impl_->db;
    // Each member with what it says, for the three kinds alike.
    static constexpr const char* kMember =
        "SELECT ?1, m.id, n.path, 0, m.title FROM meetings m JOIN notes n ON n.id = m.note_id "
        "WHERE ?1 = 'meeting' AND m.id = ?2 "
        "UNION ALL SELECT ?1, t.id, n.path, t.line, t.text FROM tasks t "
        "JOIN notes n ON n.id = t.note_id WHERE ?1 = 'task' AND t.id = ?2 "
        "UNION ALL SELECT ?1, d.id, n.path, d.line, d.text FROM decisions d "
        "JOIN notes n ON n.id = d.note_id WHERE ?1 = 'decision' AND d.id = ?2";
    SQLite::Statement member(db, kMember);
    auto describe = [&](const std::string& k, int64_t id, double similarity) {
      member.bind(1, k);
      member.bind(2, id);
      DuplicateMember m;
      m.id = id;
      m.similarity = similarity;
      if (member.executeStep()) {
        m.path = member.getColumn(2).getString();
        m.line = member.getColumn(3).getInt();
        m.text = member.getColumn(4).getString();
      }
      member.reset();
      return m;
    };
    SqlQuery sql("SELECT kind, canonical_id, id, similarity FROM duplicates d");
    if (!kind.empty()) sql.Where("kind = ?", {util::ToLowerAscii(kind)});
    sql.OrderBy("kind, canonical_id, similarity DESC, id");
    SQLite::Statement rows(db, sql.Sql());
    sql.Bind(rows);
    std::vector<DuplicateGroup> groups;
    while (rows.executeStep()) {
      const std::string k = rows.getColumn(0).getString();
      const int64_t canonical = rows.getColumn(1).getInt64();
      if (groups.empty() || groups.back().kind != k || groups.back().canonical.id != canonical) {
        groups.push_back(DuplicateGroup{k, describe(k, canonical, 1.0), {}});
      }
      groups.back().duplicates.push_back(
          describe(k, rows.getColumn(2).getInt64(), rows.getColumn(3).getDouble()));
    }
    // Meetings first, then tasks and decisions, each in vault order.
    std::stable_sort(
        groups.begin(), groups.end(), [](const DuplicateGroup& a, const DuplicateGroup& b) {
          auto rank = [](const std::string& k) { return k == "meeting" ? 0 : k == "task" ? 1 : 2; };
          if (rank(a.kind) != rank(b.kind)) return rank(a.kind) < rank(b.kind);
          if (a.canonical.path != b.canonical.path) return a.canonical.path < b.canonical.path;
          return a.canonical.line < b.canonical.line;
        });
    return groups;
  });
}

}  // namespace notestore
