// Stage 6, resolve: which notes the vault-wide pass looks at again. Every note, or the
// notes an ingest changed (store/change_set.h) and what depends on them.
#ifndef NOTESTORE_LIB_RESOLVE_SCOPE_H_
#define NOTESTORE_LIB_RESOLVE_SCOPE_H_

#include <cstdint>
#include <set>
#include <string>

#include "store/change_set.h"

namespace notestore::resolve {

// The parts of the pass add what they change as they go (people before accounts before
// duplicates before counts), so that later parts follow.
class Scope {
 public:
  static Scope Full() { return Scope(nullptr); }
  // Scoped to `changes`, which must outlive the Scope.
  static Scope Of(const store::ChangeSet& changes) { return Scope(&changes); }

  bool full() const { return changes_ == nullptr; }
  // Notes written or removed (empty when full: then every note is in scope).
  const std::set<int64_t>& notes() const { return changes_ ? changes_->notes : kNone; }
  // Paths of notes added or removed (empty when full: then links are all resolved again).
  const std::set<std::string>& moved_paths() const {
    return changes_ ? changes_->moved_paths : kNoPaths;
  }
  const store::ChangeSet& changes() const { return changes_ ? *changes_ : kNoChanges; }

  // Filled by the people pass: meetings whose resolved attendees changed, notes whose
  // tasks' owners changed, and every person an assignment moved a row from or to.
  std::set<int64_t> attendees_changed;
  std::set<int64_t> owners_changed;
  std::set<int64_t> people_touched;
  // Set by the people pass when the change may alter how names in other notes resolve,
  // so that it resolved every name of the vault (the later parts stay scoped).
  bool people_whole_vault = false;
  // Filled by the later parts: accounts and notes whose counted rows may have changed.
  std::set<int64_t> accounts_touched;
  std::set<int64_t> notes_touched;

 private:
  explicit Scope(const store::ChangeSet* changes) : changes_(changes) {}
  static inline const std::set<int64_t> kNone{};
  static inline const std::set<std::string> kNoPaths{};
  static inline const store::ChangeSet kNoChanges{};
  const store::ChangeSet* changes_;
};

}  // namespace notestore::resolve

#endif  // NOTESTORE_LIB_RESOLVE_SCOPE_H_
