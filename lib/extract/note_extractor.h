// Stage 4, extract: the meaning of one note (kind, meeting, people, accounts,
// decisions, facts) from its parsed form and path. Pure and thread-safe.
#ifndef NOTESTORE_LIB_EXTRACT_NOTE_EXTRACTOR_H_
#define NOTESTORE_LIB_EXTRACT_NOTE_EXTRACTOR_H_

#include <string_view>

#include "extract/note_record.h"
#include "parse/parsed_note.h"

namespace notestore::extract {

// `rel_path` is the note's path in the vault ("Meetings/2025-10-22 - Sync.md"); its
// file name gives the title and date when the note states none.
NoteRecord ExtractNote(std::string_view rel_path, const parse::ParsedNote& note);

}  // namespace notestore::extract

#endif  // NOTESTORE_LIB_EXTRACT_NOTE_EXTRACTOR_H_
