// The DDL of schema version 1 and the migrations from each version to the next. A new
// database is made the way an old one is upgraded, version 1 and then every migration,
// so the two can never differ. Kept apart from the code so it reads like the document it
// is (docs/schema.md explains each table). Never edit a released version or migration:
// add one. tests/fixtures/schema/ keeps each released schema for upgrade tests.
#ifndef NOTESTORE_LIB_STORE_SCHEMA_SQL_H_
#define NOTESTORE_LIB_STORE_SCHEMA_SQL_H_

namespace notestore::store {

inline constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE meta(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE notes(
  id            INTEGER PRIMARY KEY,
  path          TEXT NOT NULL UNIQUE,
  title         TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('meeting','person','account','project','note')),
  type          TEXT,
  date          TEXT,
  body          TEXT NOT NULL,
  frontmatter   TEXT,
  folder        TEXT NOT NULL,
  file_size     INTEGER NOT NULL,
  file_mtime_ns INTEGER NOT NULL,
  content_hash  INTEGER NOT NULL,
  repairs       INTEGER NOT NULL DEFAULT 0,
  account_id    INTEGER REFERENCES accounts(id) ON DELETE SET NULL
);
CREATE INDEX notes_kind ON notes(kind, date);
CREATE INDEX notes_account ON notes(account_id);
CREATE INDEX notes_title ON notes(title COLLATE NOCASE);

CREATE TABLE properties(
  note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  key     TEXT NOT NULL,
  value   TEXT,
  idx     INTEGER,
  line    INTEGER,
  source  TEXT NOT NULL CHECK (source IN ('frontmatter','inline','table'))
);
CREATE INDEX properties_note ON properties(note_id);
CREATE INDEX properties_key ON properties(key COLLATE NOCASE, value);

CREATE TABLE note_aliases(
  note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  alias   TEXT NOT NULL
);
CREATE INDEX note_aliases_note ON note_aliases(note_id);
CREATE INDEX note_aliases_alias ON note_aliases(alias COLLATE NOCASE);

CREATE TABLE headings(
  note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  level   INTEGER NOT NULL,
  text    TEXT NOT NULL,
  line    INTEGER NOT NULL
);
CREATE INDEX headings_note ON headings(note_id, line);

CREATE TABLE tags(
  note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  tag     TEXT NOT NULL,
  line    INTEGER,
  source  TEXT NOT NULL CHECK (source IN ('frontmatter','body'))
);
CREATE INDEX tags_note ON tags(note_id);
CREATE INDEX tags_tag ON tags(tag COLLATE NOCASE);

CREATE TABLE links(
  id             INTEGER PRIMARY KEY,
  note_id        INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  target         TEXT NOT NULL,
  display        TEXT,
  heading        TEXT,
  embed          INTEGER NOT NULL DEFAULT 0,
  line           INTEGER,
  style          TEXT NOT NULL CHECK (style IN ('wiki','markdown','frontmatter')),
  target_note_id INTEGER REFERENCES notes(id) ON DELETE SET NULL
);
CREATE INDEX links_note ON links(note_id);
CREATE INDEX links_target_note ON links(target_note_id);

CREATE TABLE people(
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  note_id  INTEGER REFERENCES notes(id) ON DELETE SET NULL,
  role     TEXT,
  company  TEXT
);
CREATE INDEX people_name ON people(name COLLATE NOCASE);

CREATE TABLE person_aliases(
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  alias     TEXT NOT NULL
);
CREATE INDEX person_aliases_person ON person_aliases(person_id);
CREATE INDEX person_aliases_alias ON person_aliases(alias COLLATE NOCASE);

CREATE TABLE person_mentions(
  note_id   INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  line      INTEGER,
  name      TEXT NOT NULL,
  source    TEXT NOT NULL,
  role      TEXT,
  company   TEXT,
  person_id INTEGER REFERENCES people(id) ON DELETE SET NULL
);
CREATE INDEX person_mentions_note ON person_mentions(note_id);
CREATE INDEX person_mentions_person ON person_mentions(person_id);

CREATE TABLE accounts(
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  note_id  INTEGER REFERENCES notes(id) ON DELETE SET NULL,
  status   TEXT,
  industry TEXT
);
CREATE INDEX accounts_name ON accounts(name COLLATE NOCASE);

CREATE TABLE account_mentions(
  note_id    INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  line       INTEGER,
  name       TEXT NOT NULL,
  source     TEXT NOT NULL,
  status     TEXT,
  industry   TEXT,
  account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL
);
CREATE INDEX account_mentions_note ON account_mentions(note_id);
CREATE INDEX account_mentions_account ON account_mentions(account_id);

CREATE TABLE meetings(
  id           INTEGER PRIMARY KEY,
  note_id      INTEGER NOT NULL UNIQUE REFERENCES notes(id) ON DELETE CASCADE,
  date         TEXT,
  title        TEXT NOT NULL,
  account_name TEXT,
  account_id   INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  source       TEXT,
  duplicate_of INTEGER REFERENCES meetings(id) ON DELETE SET NULL
);
CREATE INDEX meetings_date ON meetings(date);
CREATE INDEX meetings_account ON meetings(account_id);

CREATE TABLE meeting_attendees(
  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  line       INTEGER,
  person_id  INTEGER REFERENCES people(id) ON DELETE SET NULL
);
CREATE INDEX meeting_attendees_meeting ON meeting_attendees(meeting_id);
CREATE INDEX meeting_attendees_person ON meeting_attendees(person_id);

CREATE TABLE tasks(
  id           INTEGER PRIMARY KEY,
  note_id      INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  line         INTEGER NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('open','done','cancelled','in_progress')),
  status_char  TEXT NOT NULL,
  text         TEXT NOT NULL,
  owner_name   TEXT,
  owner_id     INTEGER REFERENCES people(id) ON DELETE SET NULL,
  due          TEXT,
  scheduled    TEXT,
  start        TEXT,
  created      TEXT,
  done         TEXT,
  cancelled    TEXT,
  priority     TEXT CHECK (priority IN ('highest','high','medium','low','lowest')),
  recurrence   TEXT,
  section      TEXT,
  parent_id    INTEGER REFERENCES tasks(id) ON DELETE SET NULL,
  duplicate_of INTEGER REFERENCES tasks(id) ON DELETE SET NULL,
  task_uid     TEXT,
  depends_on   TEXT,
  block_id     TEXT,
  raw          TEXT NOT NULL
);
CREATE INDEX tasks_note ON tasks(note_id, status, duplicate_of);
CREATE INDEX tasks_owner ON tasks(owner_id, status, duplicate_of);
CREATE INDEX tasks_status_due ON tasks(status, due);

