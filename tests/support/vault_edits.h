// Random edits of a vault's notes, of the kinds that change what the vault-wide pass
// derives from more than one note: task owners and due dates, repeated tasks and
// decisions, copied meetings, meeting dates and attendees, accounts, links, person
// notes, and notes added, removed and renamed. For tests that compare an ingest of the
// edits into an existing store with a fresh ingest of the edited vault.
#ifndef NOTESTORE_TESTS_SUPPORT_VAULT_EDITS_H_
#define NOTESTORE_TESTS_SUPPORT_VAULT_EDITS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace notestore::testing {

class VaultEditor {
 public:
  // Edits the notes under `dir`; the same seed makes the same edits of the same vault.
  // `names` and `accounts` are what new owners, attendees and accounts are drawn from
  // (with some names and accounts no note has yet).
  VaultEditor(std::string dir, uint64_t seed, std::vector<std::string> names,
              std::vector<std::string> accounts);

  // Makes one edit; returns what it did ("append task to X"), for failure messages.
  std::string EditOnce();

 private:
  uint64_t Next();
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Below(v.size())];
  }
  std::vector<std::string> Notes() const;  // Paths relative to dir_, sorted.
  std::string Owner();
  std::string Date();

  std::string AppendTask(const std::string& rel, std::vector<std::string>& lines);
  std::string RepeatTask(const std::string& rel, std::vector<std::string>& lines);
  std::string DropTask(const std::string& rel, std::vector<std::string>& lines);
  std::string CopyDecision(const std::string& rel, std::vector<std::string>& lines);
  std::string ChangeDate(const std::string& rel, std::vector<std::string>& lines);
  std::string ChangeAttendees(const std::string& rel, std::vector<std::string>& lines);
  std::string ChangeAccount(const std::string& rel, std::vector<std::string>& lines);
  std::string ChangePersonNote(const std::string& rel, std::vector<std::string>& lines);
  std::string AddLink(const std::string& rel, std::vector<std::string>& lines);

  std::string dir_;
  uint64_t state_;
  std::vector<std::string> names_;
  std::vector<std::string> accounts_;
  int created_ = 0;
};

}  // namespace notestore::testing

#endif  // NOTESTORE_TESTS_SUPPORT_VAULT_EDITS_H_
