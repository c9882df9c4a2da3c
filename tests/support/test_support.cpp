#include "support/test_support.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "notestore/notestore.h"
#include "notestore/version.h"
#include "resolve/similarity.h"
#include "store/schema_sql.h"

namespace fs = std::filesystem;

namespace notestore::testing {

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string tmpl = std::string(base && *base ? base : "/tmp") + "/notestore-test-XXXXXX";
  if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  // Make every folder writable again so tests that chmod can still be cleaned up.
  for (auto it = fs::recursive_directory_iterator(path_, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_directory(ec)) fs::permissions(it->path(), fs::perms::owner_all, ec);
  }
  fs::remove_all(path_, ec);
}

std::string TempDir::Write(const std::string& rel, const std::string& content) const {
  const fs::path p = fs::path(path_) / rel;
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + p.string());
  return p.string();
}

void TempDir::Remove(const std::string& rel) const { fs::remove(fs::path(path_) / rel); }

void CopyTree(const std::string& from, const std::string& to) {
  fs::create_directories(to);
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

std::string FixturePath(const std::string& rel) {
  return std::string(NOTESTORE_FIXTURES_DIR) + "/" + rel;
}

std::string ExamplesPath(const std::string& rel) {
  return std::string(NOTESTORE_EXAMPLES_DIR) + "/" + rel;
}

std::optional<std::string> SharedPath(const std::string& rel) {
  const std::string p = std::string(NOTESTORE_SHARED_DIR) + "/" + rel;
  if (!fs::exists(p)) return std::nullopt;
  return fs::canonical(p).string();
}

std::vector<Row> Query(const std::string& db_path, const std::string& sql) {
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  SQLite::Statement q(db, sql);
  std::vector<Row> rows;
  while (q.executeStep()) {
    Row row;
    for (int i = 0; i < q.getColumnCount(); ++i) {
      const SQLite::Column c = q.getColumn(i);
      row.push_back(c.isNull() ? "NULL" : c.getString());
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string SqlQuote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string QueryValue(const std::string& db_path, const std::string& sql) {
  const std::vector<Row> rows = Query(db_path, sql);
  if (rows.size() != 1 || rows[0].size() != 1) {
    throw std::runtime_error("expected one value from: " + sql);
  }
  return rows[0][0];
}

std::string CanonicalDump(const std::string& db_path) {
  // Ids are replaced by what they stand for: a note by its path, a person or account by
  // its name key, a task by its note's path and line.
  static const char* const kQueries[] = {
      "SELECT n.path, n.title, n.kind, n.type, n.date, n.body, n.frontmatter, n.folder, "
      "n.file_size, n.content_hash, n.repairs, a.name_key FROM notes n "
      "LEFT JOIN accounts a ON a.id = n.account_id",
      "SELECT n.path, key, value, idx, line, source FROM properties JOIN notes n ON n.id = note_id",
      "SELECT n.path, alias FROM note_aliases JOIN notes n ON n.id = note_id",
      "SELECT n.path, level, text, line FROM headings JOIN notes n ON n.id = note_id",
      "SELECT n.path, tag, line, source FROM tags JOIN notes n ON n.id = note_id",
      "SELECT n.path, target, display, heading, embed, line, style, t.path FROM links l "
      "JOIN notes n ON n.id = l.note_id LEFT JOIN notes t ON t.id = l.target_note_id",
      "SELECT p.name, p.name_key, n.path, p.role, p.company, p.meeting_count, "
      "p.open_task_count FROM people p "
      "LEFT JOIN notes n ON n.id = p.note_id",
      "SELECT p.name_key, alias FROM person_aliases a JOIN people p ON p.id = a.person_id",
      "SELECT n.path, m.line, m.name, m.source, m.role, m.company, p.name_key "
      "FROM person_mentions m JOIN notes n ON n.id = m.note_id "
      "LEFT JOIN people p ON p.id = m.person_id",
      "SELECT a.name, a.name_key, n.path, a.status, a.industry, a.meeting_count, "
      "a.decision_count, a.open_task_count FROM accounts a "
      "LEFT JOIN notes n ON n.id = a.note_id",
      "SELECT n.path, m.line, m.name, m.source, m.status, m.industry, a.name_key "
      "FROM account_mentions m JOIN notes n ON n.id = m.note_id "
      "LEFT JOIN accounts a ON a.id = m.account_id",
      "SELECT n.path, m.date, m.title, m.account_name, a.name_key, m.source, dn.path "
      "FROM meetings m JOIN notes n ON n.id = m.note_id LEFT JOIN accounts a ON a.id = "
      "m.account_id "
      "LEFT JOIN meetings d ON d.id = m.duplicate_of LEFT JOIN notes dn ON dn.id = d.note_id",
      "SELECT n.path, ma.name, ma.line, p.name_key FROM meeting_attendees ma "
      "JOIN notes n ON n.id = ma.meeting_id LEFT JOIN people p ON p.id = ma.person_id",
      "SELECT n.path, t.line, t.status, t.status_char, t.text, t.owner_name, p.name_key, t.due, "
      "t.scheduled, t.start, t.created, t.done, t.cancelled, t.priority, t.recurrence, t.section, "
      "pt.line, dn.path || ':' || dt.line, t.task_uid, t.depends_on, t.block_id, t.raw, "
      "(SELECT group_concat(tag, ',') FROM task_tags WHERE task_id = t.id), ta.name_key "
      "FROM tasks t JOIN notes n ON n.id = t.note_id LEFT JOIN people p ON p.id = t.owner_id "
      "LEFT JOIN tasks pt ON pt.id = t.parent_id LEFT JOIN tasks dt ON dt.id = t.duplicate_of "
      "LEFT JOIN notes dn ON dn.id = dt.note_id LEFT JOIN accounts ta ON ta.id = t.account_id",
      "SELECT n.path, d.line, d.text, d.section, d.date, d.account_name, a.name_key, "
      "dn.path || ':' || dd.line FROM decisions d JOIN notes n ON n.id = d.note_id "
      "LEFT JOIN accounts a ON a.id = d.account_id LEFT JOIN decisions dd ON dd.id = "
      "d.duplicate_of LEFT JOIN notes dn ON dn.id = dd.note_id",
      "SELECT n.path, f.line, f.kind, f.text, f.section FROM facts f JOIN notes n ON n.id = "
      "f.note_id",
      "SELECT n.path, table_index, line, section, cells FROM table_rows JOIN notes n ON n.id = "
      "note_id",
      "SELECT path, line, severity, code, message, stage, note_id IS NULL FROM diagnostics",
      "SELECT s.kind, s.title, s.body, n.path FROM search s JOIN notes n ON n.id = s.note_id",
      "SELECT d.kind, n.path, d.similarity, c.path FROM duplicates d JOIN notes n ON n.id = "
      "(SELECT note_id FROM meetings WHERE d.kind = 'meeting' AND id = d.id UNION ALL "
      "SELECT note_id FROM tasks WHERE d.kind = 'task' AND id = d.id UNION ALL "
      "SELECT note_id FROM decisions WHERE d.kind = 'decision' AND id = d.id) "
      "LEFT JOIN notes c ON c.id = "
      "(SELECT note_id FROM meetings WHERE d.kind = 'meeting' AND id = d.canonical_id UNION ALL "
      "SELECT note_id FROM tasks WHERE d.kind = 'task' AND id = d.canonical_id UNION ALL "
      "SELECT note_id FROM decisions WHERE d.kind = 'decision' AND id = d.canonical_id)",
  };
  std::ostringstream out;
  for (const char* sql : kQueries) {
    std::vector<std::string> lines;
    for (const Row& row : Query(db_path, sql)) {
      std::string line;
      for (const std::string& cell : row) line += cell + "\x1f";
      lines.push_back(line);
    }
    std::sort(lines.begin(), lines.end());
    out << "== " << sql << "\n";
    for (const std::string& l : lines) out << l << "\n";
  }
  return out.str();
}

std::string DumpDifference(const std::string& actual, const std::string& expected) {
  if (actual == expected) return "";
  std::istringstream a(actual);
  std::istringstream e(expected);
  std::string la;
  std::string le;
  std::string table;
  for (int line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(a, la));
    const bool more_e = static_cast<bool>(std::getline(e, le));
    if (!more_a && !more_e) return "dumps differ in their last newline";
    if (more_e && le.rfind("== ", 0) == 0) table = le;
    if (more_a != more_e || la != le) {
      auto shown = [](bool more, const std::string& s) {
        return more ? s.substr(0, 300) : std::string("(end of dump)");
      };
      return "line " + std::to_string(line) + ", under " + table.substr(0, 120) +
             "\n  actual:   " + shown(more_a, la) + "\n  expected: " + shown(more_e, le);
    }
  }
}

namespace {

// Schema 10's CHECKs of one of several words (`kind = 'a' OR kind = 'b'`) written back as
// the IN lists of schema 9, in every table's definition.
void RestoreCheckInLists(SQLite::Database& db) {
  const std::regex check(R"(CHECK \(((\w+) = '\w+'(?: OR \2 = '\w+')+)\))");
  const std::regex word(R"('\w+')");
  SQLite::Statement tables(db, "SELECT name, sql FROM sqlite_master WHERE type = 'table'");
  std::vector<std::pair<std::string, std::string>> edits;
  while (tables.executeStep()) {
    std::string sql = tables.getColumn(1).getString();
    std::string out;
    auto rest = sql.cbegin();
    for (std::sregex_iterator m(sql.cbegin(), sql.cend(), check), end; m != end; ++m) {
      const std::string ors = (*m)[1];
      std::string words;
      for (std::sregex_iterator w(ors.begin(), ors.end(), word); w != end; ++w) {
        words += (words.empty() ? "" : ",") + w->str();
      }
      out.append(rest, (*m)[0].first);
      out += "CHECK (" + (*m)[2].str() + " IN (" + words + "))";
      rest = (*m)[0].second;
    }
    out.append(rest, sql.cend());
    if (out != sql) edits.emplace_back(tables.getColumn(0).getString(), out);
  }
  db.exec("PRAGMA writable_schema = ON");
  SQLite::Statement edit(db, "UPDATE sqlite_master SET sql = ?2 WHERE name = ?1");
  for (const auto& [name, sql] : edits) {
    edit.bind(1, name);
    edit.bind(2, sql);
    edit.exec();
    edit.reset();
  }
  db.exec(
      "CREATE TABLE schema_changed(x); DROP TABLE schema_changed; "
      "PRAGMA writable_schema = RESET");
}

}  // namespace

// The schema that wrote its CHECKs with OR.
constexpr int kCheckComparisonsVersion = 10;

void DowngradeSchema(const std::string& db_path, int version) {
  SQLite::Database db(db_path, SQLite::OPEN_READWRITE);
  // What each migration added, undone, newest first.
  static const char* const kUndo[] = {
      // 2 -> 1
      "DROP TABLE ingest_runs",
      // 3 -> 2
      "DROP TABLE note_words",
      // 4 -> 3
      "DROP INDEX duplicates_search; "
      "CREATE INDEX duplicates_search ON duplicates(canonical_search_rowid, search_rowid); "
      "ALTER TABLE people DROP COLUMN meeting_count; "
      "ALTER TABLE people DROP COLUMN open_task_count; "
      "ALTER TABLE accounts DROP COLUMN meeting_count; "
      "ALTER TABLE accounts DROP COLUMN decision_count; "
      "ALTER TABLE accounts DROP COLUMN open_task_count; "
      "DROP INDEX meetings_account; CREATE INDEX meetings_account ON meetings(account_id); "
      "DROP INDEX decisions_account; CREATE INDEX decisions_account ON decisions(account_id)",
      // 5 -> 4
      "DROP INDEX notes_file",
      // 6 -> 5
      "DROP INDEX tasks_note; CREATE INDEX tasks_note ON tasks(note_id, status, duplicate_of); "
      "DROP INDEX tasks_owner; "
      "CREATE INDEX tasks_owner ON tasks(owner_id, status, duplicate_of); "
      "DROP INDEX meetings_account; "
      "CREATE INDEX meetings_account ON meetings(account_id, duplicate_of); "
      "DROP INDEX decisions_account; "
      "CREATE INDEX decisions_account ON decisions(account_id, duplicate_of); "
      "DROP INDEX facts_note; CREATE INDEX facts_note ON facts(note_id); "
      "DROP INDEX notes_account; CREATE INDEX notes_account ON notes(account_id); "
      "DROP INDEX meeting_attendees_person; "
      "CREATE INDEX meeting_attendees_person ON meeting_attendees(person_id); "
      "DROP INDEX meeting_attendees_meeting; "
      "CREATE INDEX meeting_attendees_meeting ON meeting_attendees(meeting_id); "
      "DROP INDEX person_mentions_person; "
      "CREATE INDEX person_mentions_person ON person_mentions(person_id); "
      "DROP INDEX person_mentions_note; "
      "CREATE INDEX person_mentions_note ON person_mentions(note_id); "
      "DROP INDEX links_target_note; CREATE INDEX links_target_note ON links(target_note_id)",
      // 7 -> 6 (the 32-bit note_words rows stay: the upgrade drops them)
      "DROP INDEX notes_path",
      // 8 -> 7
      "DROP TRIGGER tasks_follow_note_account; DROP INDEX tasks_account; "
      "ALTER TABLE tasks DROP COLUMN account_id",
      // 9 -> 8
      "DROP TABLE search_terms; DROP INDEX meetings_account_latest; "
      "DROP INDEX decisions_account_latest; DROP INDEX notes_path; "
      "CREATE INDEX notes_path ON notes(id, path)",
      // 10 -> 9: RestoreCheckInLists (above), which is not SQL alone.
      "",
  };
  static_assert(sizeof(kUndo) / sizeof(kUndo[0]) == kSchemaVersion - 1, "one per migration");
  for (int v = kSchemaVersion; v > version; --v) {
    db.exec(kUndo[v - 2]);
    if (v == kCheckComparisonsVersion) RestoreCheckInLists(db);
  }
  db.exec("PRAGMA user_version = " + std::to_string(version));
}

std::vector<std::string> InvariantViolations(const std::string& db_path) {
  std::vector<std::string> out;
  {
    // Every index of the schema, as a new store has them.
    SQLite::Database expected(":memory:", SQLite::OPEN_READWRITE);
    expected.exec(store::kSchemaV1);
    for (const char* migration : store::kMigrations) expected.exec(migration);
    const char* kIndexes = "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name";
    std::vector<std::string> want, have;
    SQLite::Statement w(expected, kIndexes);
    while (w.executeStep()) want.push_back(w.getColumn(0).getString());
    for (const Row& r : Query(db_path, kIndexes)) have.push_back(r[0]);
    for (const std::string& name : want) {
      if (std::find(have.begin(), have.end(), name) == have.end()) {
        out.push_back("index " + name + " is missing");
      }
    }
  }
  for (const Row& r : Query(db_path, "PRAGMA foreign_key_check")) {
    out.push_back("row " + r[1] + " of " + r[0] + " refers to a missing row of " + r[2]);
  }
  static const char* const kChecks[][2] = {
      {"SELECT (SELECT count(*) FROM search WHERE kind = 'note') - (SELECT count(*) FROM notes)",
       "search rows of kind note vs notes"},
      {"SELECT (SELECT count(*) FROM search WHERE kind = 'task') - (SELECT count(*) FROM tasks)",
       "search rows of kind task vs tasks"},
      {"SELECT (SELECT count(*) FROM search WHERE kind = 'decision') - "
       "(SELECT count(*) FROM decisions)",
       "search rows of kind decision vs decisions"},
      {"SELECT count(*) FROM search s WHERE s.kind = 'task' AND NOT EXISTS "
       "(SELECT 1 FROM tasks t WHERE t.id = s.ref_id AND t.note_id = s.note_id "
       "AND (s.rowid >> 24) = t.note_id)",
       "search rows of tasks that point at no task of their note"},
      {"SELECT count(*) FROM meta WHERE key = 'resolve_pending' AND value <> '0'",
       "a vault-wide pass is still owed"},
      {"SELECT count(*) FROM ingest_runs WHERE status = 'running'", "an ingest is still running"},
      {"SELECT count(*) FROM meta WHERE key = 'dropped_indexes'",
       "indexes dropped for a bulk load are still to be built"},

      {"SELECT count(*) FROM people p WHERE meeting_count <> (SELECT count(*) FROM "
       "meeting_attendees WHERE person_id = p.id) OR open_task_count <> (SELECT count(*) FROM "
       "tasks WHERE owner_id = p.id AND status IN ('open', 'in_progress') AND duplicate_of IS "
       "NULL)",
       "people whose stored counts are stale"},
      {"SELECT count(*) FROM accounts a WHERE meeting_count <> (SELECT count(*) FROM meetings "
       "WHERE account_id = a.id AND duplicate_of IS NULL) OR decision_count <> (SELECT count(*) "
       "FROM decisions WHERE account_id = a.id AND duplicate_of IS NULL) OR open_task_count <> "
       "(SELECT count(*) FROM tasks t JOIN notes n ON n.id = t.note_id WHERE n.account_id = a.id "
       "AND t.status IN ('open', 'in_progress') AND t.duplicate_of IS NULL)",
       "accounts whose stored counts are stale"},
      {"SELECT count(*) FROM tasks t JOIN notes n ON n.id = t.note_id "
       "WHERE t.account_id IS NOT n.account_id",
       "tasks whose account is not their note's"},
  };
  for (const auto& check : kChecks) {
    const std::string v = QueryValue(db_path, check[0]);
    if (v != "0") out.push_back(std::string(check[1]) + ": " + v);
  }
  // note_words is a cache of each meeting body's content words: never stale.
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  SQLite::Statement words(db,
                          "SELECT n.path, n.body, w.words FROM note_words w "
                          "JOIN notes n ON n.id = w.note_id");
  while (words.executeStep()) {
    const SQLite::Column blob = words.getColumn(2);
    if (resolve::UnpackWordHashes(blob.getBlob(), static_cast<size_t>(blob.getBytes())) !=
        resolve::ContentWordHashes(words.getColumn(1).getText())) {
      out.push_back("note_words of " + words.getColumn(0).getString() + " is stale");
    }
  }
  const std::string lacking = SearchTermsLacking(db_path);
  if (!lacking.empty()) out.push_back(lacking);
  return out;
}

std::string SearchTermsLacking(const std::string& db_path) {
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  db.exec("CREATE VIRTUAL TABLE temp.index_terms USING fts5vocab(main, search, row)");
  SQLite::Statement lacking(db,
                            "SELECT count(*), min(term) FROM temp.index_terms v WHERE NOT EXISTS "
                            "(SELECT 1 FROM search_terms t WHERE t.term = v.term)");
  lacking.executeStep();
  if (lacking.getColumn(0).getInt64() == 0) return "";
  return "search_terms lacks " + lacking.getColumn(0).getString() +
         " terms of the index, such as '" + lacking.getColumn(1).getString() + "'";
}

CommandResult RunCommand(const std::string& command) {
  CommandResult r;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  const int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string ShellQuote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string ReadFileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::string IngestFixtureVault(const TempDir& dir) {
  const std::string db = dir.Join("fixture.db");
  IngestOptions options;
  options.me = "Dana Whitfield";
  Store::open(db).ingest(FixturePath("vault"), options);
  return db;
}

}  // namespace notestore::testing