CREATE TABLE task_tags(
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  tag     TEXT NOT NULL
);
CREATE INDEX task_tags_task ON task_tags(task_id);
CREATE INDEX task_tags_tag ON task_tags(tag COLLATE NOCASE);

CREATE TABLE decisions(
  id           INTEGER PRIMARY KEY,
  note_id      INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  line         INTEGER NOT NULL,
  text         TEXT NOT NULL,
  section      TEXT,
  date         TEXT,
  account_name TEXT,
  account_id   INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  duplicate_of INTEGER REFERENCES decisions(id) ON DELETE SET NULL
);
CREATE INDEX decisions_note ON decisions(note_id);
CREATE INDEX decisions_account ON decisions(account_id);

CREATE TABLE facts(
  id      INTEGER PRIMARY KEY,
  note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  line    INTEGER NOT NULL,
  kind    TEXT NOT NULL,
  text    TEXT NOT NULL,
  section TEXT
);
CREATE INDEX facts_note ON facts(note_id);

CREATE TABLE table_rows(
  note_id     INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  table_index INTEGER NOT NULL,
  line        INTEGER NOT NULL,
  section     TEXT,
  cells       TEXT NOT NULL CHECK (json_valid(cells))
);
CREATE INDEX table_rows_note ON table_rows(note_id);

CREATE TABLE diagnostics(
  id       INTEGER PRIMARY KEY,
  note_id  INTEGER REFERENCES notes(id) ON DELETE CASCADE,
  path     TEXT NOT NULL,
  line     INTEGER,
  severity TEXT NOT NULL CHECK (severity IN ('info','warning','error')),
  code     TEXT NOT NULL,
  message  TEXT NOT NULL,
  stage    TEXT NOT NULL CHECK (stage IN ('read','parse','resolve'))
);
CREATE INDEX diagnostics_path ON diagnostics(path);
CREATE INDEX diagnostics_note ON diagnostics(note_id);

