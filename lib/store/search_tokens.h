// Stage 5, store: the texts of a note's search rows, and their tokens recorded on a
// parsing thread for the writer to replay (token_replay.h).
#ifndef NOTESTORE_LIB_STORE_SEARCH_TOKENS_H_
#define NOTESTORE_LIB_STORE_SEARCH_TOKENS_H_

#include <string>
#include <vector>

#include "extract/note_record.h"
#include "parse/parsed_note.h"
#include "store/token_replay.h"

namespace notestore::store {

// The title column of a note's own search row: its title, then its aliases.
std::string SearchTitle(const extract::NoteRecord& record, const parse::ParsedNote& note);

// The tokens of each text a note's search rows index (NoteWriter's rows): its title and
// body, each task's text (by task index) and each decision's (by decision index).
struct NoteTokens {
  TokenList title;
  TokenList body;
  std::vector<TokenList> tasks;
  std::vector<TokenList> decisions;
};

// Records the tokens of `note`'s search texts with `recorder`.
NoteTokens TokenizeNote(const TokenRecorder& recorder, const parse::ParsedNote& note,
                        const extract::NoteRecord& record);

}  // namespace notestore::store

#endif  // NOTESTORE_LIB_STORE_SEARCH_TOKENS_H_
