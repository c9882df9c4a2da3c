// Stage 6, resolve: the decisions of the vault-wide pass compared on a thread of their
// own, while the pass's earlier parts (people, accounts, links, meetings, tasks) run.
//
// Comparing decisions (CompareDecisions) reads all of them and finds their words: a
// tenth of a 1% re-sync at 100,000 notes, on one core while the other waits. It needs
// neither the meeting groups nor the vault order the earlier parts settle, and it reads
// only the decisions table, which they leave as it is (but for account_id, which it
// does not read). So once an ingest has committed its notes ("publish"), a second,
// read-only connection to the same file reads what the pass's own connection would.
#ifndef NOTESTORE_LIB_RESOLVE_DECISIONS_AHEAD_H_
#define NOTESTORE_LIB_RESOLVE_DECISIONS_AHEAD_H_

#include <SQLiteCpp/Database.h>

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "resolve/duplicate_decisions.h"
#include "resolve/scope.h"

namespace notestore::resolve {

class DecisionsAhead {
 public:
  // Starts comparing the decisions in `scope` (a copy taken before the pass's parts add
  // to it; its changes must outlive this) as they are committed in `db`'s file. Only
  // for a pass whose every input `db` has committed: the helper cannot see what the
  // caller's open transaction holds. Starts nothing for a database without a file (in
  // memory) or not in WAL mode, on one core, or without a thread to be had.
  DecisionsAhead(SQLite::Database& db, Scope scope);
  // Stops the comparison if still under way, and waits for it.
  ~DecisionsAhead();
  DecisionsAhead(const DecisionsAhead&) = delete;
  DecisionsAhead& operator=(const DecisionsAhead&) = delete;

  // Waits for the comparison and hands it over, if it read the decisions `db` holds (as
  // many, the same highest id: not another file put in the store's place meanwhile);
  // nullopt when none ran, it failed, or it read others (the caller then compares in
  // place, where a real error meets it again). Once only.
  std::optional<ComparedDecisions> Take(SQLite::Database& db);

 private:
  void Run(const std::string& path);

  const Scope scope_;  // Its own: the caller's gains members as the pass goes.
  std::atomic<bool> cancel_{false};
  std::optional<ComparedDecisions> result_;  // Set by the thread; read after join.
  std::thread thread_;
};

}  // namespace notestore::resolve

#endif  // NOTESTORE_LIB_RESOLVE_DECISIONS_AHEAD_H_
