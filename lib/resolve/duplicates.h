// Stage 6, resolve: linking repeats. Notes generated from transcripts repeat themselves:
// one meeting written up twice, an action item listed twice in other words, a decision
// copied into an account note and a project note. This pass fills the duplicate_of
// columns of meetings, tasks and decisions (nothing is deleted) and the `duplicates`
// table that says why, with the similarity (see similarity.h).
//
//  - Meetings are the same when their dates match, their resolved attendees overlap (at
//    least half of the smaller list) and their bodies are alike. The canonical note is the
//    richest (most tasks, decisions and facts, then the longest), then the first by path.
//  - Tasks are the same when they are in one note, or in notes of one meeting, have the
//    same owner and the same due date, and are worded alike. The canonical task is the
//    first: in the canonical meeting, then by path and line.
//  - Decisions are the same, across all notes, when worded alike and not dated
//    differently. The canonical one is the first, as for tasks.
#ifndef NOTESTORE_LIB_RESOLVE_DUPLICATES_H_
#define NOTESTORE_LIB_RESOLVE_DUPLICATES_H_

#include <SQLiteCpp/Database.h>

#include "resolve/scope.h"
#include "util/step_times.h"

namespace notestore::resolve {

class DecisionsAhead;

// Call inside the write transaction of the vault-wide pass, after people are resolved.
// Links again what `scope` covers (all when full), and adds to it the people and
// accounts whose counts the changed links move. Laps "meetings", "tasks" and
// "decisions" on `steps`. `ahead`, when given, is comparing the decisions already.
void LinkDuplicates(SQLite::Database& db, Scope& scope, util::StepTimes& steps,
                    DecisionsAhead* ahead = nullptr);

}  // namespace notestore::resolve

#endif  // NOTESTORE_LIB_RESOLVE_DUPLICATES_H_
