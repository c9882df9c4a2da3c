// The SELECT lists for each record type and the functions that turn a row into a
// record. A query module starts from kTaskSelect (say), adds filters with SqlQuery,
// and reads rows with ReadTask().
#ifndef NOTESTORE_LIB_QUERY_RECORD_READERS_H_
#define NOTESTORE_LIB_QUERY_RECORD_READERS_H_

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <functional>
#include <vector>

#include "notestore/account.h"
#include "notestore/decision.h"
#include "notestore/diagnostic.h"
#include "notestore/fact.h"
#include "notestore/meeting.h"
#include "notestore/note.h"
#include "notestore/person.h"
#include "notestore/task.h"
#include "query/sql_query.h"
#include "query/statement_cache.h"

namespace notestore::query {

// Tables aliased t (tasks), n (notes), p (people), a (accounts).
extern const char* const kTaskSelect;
Task ReadTask(SQLite::Statement& row);
// m (meetings), n, a. Attendees are filled by LoadMeetings.
extern const char* const kMeetingSelect;
// d (decisions), n, a.
extern const char* const kDecisionSelect;
Decision ReadDecision(SQLite::Statement& row);
// f (facts), n.
extern const char* const kFactSelect;
Fact ReadFact(SQLite::Statement& row);
// p (people), n (their note, left joined).
extern const char* const kPersonSelect;
// a (accounts), n (their note, left joined).
extern const char* const kAccountSelect;
Account ReadAccount(SQLite::Statement& row);
// n (notes), a. Tags, aliases and properties are filled by LoadNotes, which must be
// given the same with_body.
std::string NoteSelect(bool with_body);
// l (links), n (source note), tn (target note).
extern const char* const kLinkSelect;
Link ReadLink(SQLite::Statement& row);
// d (diagnostics).
extern const char* const kDiagnosticSelect;
Diagnostic ReadDiagnostic(SQLite::Statement& row);

// Runs `query` and reads each row with `read`. `Source` is the connection (a statement
// prepared for this query alone) or its StatementCache (one kept for reuse).
template <typename T, typename Source>
std::vector<T> Load(Source& source, const SqlQuery& query,
                    const std::function<T(SQLite::Statement&)>& read) {
  Prepared statement(source, query.Sql());
  query.Bind(*statement);
  std::vector<T> out;
  while (statement->executeStep()) out.push_back(read(*statement));
  return out;
}

// The same, filling in what each record lists from other tables. Defined for Source
// SQLite::Database and StatementCache.
template <typename Source>
std::vector<Task> LoadTasks(Source& source, const SqlQuery& query);
template <typename Source>
std::vector<Meeting> LoadMeetings(Source& source, const SqlQuery& query);
template <typename Source>
std::vector<Person> LoadPeople(Source& source, const SqlQuery& query);
template <typename Source>
std::vector<Note> LoadNotes(Source& source, const SqlQuery& query, bool with_body);

}  // namespace notestore::query

#endif  // NOTESTORE_LIB_QUERY_RECORD_READERS_H_