-- Why a meeting, task or decision is a duplicate: what it repeats and how alike they are.
CREATE TABLE duplicates(
  kind         TEXT NOT NULL CHECK (kind IN ('meeting','task','decision')),
  id           INTEGER NOT NULL,
  canonical_id INTEGER NOT NULL,
  similarity   REAL NOT NULL,
  search_rowid INTEGER NOT NULL,
  canonical_search_rowid INTEGER NOT NULL,
  PRIMARY KEY (kind, id)
) WITHOUT ROWID;
CREATE INDEX duplicates_canonical ON duplicates(kind, canonical_id);
CREATE INDEX duplicates_search ON duplicates(canonical_search_rowid, search_rowid);

-- Full-text index. rowid = note_id << 24 | kind << 22 | ordinal (see search_rowid.h): a
-- hit's note and kind are known without a lookup, and a note's rows form one range.
CREATE VIRTUAL TABLE search USING fts5(
  title, body, kind UNINDEXED, ref_id UNINDEXED, note_id UNINDEXED,
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE VIEW open_tasks AS
  SELECT t.id AS id, t.text AS task, p.name AS owner, t.due AS due, t.priority AS priority,
         t.status_char AS status_char, n.path AS path, t.line AS line, t.section AS section
  FROM tasks t
  JOIN notes n ON n.id = t.note_id
  LEFT JOIN people p ON p.id = t.owner_id
  WHERE t.status IN ('open', 'in_progress')
  ORDER BY t.due IS NULL, t.due, n.path, t.line;

CREATE VIEW task_list AS
  SELECT t.id AS id, t.status AS status, t.status_char AS status_char, t.text AS task,
         p.name AS owner, t.due AS due, t.scheduled AS scheduled, t.priority AS priority,
         a.name AS account, n.path AS path, t.line AS line, t.section AS section,
         t.duplicate_of AS duplicate_of
  FROM tasks t
  JOIN notes n ON n.id = t.note_id
  LEFT JOIN people p ON p.id = t.owner_id
  LEFT JOIN accounts a ON a.id = n.account_id;

CREATE VIEW distinct_tasks AS
  SELECT * FROM task_list WHERE duplicate_of IS NULL;

CREATE VIEW meeting_list AS
  SELECT m.id AS id, m.date AS date, m.title AS title, a.name AS account,
         (SELECT group_concat(name, ', ') FROM (
            SELECT COALESCE(p.name, ma.name) AS name FROM meeting_attendees ma
            LEFT JOIN people p ON p.id = ma.person_id
            WHERE ma.meeting_id = m.id ORDER BY ma.rowid)) AS attendees,
         n.path AS path, m.duplicate_of AS duplicate_of
  FROM meetings m
  JOIN notes n ON n.id = m.note_id
  LEFT JOIN accounts a ON a.id = m.account_id
  ORDER BY m.date, n.path;

CREATE VIEW decision_list AS
  SELECT d.id AS id, d.date AS date, d.text AS decision, a.name AS account, n.path AS path,
         d.line AS line, d.duplicate_of AS duplicate_of
  FROM decisions d
  JOIN notes n ON n.id = d.note_id
  LEFT JOIN accounts a ON a.id = d.account_id
  ORDER BY d.date IS NULL, d.date, n.path, d.line;

CREATE VIEW distinct_decisions AS
  SELECT * FROM decision_list WHERE duplicate_of IS NULL;

CREATE VIEW person_list AS
  SELECT p.id AS id, p.name AS name, p.role AS role, p.company AS company,
         n.path AS note_path,
         (SELECT count(*) FROM meeting_attendees ma WHERE ma.person_id = p.id) AS meetings,
         (SELECT count(*) FROM tasks t WHERE t.owner_id = p.id
            AND t.status IN ('open', 'in_progress')) AS open_tasks
  FROM people p
  LEFT JOIN notes n ON n.id = p.note_id
  ORDER BY p.name;

CREATE VIEW account_list AS
  SELECT a.id AS id, a.name AS name, a.status AS status, a.industry AS industry,
         n.path AS note_path,
         (SELECT count(*) FROM meetings m WHERE m.account_id = a.id) AS meetings,
         (SELECT count(*) FROM decisions d WHERE d.account_id = a.id) AS decisions
  FROM accounts a
  LEFT JOIN notes n ON n.id = a.note_id
  ORDER BY a.name;
)sql";

