#include "api/prepared_file.h"

#include "decode/note_text.h"
#include "extract/note_extractor.h"
#include "repair/mojibake.h"
#include "resolve/similarity.h"
#include "util/hash.h"

namespace notestore::api {
namespace {

using Outcome = PreparedFile::Outcome;

std::string RepairMessage(const repair::RepairReport& r) {
  std::string encodings;
  for (const std::string& e : r.encodings) encodings += (encodings.empty() ? "" : " and ") + e;
  return "repaired " + std::to_string(r.characters) + " character(s) of text mis-decoded as " +
         encodings + " (e.g. " + r.example + "); the file is unchanged";
}

Outcome ReadOutcomeToPrepared(decode::ReadOutcome outcome) {
  switch (outcome) {
    case decode::ReadOutcome::kVanished:
      return Outcome::kVanished;
    case decode::ReadOutcome::kTooLarge:
      return Outcome::kSkipped;  // The file no longer holds that note.
    case decode::ReadOutcome::kFailed:
      return Outcome::kFailed;  // A note that cannot be read now keeps its last version.
    case decode::ReadOutcome::kRead:
      break;
  }
  return Outcome::kParsed;
}

}  // namespace

parse::ParseOptions ParseOptionsFor(const IngestOptions& options) {
  parse::ParseOptions out;
  out.frontmatter.max_properties = options.max_frontmatter_values;
  out.frontmatter.max_depth = options.max_frontmatter_depth;
  out.tables.max_columns = options.max_table_columns;
  out.tables.max_cells = options.max_table_cells;
  out.tables.max_bytes = options.max_table_bytes;
  return out;
}

PreparedFile PrepareFile(const scan::ScannedFile& file, const StoredFile* stored, bool reparse_all,
                         const IngestOptions& options, const parse::ParseOptions& parse_options,
                         store::SearchTermClaims* claims, size_t order) {
  PreparedFile out;
  out.read_diagnostics = file.diagnostics;
  if (file.size > options.max_file_bytes) {
    AddDiagnostic(&out.read_diagnostics, Severity::kError, "file-too-large",
                  "file is " + std::to_string(file.size) + " bytes, over the limit of " +
                      std::to_string(options.max_file_bytes) + "; not ingested");
    out.outcome = Outcome::kSkipped;
    return out;
  }
  std::string bytes;
  out.outcome = ReadOutcomeToPrepared(
      decode::ReadFile(file.abs_path, options.max_file_bytes, &bytes, &out.read_diagnostics));
  if (out.outcome != Outcome::kParsed) return out;
  if (decode::LooksBinary(bytes)) {
    AddDiagnostic(&out.read_diagnostics, Severity::kError, "binary-file",
                  "file holds binary data (NUL bytes), not text; not ingested");
    out.outcome = Outcome::kSkipped;
    return out;
  }
  out.hash = static_cast<int64_t>(util::Hash64(bytes));
  if (stored && !reparse_all && stored->hash == out.hash) {
    out.outcome = Outcome::kRestat;
    return out;
  }
  decode::DecodedText text = decode::DecodeNoteBytes(bytes);
  std::string().swap(bytes);  // Free the raw copy before parsing.
  out.read_diagnostics.insert(out.read_diagnostics.end(), text.diagnostics.begin(),
                              text.diagnostics.end());
  if (options.repair_text) {
    repair::RepairReport repairs;
    text.text = repair::RepairMojibake(text.text, &repairs);
    out.repairs = repairs.characters;
    if (repairs.characters > 0) {
      AddDiagnostic(&out.read_diagnostics, Severity::kInfo, "repaired-text",
                    RepairMessage(repairs));
    }
  }
  out.note = parse::ParseNote(text.text, parse_options);
  out.record = extract::ExtractNote(file.rel_path, *out.note);
  // A meeting's content words, for finding repeated meetings, hashed here on the
  // parsing threads rather than from every body by the vault-wide pass.
  if (out.record->meeting) {
    out.meeting_words = resolve::PackWordHashes(resolve::ContentWordHashes(out.note->body));
  }
  // Tokenized here, on a parsing thread, for the writer's FTS5 to replay: about a twelfth
  // of the writing thread's work in a first ingest (token_replay.h). One tokenizer a thread.
  // The tokens also name the terms the store's vocabulary may lack.
  if (claims != nullptr) {
    static thread_local const store::TokenRecorder recorder;
    out.search_tokens = store::TokenizeNote(recorder, *out.note, *out.record);
    out.new_search_terms = claims->Claim(*out.search_tokens, order);
  }
  return out;
}

}  // namespace notestore::api
