// A vault of junk, generated on demand (nothing this size belongs in git): every kind of
// file that has broken note tools, next to good notes that must still be ingested.
#ifndef NOTESTORE_TESTS_SUPPORT_HOSTILE_VAULT_H_
#define NOTESTORE_TESTS_SUPPORT_HOSTILE_VAULT_H_

#include <string>
#include <vector>

namespace notestore::testing {

struct HostileCase {
  std::string path;           // Relative to the vault.
  std::string what;           // What is wrong with it.
  std::string expected_code;  // The diagnostic it must produce ("" when it is just a note).
};

// Writes the hostile corpus under `vault` (which must exist) and returns its cases. The
// good notes are "Good/note N.md", each holding one task "- [ ] good task N".
std::vector<HostileCase> WriteHostileVault(const std::string& vault, int good_notes);

}  // namespace notestore::testing

#endif  // NOTESTORE_TESTS_SUPPORT_HOSTILE_VAULT_H_