// kMigrations[i] turns a database of schema version i + 1 into version i + 2.
inline constexpr const char* kMigrations[] = {
    // 1 -> 2: the ingest_runs table. One row per ingest: written when it starts,
    // completed when it ends, so an ingest that died shows as 'running' until the next
    // one marks it 'interrupted'.
    R"sql(
CREATE TABLE ingest_runs(
  id                INTEGER PRIMARY KEY,
  vault             TEXT NOT NULL,
  started_at        TEXT NOT NULL,
  finished_at       TEXT,
  status            TEXT NOT NULL
                    CHECK (status IN ('running','done','failed','interrupted')),
  notestore_version TEXT NOT NULL,
  files_seen        INTEGER,
  files_parsed      INTEGER,
  files_unchanged   INTEGER,
  files_removed     INTEGER,
  files_failed      INTEGER,
  error             TEXT
);
)sql",
    // 2 -> 3: note_words. The content words of each meeting note's body, hashed while
    // parsing, so that finding repeated meetings reads them instead of every body. A
    // cache: the vault-wide pass computes a missing row from the body.
    R"sql(
CREATE TABLE note_words(
  note_id INTEGER PRIMARY KEY REFERENCES notes(id) ON DELETE CASCADE,
  words   BLOB NOT NULL
);
)sql",
    // 3 -> 4: duplicates_search leads with the repeat's search row id, which is what search
    // looks up (is this hit a repeat, and of what?); it led with the original's. People
    // and accounts keep their counts, written by the vault-wide pass (kPeopleCounts and
    // kAccountCounts, which the upgrade runs after this): counting them per query cost
    // tens of milliseconds for someone who owns half the vault's tasks. The account
    // indexes cover duplicate_of.
    R"sql(
DROP INDEX IF EXISTS duplicates_search;
CREATE INDEX duplicates_search ON duplicates(search_rowid, canonical_search_rowid);
ALTER TABLE people ADD COLUMN meeting_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN open_task_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN meeting_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN decision_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN open_task_count INTEGER NOT NULL DEFAULT 0;
DROP INDEX IF EXISTS meetings_account;
CREATE INDEX meetings_account ON meetings(account_id, duplicate_of);
DROP INDEX IF EXISTS decisions_account;
CREATE INDEX decisions_account ON decisions(account_id, duplicate_of);
)sql",
    // 4 -> 5: notes_file covers what an ingest compares to skip unchanged files. Those
    // columns come after the body, so reading them from the table walks every body's
    // overflow pages: half a re-sync of 100,000 unchanged notes.
    R"sql(
CREATE INDEX notes_file ON notes(path, file_size, file_mtime_ns, content_hash);
)sql",
    // 5 -> 6: the indexes that profiles read carry what chooses a page of each list (its
    // key, filter and sort columns), so that choosing the 20 soonest of an account's 800
    // open tasks reads index keys (and small rows, such as each meeting's date and its
    // note's path) rather than 800 rows with their joins; only the page's rows are then
    // read whole.
    R"sql(
DROP INDEX IF EXISTS tasks_note;
CREATE INDEX tasks_note ON tasks(note_id, status, duplicate_of, due, line);
DROP INDEX IF EXISTS tasks_owner;
CREATE INDEX tasks_owner ON tasks(owner_id, status, duplicate_of, due, note_id, line);
DROP INDEX IF EXISTS meetings_account;
CREATE INDEX meetings_account ON meetings(account_id, duplicate_of, date, note_id);
DROP INDEX IF EXISTS decisions_account;
CREATE INDEX decisions_account ON decisions(account_id, duplicate_of, date, note_id, line);
DROP INDEX IF EXISTS facts_note;
CREATE INDEX facts_note ON facts(note_id, kind, line);
DROP INDEX IF EXISTS notes_account;
CREATE INDEX notes_account ON notes(account_id, path);
DROP INDEX IF EXISTS meeting_attendees_person;
CREATE INDEX meeting_attendees_person ON meeting_attendees(person_id, meeting_id);
DROP INDEX IF EXISTS meeting_attendees_meeting;
CREATE INDEX meeting_attendees_meeting ON meeting_attendees(meeting_id, person_id);
DROP INDEX IF EXISTS person_mentions_person;
CREATE INDEX person_mentions_person ON person_mentions(person_id, note_id);
DROP INDEX IF EXISTS person_mentions_note;
CREATE INDEX person_mentions_note ON person_mentions(note_id, person_id);
DROP INDEX IF EXISTS links_target_note;
CREATE INDEX links_target_note ON links(target_note_id, note_id);
)sql",
    // 6 -> 7: note_words holds 32-bit hashes, half the bytes (the old 64-bit rows are
    // dropped: each is computed again from its body when next needed, and kept); and
    // notes_path maps a note's id to its path without reading its row, whose body
    // spills over pages: a person's 330 meetings are ordered by date, then path.
    R"sql(
