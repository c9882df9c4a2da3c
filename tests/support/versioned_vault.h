// Two versions of one generated vault, for tests of an ingest that brings a store from
// one to the other (crash consistency, readers during an ingest).
#ifndef NOTESTORE_TESTS_SUPPORT_VERSIONED_VAULT_H_
#define NOTESTORE_TESTS_SUPPORT_VERSIONED_VAULT_H_

#include <string>

namespace notestore::testing {

inline constexpr const char* kGeneratedMe = "Alex Rivera";  // The generated vault's owner.

struct VersionedVault {
  std::string old_dir;    // The earlier version.
  std::string new_dir;    // The later one.
  std::string early_dir;  // Another earlier one, differing only in the first notes.
};

// Writes under `root` a generated vault of `notes` notes (new_dir) and two earlier
// versions of it. In old_dir every `changed_every`-th note has one more task, every 50th
// note is not written yet, and 40 notes exist that the later version deleted. In
// early_dir only the first 100 notes (in path order, so in the first batch an ingest
// writes) have one more task: an ingest from it to new_dir changes nothing after that.
VersionedVault WriteVersionedVault(const std::string& root, int notes, int target_bytes,
                                   int changed_every);

}  // namespace notestore::testing

#endif  // NOTESTORE_TESTS_SUPPORT_VERSIONED_VAULT_H_
