// Row ids of the `search` FTS5 table. A row id says which note a hit belongs to and
// what kind of hit it is, so ranking and grouping need no lookups, and a note's rows can be
// deleted as one range:
//   rowid = note_id << 24 | kind << 22 | ordinal
// where kind is 0 for the note itself, 1 for a task, 2 for a decision, and ordinal is
// the task's or decision's position in its note (so at most 4,194,304 of each per note;
// the rest are not indexed for search).
#ifndef NOTESTORE_LIB_STORE_SEARCH_ROWID_H_
#define NOTESTORE_LIB_STORE_SEARCH_ROWID_H_

#include <cstdint>

namespace notestore::store {

enum class SearchRowKind : int64_t { kNote = 0, kTask = 1, kDecision = 2 };

inline constexpr int kSearchNoteShift = 24;
inline constexpr int kSearchKindShift = 22;
inline constexpr int64_t kSearchMaxOrdinal = (int64_t{1} << kSearchKindShift) - 1;

constexpr int64_t SearchRowid(int64_t note_id, SearchRowKind kind, int64_t ordinal) {
  return (note_id << kSearchNoteShift) | (static_cast<int64_t>(kind) << kSearchKindShift) | ordinal;
}
// The first and last row ids a note can have.
constexpr int64_t SearchRowidFirst(int64_t note_id) { return note_id << kSearchNoteShift; }
constexpr int64_t SearchRowidLast(int64_t note_id) {
  return ((note_id + 1) << kSearchNoteShift) - 1;
}

}  // namespace notestore::store

#endif  // NOTESTORE_LIB_STORE_SEARCH_ROWID_H_