DELETE FROM note_words;
CREATE INDEX notes_path ON notes(id, path);
)sql",
    // 7 -> 8: a task carries its note's account, so that an account's open tasks are one
    // range of tasks_account, in due order: choosing the 20 soonest of 800 read 20-odd
    // index entries rather than every open task of the account's 100 notes (0.21 -> 0.04
    // ms at 100k notes), and the account's open-task count needs no join. The writer sets
    // the column as it inserts the task; the trigger keeps it when the note's account
    // changes (the vault-wide pass assigns it, or the writer rewrites the note).
    R"sql(
ALTER TABLE tasks ADD COLUMN account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL;
UPDATE tasks SET account_id = (SELECT account_id FROM notes WHERE notes.id = tasks.note_id);
CREATE INDEX tasks_account ON tasks(account_id, due IS NULL, due, note_id, line)
  WHERE status IN ('open', 'in_progress') AND duplicate_of IS NULL;
CREATE TRIGGER tasks_follow_note_account AFTER UPDATE OF account_id ON notes
  WHEN old.account_id IS NOT new.account_id
BEGIN
  UPDATE tasks SET account_id = new.account_id WHERE note_id = new.id;
END;
)sql",
    // 8 -> 9: search_terms, every term the search index was given (store/search_terms.h),
    // so that a prefix search names the terms it stands for and FTS5 walks only as many
    // rows as it returns, rather than merging each term's whole list first. Filled from
    // the index itself (its vocabulary, which reads the whole index once); from then on
    // the writer adds the terms of the notes it indexes. And an account's latest meetings
    // and decisions, as its profile pages them, are read in date order from an index
    // (only ties of the last date sorted), as its open tasks are from tasks_account: not
    // all of them sorted (0.16 -> 0.04 and 0.21 -> 0.07 ms at 100,000 notes). notes_path
    // also gives a note's account, which its row keeps after the body: a person's
    // accounts, from the notes that name them, read no body's overflow pages (0.32 ->
    // 0.19 ms).
    R"sql(
CREATE TABLE search_terms(
  term TEXT PRIMARY KEY
) WITHOUT ROWID;
CREATE VIRTUAL TABLE temp.search_vocabulary USING fts5vocab(main, search, row);
INSERT INTO search_terms(term) SELECT term FROM temp.search_vocabulary;
DROP TABLE temp.search_vocabulary;
CREATE INDEX meetings_account_latest ON meetings(account_id, date IS NULL, date, note_id)
  WHERE duplicate_of IS NULL;
CREATE INDEX decisions_account_latest
  ON decisions(account_id, date IS NULL, date, note_id, line) WHERE duplicate_of IS NULL;
DROP INDEX IF EXISTS notes_path;
CREATE INDEX notes_path ON notes(id, path, account_id);
)sql",
    // 9 -> 10: each CHECK that a column holds one of three or more words says so with OR
    // rather than IN. SQLite builds an IN list of more than two constants into a
    // temporary b-tree (a pager and page cache of its own) every time the statement
    // runs: about 1.7 us per list each time a row is inserted (a task has two), some 3.5
    // million times in an ingest of 100,000 notes. The same values are accepted, so no
    // row needs checking again: the tables' definitions are edited in place, a variant
    // of the procedure the ALTER TABLE page of SQLite's documentation gives for dropping
    // a CHECK constraint. The table made and dropped after it tells other connections
    // that the schema changed (in place of setting PRAGMA schema_version); RESET reloads
    // it for this one.
    R"sql(
PRAGMA writable_schema = ON;
UPDATE sqlite_master SET sql = replace(sql,
  'CHECK (kind IN (''meeting'',''person'',''account'',''project'',''note''))',
  'CHECK (kind = ''meeting'' OR kind = ''person'' OR kind = ''account'' OR ' ||
  'kind = ''project'' OR kind = ''note'')')
WHERE type = 'table' AND name = 'notes';
UPDATE sqlite_master SET sql = replace(sql,
  'CHECK (source IN (''frontmatter'',''inline'',''table''))',
  'CHECK (source = ''frontmatter'' OR source = ''inline'' OR source = ''table'')')
