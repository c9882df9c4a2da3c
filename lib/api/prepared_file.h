// Everything an ingest does to one file before touching the database: read, decode,
// repair, parse and extract. Pure and thread-safe, so files are prepared on all cores
// while one thread writes.
#ifndef NOTESTORE_LIB_API_PREPARED_FILE_H_
#define NOTESTORE_LIB_API_PREPARED_FILE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "extract/note_record.h"
#include "notestore/ingest.h"
#include "parse/note_parser.h"
#include "parse/parsed_note.h"
#include "scan/vault_scanner.h"
#include "store/search_terms.h"
#include "store/search_tokens.h"

namespace notestore::api {

// What the store holds for a path, to notice that its file has not changed.
struct StoredFile {
  int64_t id = 0;
  int64_t size = 0;
  int64_t mtime_ns = 0;
  int64_t hash = 0;
};

struct PreparedFile {
  enum class Outcome {
    kRestat,    // Same content hash as stored: only the file's size or mtime changed.
    kParsed,    // `note` and `record` hold the new version.
    kVanished,  // Deleted since the scan.
    kSkipped,   // Not a note (too large, binary): its stored version, if any, goes.
    kFailed,    // Unreadable now: its stored version stays.
  };
  Outcome outcome = Outcome::kParsed;
  Diagnostics read_diagnostics;  // From the scan, the read and the decode.
  int64_t hash = 0;
  int repairs = 0;  // Characters changed by text repair.
  std::optional<parse::ParsedNote> note;
  std::optional<extract::NoteRecord> record;
  std::string meeting_words;  // A meeting's body words (resolve::PackWordHashes); else empty.
  std::optional<store::NoteTokens> search_tokens;  // Its search texts' tokens.
  // The terms of those tokens no note prepared before in this ingest claimed, for the
  // writer to add to the store's vocabulary (store/search_terms.h).
  std::vector<std::string> new_search_terms;
};

// Reads and parses `file`, unless its content hash equals that of `stored`, the
// version in the store (null for a new path; `reparse_all` ignores it). The caller skips
// files whose size and mtime match the store before calling this. Never throws for a bad file: its
// problems are diagnostics. Safe to call from several threads at once. With `claims`,
// also records the tokens of the note's search texts, for the writer to replay, and
// claims their new terms from it for the file the writer writes `order`th; null leaves
// out both (to time parsing alone).
PreparedFile PrepareFile(const scan::ScannedFile& file, const StoredFile* stored, bool reparse_all,
                         const IngestOptions& options, const parse::ParseOptions& parse_options,
                         store::SearchTermClaims* claims, size_t order = 0);

// The parser limits that IngestOptions sets.
parse::ParseOptions ParseOptionsFor(const IngestOptions& options);

}  // namespace notestore::api

#endif  // NOTESTORE_LIB_API_PREPARED_FILE_H_
