// Two versions of one generated vault, for tests of an ingest that brings a store from
// one to the other (crash consistency, readers during an ingest).
#ifndef NOTESTORE_TESTS_SUPPORT_VERSIONED_VAULT_H_
#define NOTESTORE_TESTS_SUPPORT_VERSIONED_VAULT_H_

#include <string>

namespace notestore::testing {

inline constexpr const char* kGeneratedMe = "Alex Rivera";  // The generated vault's owner.

struct VersionedVault {
  std::string old_dir;  // The earlier version.
  std::string new_dir;  // The later one.
};

// Writes under `root` a generated vault of `notes` notes (new_dir) and an earlier version
// of it (old_dir) in which every `changed_every`-th note has one more task, every 50th
// note is not written yet, and 40 notes exist that the later version deleted.
VersionedVault WriteVersionedVault(const std::string& root, int notes, int target_bytes,
                                   int changed_every);

}  // namespace notestore::testing

#endif  // NOTESTORE_TESTS_SUPPORT_VERSIONED_VAULT_H_
