// Records as aligned tables for people at a terminal.
#ifndef NOTESTORE_CLI_RECORD_TABLES_H_
#define NOTESTORE_CLI_RECORD_TABLES_H_

#include <vector>

#include "notestore/notestore.h"
#include "table.h"

namespace notestore::cli {

Table TaskTable(const std::vector<Task>& tasks);
Table MeetingTable(const std::vector<Meeting>& meetings);
Table DecisionTable(const std::vector<Decision>& decisions);
Table FactTable(const std::vector<Fact>& facts);
Table PersonTable(const std::vector<Person>& people);
Table AccountTable(const std::vector<Account>& accounts);
Table NoteTable(const std::vector<Note>& notes);
Table LinkTable(const std::vector<Link>& links, bool show_source);
Table SearchTable(const std::vector<SearchHit>& hits);
Table DiagnosticTable(const std::vector<Diagnostic>& diagnostics);
// One row per member: the canonical one, then its repeats indented, with similarity.
Table DuplicateTable(const std::vector<DuplicateGroup>& groups);

// Prints `title` and the table (or "(none)") to standard output.
void PrintSection(const std::string& title, const Table& table);

}  // namespace notestore::cli

#endif  // NOTESTORE_CLI_RECORD_TABLES_H_