WHERE type = 'table' AND name = 'properties';
UPDATE sqlite_master SET sql = replace(sql,
  'CHECK (style IN (''wiki'',''markdown'',''frontmatter''))',
  'CHECK (style = ''wiki'' OR style = ''markdown'' OR style = ''frontmatter'')')
WHERE type = 'table' AND name = 'links';
UPDATE sqlite_master SET sql = replace(sql,
  'CHECK (status IN (''open'',''done'',''cancelled'',''in_progress''))',
  'CHECK (status = ''open'' OR status = ''done'' OR status = ''cancelled'' OR ' ||
  'status = ''in_progress'')')
WHERE type = 'table' AND name = 'tasks';
UPDATE sqlite_master SET sql = replace(sql,
  'CHECK (priority IN (''highest'',''high'',''medium'',''low'',''lowest''))',
  'CHECK (priority = ''highest'' OR priority = ''high'' OR priority = ''medium'' OR ' ||
  'priority = ''low'' OR priority = ''lowest'')')
WHERE type = 'table' AND name = 'tasks';
UPDATE sqlite_master SET sql = replace(sql,
  'CHECK (severity IN (''info'',''warning'',''error''))',
  'CHECK (severity = ''info'' OR severity = ''warning'' OR severity = ''error'')')
WHERE type = 'table' AND name = 'diagnostics';
UPDATE sqlite_master SET sql = replace(sql,
  'CHECK (stage IN (''read'',''parse'',''resolve''))',
  'CHECK (stage = ''read'' OR stage = ''parse'' OR stage = ''resolve'')')
WHERE type = 'table' AND name = 'diagnostics';
UPDATE sqlite_master SET sql = replace(sql,
  'CHECK (kind IN (''meeting'',''task'',''decision''))',
  'CHECK (kind = ''meeting'' OR kind = ''task'' OR kind = ''decision'')')
WHERE type = 'table' AND name = 'duplicates';
UPDATE sqlite_master SET sql = replace(sql,
  'CHECK (status IN (''running'',''done'',''failed'',''interrupted''))',
  'CHECK (status = ''running'' OR status = ''done'' OR status = ''failed'' OR ' ||
  'status = ''interrupted'')')
WHERE type = 'table' AND name = 'ingest_runs';
CREATE TABLE notestore_schema_changed(x);
DROP TABLE notestore_schema_changed;
PRAGMA writable_schema = RESET;
)sql",
};

// The counts people and accounts keep (schema 4): meetings attended and open tasks owned
// (repeats left out); an account's meetings, decisions and open tasks (of its notes),
// repeats left out. Only rows whose counts changed are written. ?1 is a JSON array of the
// ids to count, or NULL (as when run unbound) for every row.
inline constexpr const char* kPeopleCounts = R"sql(
UPDATE people SET meeting_count = c.meetings, open_task_count = c.open_tasks
FROM (SELECT p.id AS id,
        (SELECT count(*) FROM meeting_attendees WHERE person_id = p.id) AS meetings,
        (SELECT count(*) FROM tasks WHERE owner_id = p.id
           AND status IN ('open', 'in_progress') AND duplicate_of IS NULL) AS open_tasks
      FROM people p
      WHERE ?1 IS NULL OR p.id IN (SELECT value FROM json_each(?1))) AS c
WHERE people.id = c.id
  AND (people.meeting_count <> c.meetings OR people.open_task_count <> c.open_tasks);
)sql";
inline constexpr const char* kAccountCounts = R"sql(
UPDATE accounts SET meeting_count = c.meetings, decision_count = c.decisions,
                    open_task_count = c.open_tasks
FROM (SELECT a.id AS id,
        (SELECT count(*) FROM meetings WHERE account_id = a.id AND duplicate_of IS NULL)
          AS meetings,
        (SELECT count(*) FROM decisions WHERE account_id = a.id AND duplicate_of IS NULL)
          AS decisions,
        (SELECT count(*) FROM tasks WHERE account_id = a.id
           AND status IN ('open', 'in_progress') AND duplicate_of IS NULL) AS open_tasks
      FROM accounts a
      WHERE ?1 IS NULL OR a.id IN (SELECT value FROM json_each(?1))) AS c
WHERE accounts.id = c.id
  AND (accounts.meeting_count <> c.meetings OR accounts.decision_count <> c.decisions
       OR accounts.open_task_count <> c.open_tasks);
)sql";

}  // namespace notestore::store

#endif  // NOTESTORE_LIB_STORE_SCHEMA_SQL_H_
