// Writing one note's rows: the notes row and everything parsed and extracted from it.
// Statements are prepared once per writer and reused for every note.
#ifndef NOTESTORE_LIB_STORE_NOTE_WRITER_H_
#define NOTESTORE_LIB_STORE_NOTE_WRITER_H_

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "extract/note_record.h"
#include "parse/parsed_note.h"
#include "store/change_set.h"
#include "store/known_people.h"
#include "store/row_set.h"
#include "store/search_rowid.h"
#include "store/search_tokens.h"
#include "store/token_replay.h"

namespace notestore::store {

// What the store keeps about a note's file, to notice changes on the next ingest.
struct FileState {
  std::string path;  // Relative to the vault.
  int64_t size = 0;
  int64_t mtime_ns = 0;
  int64_t hash = 0;
  int repairs = 0;  // Characters changed by text repair.
};

// Not thread-safe; use from the one thread that owns the connection, inside a
// transaction the caller manages.
class NoteWriter {
 public:
  // Records what it writes and removes in `changes`, when given (not owned; must outlive
  // the writer).
  explicit NoteWriter(SQLite::Database& db, ChangeSet* changes = nullptr);
  ~NoteWriter();

  // Stores a new note or replaces the rows of an existing one (same path, same id): each
  // kind of its rows is rewritten only if it changed, so unchanged rows keep their ids
  // and resolved references.
  // `read_diagnostics` come from decoding the file; `meeting_words`, when not empty, is
  // the note_words blob of a meeting. `tokens`, when not null, holds the search texts'
  // tokens (TokenizeNote), which the connection's token replay, if installed, hands to
  // FTS5 rather than tokenizing here; the writer takes them (moves from *tokens). The
  // note's search rows wait for FlushSearch(). Returns the note's id.
  int64_t Write(const FileState& file, const parse::ParsedNote& note,
                const extract::NoteRecord& record, const Diagnostics& read_diagnostics,
                const std::string& meeting_words, NoteTokens* tokens = nullptr);

  // Writes the search rows of the notes written and removed since the last call. Call it
  // before committing the transaction they were written in: rows still waiting when the
  // writer is destroyed are dropped. Write() also calls it, after a note, once the rows
  // waiting hold kFlushSearchBytes of text, so a large batch does not hold them all.
  //
  // Why they wait: FTS5 writes the terms it holds out as a new segment of its index at
  // every statement that opens a savepoint, such as an UPDATE of a column a trigger
  // watches (a changed note's row: notes.account_id). Writing each note's search rows
  // with the note made a segment per changed note, each merged again and again; the
  // rows of a batch of notes, written together in row id order, make one.
  void FlushSearch();
  static constexpr size_t kFlushSearchBytes = size_t{4} << 20;

  // From now on, sets the person ids of the task owners, attendees and mentions it
  // writes where the name alone tells who it is (KnownPeople), creating those people;
  // `me` is the --me name. Only for an ingest whose vault-wide pass is a whole-vault one
  // (a first ingest): that pass checks every id and removes people no row names.
  void AssignKnownPeople(const std::string& me);
  // Deletes a note and all its rows.
  void Remove(int64_t note_id);

  // Records a new size and mtime for a note whose content hash did not change.
  void UpdateFileStat(int64_t note_id, int64_t size, int64_t mtime_ns);

  // Diagnostics for a path that is not (or no longer) stored as a note, such as a file
  // that could not be read. `note_id` is 0 when there is no stored note for the path.
  void WriteFileProblem(const std::string& path, int64_t note_id, const Diagnostics& diagnostics);

 private:
  struct Statements;
  // The rows of the kinds NoteWriter writes as given (see note_writer.cpp), by kind.
  static void ParsedRows(const parse::ParsedNote& note, std::vector<RowSet>* rows);
  static void ExtractedRows(const extract::NoteRecord& record, std::vector<RowSet>* rows);
  // The id of the account `record` is about (created if new), or 0 for none.
  int64_t NoteAccount(const extract::NoteRecord& record);
  // Tasks (with their tags and search rows) and decisions (with theirs), replaced when
  // the note was `stored` only if they changed (tasks from the first that changed).
  // `account`: the note's account id (0 for none), which its tasks carry.
  void WriteTasks(int64_t id, int64_t account, const parse::ParsedNote& note, bool stored,
                  const NoteTokens* tokens);
  void WriteDecisions(int64_t id, const extract::NoteRecord& record, bool stored,
                      const NoteTokens* tokens);
  // The known person id of `name` (AssignKnownPeople), or 0.
  int64_t KnownPerson(const std::string& name);
  void InsertDiagnostics(int64_t note_id, const std::string& path, const Diagnostics& diagnostics,
                         const char* stage);
  // Queues the stored search rows of one kind of a note, from the `from`th on, for
  // deletion by FlushSearch.
  void ReplaceSearch(int64_t note_id, SearchRowKind kind, int64_t from = 0);
  // Queues a search row (copying its texts); the token lists (which may be null) must
  // live until FlushSearch.
  void InsertSearch(int64_t rowid, const std::string& title, const std::string& body,
                    const char* kind, int64_t ref_id, const TokenList* title_tokens,
                    const TokenList* body_tokens = nullptr);

  struct SearchRow {
    int64_t rowid;
    std::string title;
    std::string body;
    const char* kind;
    int64_t ref_id;
    const TokenList* title_tokens;
    const TokenList* body_tokens;
  };

  SQLite::Database& db_;
  ChangeRecorder recorder_;
  std::unique_ptr<Statements> st_;
  TokenReplay* replay_;                  // The connection's, or null.
  std::unique_ptr<KnownPeople> people_;  // Set by AssignKnownPeople, else null.
  std::vector<int64_t> old_search_;      // Row ids of stored rows to delete.
  std::vector<SearchRow> new_search_;    // Rows to insert.
  std::deque<NoteTokens> tokens_;        // Their tokens (a deque never moves them).
  size_t queued_bytes_ = 0;              // Of the queued rows' texts.
};

}  // namespace notestore::store

#endif  // NOTESTORE_LIB_STORE_NOTE_WRITER_H_
